#ifndef CSYSTEMMEMORY_H
#define CSYSTEMMEMORY_H

/// Gives the pages the C library's allocator holds free back to the system (glibc's
/// malloc_trim, Darwin's malloc_zone_pressure_relief), for a process about to rest. Memory in
/// use is not touched. Does nothing where the C library has no such call.
void cw_return_free_memory(void);

#endif
