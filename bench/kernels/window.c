/* window -- blocks that outlive their loop iteration: each record is
   parsed into a 48-byte block, and the block of the previous record is
   kept until the next one is parsed (a line-oriented reader comparing each
   line with the one before).  Stackify's slot then has a flag: the
   iterations take the slot and the heap in turn.  The hand variant keeps
   two arrays and swaps them.  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "window";

#define NRECS 64

static char recs[NRECS][40];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int r = 0; r < NRECS; r++)
    {
      int len = 8 + bench_rand (&st) % 30;
      for (int j = 0; j < len; j++)
	recs[r][j] = (char) ('a' + bench_rand (&st) % 26);
    }
}

static uint64_t
scan (int first)
{
  uint64_t h = 0;
#ifdef BENCH_HAND
  char a[48], b[48];
  char *prev = NULL, *next = a;
#else
  char *prev = NULL;
#endif
  for (int r = 0; r < 8; r++)
    {
      const char *rec = recs[(first + r) & (NRECS - 1)];
#ifdef BENCH_HAND
      char *buf = next;
      next = next == a ? b : a;
#else
      char *buf = malloc (48);
      if (!buf)
	abort ();
#endif
      size_t n = strlen (rec);
      memcpy (buf, rec, n + 1);
      size_t same = 0;
      if (prev)
	while (same < n && buf[same] == prev[same])
	  same++;
      h = h * 131 + same + (unsigned char) buf[n / 2];
#ifndef BENCH_HAND
      free (prev);
#endif
      prev = buf;
    }
#ifndef BENCH_HAND
  free (prev);
#endif
  return h;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += scan ((int) (i * 5));
  return sum;
}
