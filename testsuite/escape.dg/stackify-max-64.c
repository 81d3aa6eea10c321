/* stackify-max=64 given with the other plugin arguments.  */
/* { dg-escape-args "report stackify stackify-max=64" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
at_max (int i, int j)
{
  char *p = malloc (64); /* { dg-message "allocation of 64 bytes moved to stack" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
above_max (int i, int j)
{
  char *p = malloc (65); /* { dg-message "allocation of 65 bytes does not escape; stays on heap: larger than stackify-max (64 bytes)" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
calloc_above_max (int i)
{
  int *p = calloc (20, sizeof (int)); /* { dg-message "allocation of 80 bytes does not escape; stays on heap: larger than stackify-max (64 bytes)" } */
  int r = p[i];
  free (p);
  return r;
}
