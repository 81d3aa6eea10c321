/* xmalloc -- the program's own allocator, from another translation unit
   (bench/xmalloc.c) and declared with the malloc and alloc_size
   attributes: a 64-byte window of samples is smoothed in a buffer from
   bench_xmalloc and freed with bench_xfree.  */
#include "../bench.h"

const char kernel_name[] = "xmalloc";

#define NSAMPLES 256
#define WINDOW 16

static int32_t samples[NSAMPLES];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < NSAMPLES; i++)
    samples[i] = (int32_t) (bench_rand (&st) % 2001) - 1000;
}

static int64_t
smoothed (int at)
{
#ifdef BENCH_HAND
  int32_t window[WINDOW];
#else
  int32_t *window = bench_xmalloc (WINDOW * sizeof *window);
#endif
  for (int i = 0; i < WINDOW; i++)
    window[i] = samples[(at + i) & (NSAMPLES - 1)];
  for (int pass = 0; pass < 2; pass++)
    for (int i = 1; i < WINDOW - 1; i++)
      window[i] = (window[i - 1] + 2 * window[i] + window[i + 1]) / 4;
  int64_t s = 0;
  for (int i = 0; i < WINDOW; i++)
    s = s * 3 + window[i];
#ifndef BENCH_HAND
  bench_xfree (window);
#endif
  return s;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += (uint64_t) smoothed ((int) (i * 7));
  return sum;
}
