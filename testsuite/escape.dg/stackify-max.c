/* stackify moves allocations of at most stackify-max bytes, 256 by
   default.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
at_max (int i, int j)
{
  char *p = malloc (256); /* { dg-message "allocation of 256 bytes moved to stack" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
above_max (int i, int j)
{
  char *p = malloc (257); /* { dg-message "allocation of 257 bytes does not escape; stays on heap: larger than stackify-max \\(256 bytes\\)" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
calloc_above_max (int i)
{
  long *p = calloc (40, sizeof (long)); /* { dg-message "allocation of 320 bytes does not escape; stays on heap: larger than stackify-max (256 bytes)" } */
  int r = p[i];
  free (p);
  return r;
}
