#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H

// Counts heap allocations made by the calling thread while counting is on.
//
// The test executable defines malloc, calloc, realloc, posix_memalign, aligned_alloc and
// memalign itself; the dynamic linker then resolves every library's calls to these
// definitions (an executable's symbols come first), and they forward to glibc's
// __libc_* entry points. Counting is per thread, so tests running in parallel on other
// threads do not disturb a measurement.

/// Starts counting this thread's allocations from zero.
void allocation_counter_start(void);

/// Stops counting and returns the number of allocations this thread made since the start.
long allocation_counter_stop(void);

#endif
