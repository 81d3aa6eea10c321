/* builder -- a string builder grown with realloc: each record's fields
   are appended to a buffer that starts at 16 bytes and doubles, then the
   result is hashed.  The records need 40 to 200 bytes, so the builder
   grows two to four times; the hand variant is a 256-byte array.  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "builder";

#define NRECORDS 32
#define NFIELDS 8

static char fields[NRECORDS][NFIELDS][24];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int r = 0; r < NRECORDS; r++)
    for (int f = 0; f < NFIELDS; f++)
      {
	int len = 3 + bench_rand (&st) % 20;
	for (int j = 0; j < len; j++)
	  fields[r][f][j] = (char) ('a' + bench_rand (&st) % 26);
      }
}

static uint64_t
joined_hash (int r)
{
  size_t len = 0;
#ifdef BENCH_HAND
  char buf[256];
#else
  size_t cap = 16;
  char *buf = malloc (cap);
  if (!buf)
    abort ();
#endif
  for (int f = 0; f < NFIELDS; f++)
    {
      size_t n = strlen (fields[r][f]);
#ifndef BENCH_HAND
      if (len + n + 2 > cap)
	{
	  while (len + n + 2 > cap)
	    cap *= 2;
	  char *grown = realloc (buf, cap);
	  if (!grown)
	    abort ();
	  buf = grown;
	}
#endif
      memcpy (buf + len, fields[r][f], n);
      len += n;
      buf[len++] = ',';
    }
  buf[len] = 0;
  uint64_t h = 5381;
  for (size_t i = 0; i < len; i++)
    h = h * 33 + (unsigned char) buf[i];
#ifndef BENCH_HAND
  free (buf);
#endif
  return h;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += joined_hash ((int) (i & (NRECORDS - 1)));
  return sum;
}
