/* Calls through a read-only table of functions defined here that only
   read their argument: the allocations passed through it move.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) long
sum (const unsigned char *p)
{
  long s = 0;
  for (int i = 0; i < 32; i++)
    s += p[i];
  return s;
}

static __attribute__ ((noinline)) long
weigh (const unsigned char *p)
{
  long s = 0;
  for (int i = 0; i < 32; i++)
    s += (long) p[i] * (i + 1);
  return s;
}

static long (*const measures[]) (const unsigned char *) = { sum, weigh };

static __attribute__ ((noinline)) long
measure (int which, int seed)
{
  unsigned char *p = malloc (32);
  if (!p)
    exit (1);
  memset (p, seed, 32);
  p[which] = 7;
  long r = measures[which & 1] (p);
  free (p);
  return r;
}

int
main (void)
{
  long t = 0;
  for (int i = 0; i < 8; i++)
    t += measure (i, i * 3);
  printf ("%ld\n", t);
  return 0;
}
