/* loopfree -- an allocation in a loop freed on one path only: each word
   is copied into a 32-byte buffer and folded; a word with a digit (about
   one in four) is counted and its buffer dropped without a free (as a
   leak-tolerant scanner does: the gcc variant leaks a few megabytes), the
   others are freed.  No buffer is used after the next
   one is allocated.  The hand variant is an array in the loop.  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "loopfree";

#define NWORDS 64

static char words[NWORDS][24];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int w = 0; w < NWORDS; w++)
    {
      int len = 4 + bench_rand (&st) % 18;
      for (int j = 0; j < len; j++)
	{
	  unsigned r = bench_rand (&st) % 40;
	  words[w][j] = r < 39 ? (char) ('a' + r % 26) : (char) ('0' + w % 10);
	}
    }
}

static uint64_t
scan (int first)
{
  uint64_t h = 0;
  for (int w = 0; w < 8; w++)
    {
      const char *word = words[(first + w) & (NWORDS - 1)];
#ifdef BENCH_HAND
      char buf[32];
#else
      char *buf = malloc (32);
      if (!buf)
	abort ();
#endif
      size_t n = strlen (word);
      memcpy (buf, word, n + 1);
      int digit = 0;
      for (size_t i = 0; i < n; i++)
	{
	  digit |= buf[i] >= '0' && buf[i] <= '9';
	  buf[i] = (char) (buf[i] ^ 0x20);
	}
      h = h * 131 + (unsigned char) buf[n / 2] + n;
      if (digit)
	{
	  h ^= 0x9e3779b9;
	  continue;		/* the buffer is dropped, not freed */
	}
#ifndef BENCH_HAND
      free (buf);
#endif
    }
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
