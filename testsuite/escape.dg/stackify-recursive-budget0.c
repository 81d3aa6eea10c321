/* With stackify-recursive-max=0, a function that may recurse has no stack
   budget: its allocations stay on the heap.  */
/* { dg-escape-args "report stackify stackify-recursive-max=0" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
recurse (int n, int i)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: function may recurse \\(see stackify-recursive-max\\)" } */
  p[i] = n;
  int r = p[0];
  if (n > 0)
    r += recurse (n - 1, i) + p[1];
  free (p);
  return r;
}
