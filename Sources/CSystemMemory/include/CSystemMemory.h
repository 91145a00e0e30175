#ifndef CSYSTEMMEMORY_H
#define CSYSTEMMEMORY_H

/// Gives the pages the C library's allocator holds free back to the system (glibc's
/// malloc_trim, Darwin's malloc_zone_pressure_relief), for a process about to rest. Memory in
/// use is not touched. Does nothing where the C library has no such call.
void cw_return_free_memory(void);

/// Makes the C library's allocator serve every thread from one arena (glibc's M_ARENA_MAX of
/// 1) instead of one more for each thread that allocates while others do, for a process that
/// does little in parallel and rests most of the time: each arena keeps its own free and
/// partly used pages at rest. Call it first thing, before other threads start: a thread that
/// has allocated keeps its arena. Leaves a MALLOC_ARENA_MAX set in the environment in force,
/// and does nothing where the C library has no such setting.
void cw_use_one_arena(void);

#endif
