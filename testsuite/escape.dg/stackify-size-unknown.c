/* stackify refuses an allocation whose size is not a constant.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
malloc_n (unsigned long n, int i)
{
  char *p = malloc (n); /* { dg-message "allocation of unknown size does not escape; stays on heap: size is not a constant" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
calloc_n (unsigned long n, int i)
{
  int *p = calloc (n, sizeof (int)); /* { dg-message "allocation of unknown size does not escape; stays on heap: size is not a constant" } */
  int r = p[i];
  free (p);
  return r;
}
