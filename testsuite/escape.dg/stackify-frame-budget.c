/* stackify moves at most stackify-frame-max bytes (1024 by default) per
   function, in statement order: an allocation that no longer fits stays on
   the heap, a later smaller one may still fit.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
budget (int i, int j)
{
  char *a = malloc (200); /* { dg-message "allocation of 200 bytes moved to stack" } */
  char *b = malloc (200); /* { dg-message "allocation of 200 bytes moved to stack" } */
  char *c = malloc (200); /* { dg-message "allocation of 200 bytes moved to stack" } */
  char *d = malloc (200); /* { dg-message "allocation of 200 bytes moved to stack" } */
  char *e = malloc (200); /* { dg-message "allocation of 200 bytes moved to stack" } */
  char *f = malloc (200); /* { dg-message "allocation of 200 bytes does not escape; stays on heap: frame budget used up \\(stackify-frame-max 1024 bytes\\)" } */
  char *g = malloc (24); /* { dg-message "allocation of 24 bytes moved to stack" } */
  a[i] = b[i] = c[i] = d[i] = e[i] = f[i] = g[i] = 1;
  int r = a[j] + b[j] + c[j] + d[j] + e[j] + f[j] + g[j];
  free (a);
  free (b);
  free (c);
  free (d);
  free (e);
  free (f);
  free (g);
  return r;
}

/* The budget is per function.  */
int
other_function (int i, int j)
{
  char *a = malloc (250); /* { dg-message "allocation of 250 bytes moved to stack" } */
  a[i] = 1;
  int r = a[j];
  free (a);
  return r;
}
