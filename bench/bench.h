/* bench.h -- what every kernel of bench/kernels/ provides to driver.c.

   A kernel is one translation unit: kernel_init builds its input (at run
   time, from a seed, so that nothing folds at compile time) and kernel_run
   does ITERS units of work and returns a checksum that depends on all of
   it.  The same source gives the "hand" variant when BENCH_HAND is
   defined: the allocation written as a stack object by hand.  */
#ifndef BENCH_H
#define BENCH_H

#include <stdint.h>

extern const char kernel_name[];
void kernel_init (unsigned seed);
uint64_t kernel_run (long iters);

/* A small deterministic generator for inputs.  */
static inline uint32_t
bench_rand (uint64_t *state)
{
  *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t) (*state >> 33);
}

#endif
