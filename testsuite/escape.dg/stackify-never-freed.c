/* stackify: outside a loop, an allocation need not be freed at all, or may
   be freed on some paths only: it is moved all the same.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
never_freed (int i, int j)
{
  char *p = malloc (8); /* { dg-message "allocation of 8 bytes moved to stack" } */
  p[i] = 1;
  return p[j];
}

int
freed_on_one_path (int c, int i, int j)
{
  char *p = malloc (12); /* { dg-message "allocation of 12 bytes moved to stack" } */
  p[i] = 1;
  int r = p[j];
  if (c)
    free (p);
  return r;
}
