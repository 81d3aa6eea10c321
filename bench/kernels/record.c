/* record -- a record struct allocated, filled, checked by a validation
   function that is not inlined, and freed, in each loop iteration.  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "record";

struct record
{
  uint32_t id;
  uint32_t flags;
  double amount;
  char name[24];
};

static char names[16][24];
static double amounts[64];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < 16; i++)
    {
      int len = 3 + bench_rand (&st) % 18;
      for (int j = 0; j < len; j++)
	names[i][j] = (char) ('a' + bench_rand (&st) % 26);
      if (i % 5 == 4)
	names[i][1] = '#';	/* some invalid ones */
    }
  for (int i = 0; i < 64; i++)
    amounts[i] = (double) (bench_rand (&st) % 200000) / 100.0 - 100.0;
}

/* Not inlined (as if shared by several callers).  */
__attribute__ ((noinline)) int
record_valid (const struct record *r)
{
  if (r->id == 0 || (r->flags & 0x80u))
    return 0;
  if (!(r->amount >= 0.0 && r->amount < 1500.0))
    return 0;
  size_t len = strnlen (r->name, sizeof r->name);
  if (len < 3 || len == sizeof r->name)
    return 0;
  for (size_t i = 0; i < len; i++)
    if (r->name[i] < 'a' || r->name[i] > 'z')
      return 0;
  return 1;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    {
#ifdef BENCH_HAND
      struct record rec, *r = &rec;
#else
      struct record *r = malloc (sizeof *r);
      if (!r)
	abort ();
#endif
      r->id = (uint32_t) i + 1;
      r->flags = (uint32_t) (i * 7) & 0xffu;
      r->amount = amounts[i & 63];
      memcpy (r->name, names[(i >> 3) & 15], sizeof r->name);
      if (record_valid (r))
	sum += r->id ^ (uint64_t) (r->amount * 100.0);
      else
	sum += 1;
#ifndef BENCH_HAND
      free (r);
#endif
    }
  return sum;
}
