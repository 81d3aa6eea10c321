/* stackify leaves the allocations of a function that calls setjmp on the
   heap.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <setjmp.h>
#include <stdlib.h>

jmp_buf env;

int
with_setjmp (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: function calls setjmp" } */
  if (setjmp (env))
    return 0;
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}
