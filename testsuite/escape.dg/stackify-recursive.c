/* stackify leaves the allocations of a function that may recurse (directly
   or through another function of the file) on the heap, unless
   stackify-recursive is given (stackify-recursive-allowed.c).  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
recurse (int n, int i)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: function may recurse \\(see stackify-recursive\\)" } */
  p[i] = n;
  int r = p[0];
  if (n > 0)
    r += recurse (n - 1, i) + p[1];
  free (p);
  return r;
}

static int ping (int n);

int
pong (int n)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: function may recurse (see stackify-recursive)" } */
  p[n & 15] = 1;
  int r = p[3];
  if (n > 0)
    r += ping (n - 1) + p[2];
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
ping (int n)
{
  return n > 5 ? pong (n - 2) : n;
}

/* Calls a function of the file that does not call back: no recursion.  */
__attribute__ ((noinline)) static int
leaf (int n)
{
  return n * 3;
}

int
not_recursive (int n)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[n & 15] = 1;
  int r = p[3] + leaf (n) + p[2];
  free (p);
  return r;
}
