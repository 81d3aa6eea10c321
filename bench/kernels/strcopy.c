/* strcopy -- a variable-size copy, malloc (strlen (s) + 1): each name is
   copied, folded to lower case with runs of blanks collapsed, and hashed.
   Stackify gives it a fixed slot of stackify-max bytes, taken when the
   size fits (every name here fits); the hand variant is a variable-length
   array, the alloca-like choice that the fixed slot was preferred to
   (docs/design.md).  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "strcopy";

#define NNAMES 32

static char names[NNAMES][48];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < NNAMES; i++)
    {
      int len = 6 + bench_rand (&st) % 40;
      for (int j = 0; j < len; j++)
	{
	  unsigned r = bench_rand (&st) % 30;
	  names[i][j] = r < 26 ? (char) ((r & 1 ? 'A' : 'a') + r) : ' ';
	}
    }
}

static uint64_t
normalized_hash (const char *s)
{
  size_t n = strlen (s);
#ifdef BENCH_HAND
  char copy[n + 1];
#else
  char *copy = malloc (n + 1);
  if (!copy)
    abort ();
#endif
  memcpy (copy, s, n + 1);
  size_t out = 0;
  for (size_t i = 0; i < n; i++)
    {
      char c = copy[i];
      if (c >= 'A' && c <= 'Z')
	c += 'a' - 'A';
      if (c == ' ' && (out == 0 || copy[out - 1] == ' '))
	continue;
      copy[out++] = c;
    }
  copy[out] = 0;
  uint64_t h = 5381;
  for (size_t i = 0; i < out; i++)
    h = h * 33 + (unsigned char) copy[i];
#ifndef BENCH_HAND
  free (copy);
#endif
  return h;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += normalized_hash (names[i & (NNAMES - 1)]);
  return sum;
}
