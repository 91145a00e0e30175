#ifndef CTESTSUPPORT_H
#define CTESTSUPPORT_H

#include <spawn.h>

/// posix_spawn_file_actions_addclosefrom_np: the child closes every descriptor from `from` on.
/// Returns 0, or an errno value (ENOSYS where the C library lacks it).
int cw_spawn_file_actions_addclosefrom(posix_spawn_file_actions_t *actions, int from);

/// pipe2(fds, O_CLOEXEC): both ends closed on exec, atomically. Returns 0 or -1 with errno set.
int cw_pipe_cloexec(int fds[2]);

/// The number of descriptors this process has open, and of those, how many are sockets and pipes.
/// Returns -1 where it cannot count.
int cw_open_descriptors(int *sockets, int *pipes);

#endif
