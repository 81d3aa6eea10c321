/* histogram -- a calloc'd histogram per call: 64 bins of a block of
   8-bit samples, then the mode and the number of bins in use.  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "histogram";

#define BINS 64
#define BLOCK 48
#define NSAMPLES 4096

static uint8_t samples[NSAMPLES + BLOCK];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < NSAMPLES + BLOCK; i++)
    {
      /* Roughly bell-shaped: the sum of four uniform values.  */
      unsigned v = 0;
      for (int k = 0; k < 4; k++)
	v += bench_rand (&st) % 64;
      samples[i] = (uint8_t) v;
    }
}

static uint32_t
classify (const uint8_t *s, int n)
{
#ifdef BENCH_HAND
  uint32_t h[BINS];
  memset (h, 0, sizeof h);
#else
  uint32_t *h = calloc (BINS, sizeof *h);
  if (!h)
    abort ();
#endif
  for (int i = 0; i < n; i++)
    h[s[i] >> 2]++;
  uint32_t best = 0, used = 0;
  for (uint32_t b = 0; b < BINS; b++)
    {
      if (h[b] > h[best])
	best = b;
      used += h[b] != 0;
    }
  uint32_t result = best << 8 | used;
#ifndef BENCH_HAND
  free (h);
#endif
  return result;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum = sum * 31 + classify (samples + ((i * 97) & (NSAMPLES - 1)), BLOCK);
  return sum;
}
