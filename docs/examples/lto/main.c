/* The known notes of the -flto example (see docs/build-tools.md).  */
#include <stdio.h>
#include <stdlib.h>
#include "fill.h"

/* 32 bytes given to fill and total, of fill.c: they may keep them, until
   -flto inlines them here.  */
static long
small_sum (int first)
{
  int *values = malloc (8 * sizeof *values);
  if (!values)
    return 0;
  fill (values, 8, first);
  long sum = total (values, 8);
  free (values);
  return sum;
}

/* 4000 bytes: more than stackify moves (stackify-max, 256 bytes).  */
static long
large_sum (int first)
{
  int *values = malloc (1000 * sizeof *values);
  if (!values)
    return 0;
  fill (values, 1000, first);
  long sum = total (values, 1000);
  free (values);
  return sum;
}

int
main (int argc, char **argv)
{
  (void) argv;
  printf ("%ld %ld\n", small_sum (argc), large_sum (argc));
  return 0;
}
