#define _GNU_SOURCE
#include "CTestSupport.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int cw_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    return posix_spawn_file_actions_addclosefrom_np(actions, from);
#else
    (void)actions;
    (void)from;
    return ENOSYS;
#endif
}

int cw_pipe_cloexec(int fds[2]) {
#if defined(__linux__)
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

int cw_open_descriptors(int *sockets, int *pipes) {
    *sockets = 0;
    *pipes = 0;
    DIR *folder = opendir("/proc/self/fd");
    if (folder == NULL) return -1;
    int own = dirfd(folder);
    int count = 0;
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        int fd = atoi(entry->d_name);
        if (fd == own) continue;
        count += 1;
        char path[64], target[256];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        ssize_t length = readlink(path, target, sizeof target - 1);
        if (length <= 0) continue;
        target[length] = 0;
        if (strncmp(target, "socket:", 7) == 0) *sockets += 1;
        if (strncmp(target, "pipe:", 5) == 0) *pipes += 1;
    }
    closedir(folder);
    return count;
}

#if defined(__linux__)
/// At the exit of a test bundle (`*.xctest`), one line on standard error: the descriptors it
/// still holds once every test has ended, the census of what the tests left open.
static void report_descriptors(void) {
    int sockets, pipes;
    int count = cw_open_descriptors(&sockets, &pipes);
    if (count < 0) return;
    fprintf(stderr, "descriptor census at exit: %d open (%d sockets, %d pipes)\n", count, sockets, pipes);
}

__attribute__((constructor)) static void install_census(void) {
    const char *name = program_invocation_short_name;
    size_t length = strlen(name);
    if (length > 7 && strcmp(name + length - 7, ".xctest") == 0) atexit(report_descriptors);
}
#endif
