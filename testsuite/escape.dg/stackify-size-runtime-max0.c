/* With stackify-max=0 there is no slot for an allocation of run-time
   size.  */
/* { dg-escape-args "report stackify stackify-max=0" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
malloc_n (unsigned long n, int i)
{
  char *p = malloc (n); /* { dg-message "allocation of unknown size does not escape; stays on heap: size is not a constant, and stackify-max is 0" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}
