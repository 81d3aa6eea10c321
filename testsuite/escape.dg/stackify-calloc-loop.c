/* stackify: calloc in a loop, freed on every iteration; the slot is zeroed
   again on each one.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
calloc_loop (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      int *p = calloc (8, sizeof (int)); /* { dg-message "allocation of 32 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
      free (p);
    }
  return s;
}
