/* bench.h -- what every kernel of bench/kernels/ provides to driver.c.

   A kernel is one translation unit: kernel_init builds its input (at run
   time, from a seed, so that nothing folds at compile time) and kernel_run
   does ITERS units of work and returns a checksum that depends on all of
   it.  The same source gives the "hand" variant when BENCH_HAND is
   defined: the allocation written as a stack object by hand.  */
#ifndef BENCH_H
#define BENCH_H

#include <stddef.h>
#include <stdint.h>

extern const char kernel_name[];
void kernel_init (unsigned seed);
uint64_t kernel_run (long iters);

/* The program's own allocator (bench/xmalloc.c, another translation unit),
   declared as a project declares its xmalloc (clang knows no deallocator
   argument of the malloc attribute).  */
void bench_xfree (void *);
#if defined __GNUC__ && !defined __clang__
__attribute__ ((malloc, malloc (bench_xfree, 1), alloc_size (1)))
#else
__attribute__ ((malloc, alloc_size (1)))
#endif
void *bench_xmalloc (size_t);

/* A small deterministic generator for inputs.  */
static inline uint32_t
bench_rand (uint64_t *state)
{
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t) (*state >> 33);
}

#endif
