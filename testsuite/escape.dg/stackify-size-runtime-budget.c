/* A slot for a run-time size counts stackify-max bytes against the frame
   budget: here two of 256 fit in 600 bytes, the third does not.  */
/* { dg-escape-args "report stackify stackify-frame-max=600" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
three (unsigned long n, int i)
{
  char *a = malloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  char *b = malloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  char *c = malloc (n); /* { dg-message "allocation of unknown size does not escape; stays on heap: frame budget used up \\(stackify-frame-max 600 bytes\\)" } */
  a[i] = b[i] = c[i] = 1;
  int r = a[0] + b[0] + c[0];
  free (a);
  free (b);
  free (c);
  return r;
}
