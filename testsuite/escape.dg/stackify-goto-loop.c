/* stackify: a loop made with goto, freed on every iteration.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
goto_loop (int n, int i)
{
  int s = 0, k = 0;
 again:;
  char *p = malloc (40); /* { dg-message "allocation of 40 bytes moved to stack" } */
  p[i] = k;
  s += p[k & 7];
  free (p);
  if (++k < n)
    goto again;
  return s;
}
