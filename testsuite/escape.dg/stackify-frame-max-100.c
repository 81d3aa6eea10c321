/* stackify-frame-max=100 given with the other plugin arguments.  */
/* { dg-escape-args "report stackify stackify-frame-max=100" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
budget (int i, int j)
{
  char *a = malloc (60); /* { dg-message "allocation of 60 bytes moved to stack" } */
  char *b = malloc (60); /* { dg-message "allocation of 60 bytes does not escape; stays on heap: frame budget used up (stackify-frame-max 100 bytes)" } */
  char *c = malloc (40); /* { dg-message "allocation of 40 bytes moved to stack" } */
  char *d = malloc (1); /* { dg-message "allocation of 1 byte does not escape; stays on heap: frame budget used up (stackify-frame-max 100 bytes)" } */
  a[i] = b[i] = c[i] = d[i] = 1;
  int r = a[j] + b[j] + c[j] + d[j];
  free (a);
  free (b);
  free (c);
  free (d);
  return r;
}

/* One allocation larger than the whole budget.  */
int
alone (int i, int j)
{
  char *p = malloc (101); /* { dg-message "allocation of 101 bytes does not escape; stays on heap: frame budget used up (stackify-frame-max 100 bytes)" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}
