#ifndef CSYSTEMMEMORY_H
#define CSYSTEMMEMORY_H

/// Gives the pages the C library's allocator holds free back to the system (glibc's
/// malloc_trim, Darwin's malloc_zone_pressure_relief), for a process about to rest. Memory in
/// use is not touched. Does nothing where the C library has no such call.
void cw_return_free_memory(void);

/// Makes the C library's allocator keep at most `arenas` arenas (glibc's M_ARENA_MAX; by default
/// eight per processor, each thread that allocates taking one), for a process whose threads
/// mostly wait. Call it before other threads start. Does nothing elsewhere.
void cw_limit_malloc_arenas(int arenas);

#endif
