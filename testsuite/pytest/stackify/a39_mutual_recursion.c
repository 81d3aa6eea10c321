/* Mutual recursion (even/odd) with an allocation in one of the two:
   "function may recurse", so it stays on the heap.  */
#include <stdio.h>
#include <stdlib.h>

static long odd_sum (int n);

static __attribute__ ((noinline)) long
even_sum (int n)
{
  long *cell = malloc (2 * sizeof (long));
  if (!cell)
    return -1;
  cell[0] = n;
  cell[1] = n > 0 ? odd_sum (n - 1) : 0;
  long r = cell[0] * 2 + cell[1];
  free (cell);
  return r;
}

static __attribute__ ((noinline)) long
odd_sum (int n)
{
  return n + (n > 0 ? even_sum (n - 1) : 0);
}

int
main (void)
{
  for (int n = 0; n < 30; n += 7)
    printf ("%d: %ld %ld\n", n, even_sum (n), odd_sum (n));
  return 0;
}
