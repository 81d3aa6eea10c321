/* qsort_r's context argument is passed to the comparator, which keeps it
   in a global.  Found by a differential fuzzer: stackify's late analysis
   counted the comparator's parameters from DECL_ARGUMENTS, gone once the
   comparator was compiled, and missed the third.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *kept;

static int
cmp (const void *x, const void *y, void *ctx)
{
  kept = ctx;                       /* the comparator keeps its context pointer */
  return *(const unsigned char *) x - *(const unsigned char *) y;
}

__attribute__((noinline)) static void
f (void)
{
  unsigned char *p = malloc (16);
  if (!p) abort ();
  memset (p, 'A', 16);
  unsigned char two[2] = { 5, 3 };
  qsort_r (two, 2, 1, cmp, p);      /* p escapes through the comparator */
}

__attribute__((noinline)) static void
clobber (void)
{
  volatile unsigned char buf[256];
  for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (unsigned char) i;
}

int
main (void)
{
  f ();
  clobber ();
  unsigned char *p = kept;
  printf ("%c\n", p[0]);
  free (p);
  return 0;
}
