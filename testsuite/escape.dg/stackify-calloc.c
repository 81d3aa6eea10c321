/* stackify: calloc of a constant N * SIZE is moved; the slot is zeroed.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
freed (int i)
{
  int *p = calloc (4, sizeof (int)); /* { dg-message "allocation of 16 bytes moved to stack" } */
  int r = p[i];
  free (p);
  return r;
}

long
struct_array (int i, long v)
{
  struct pair { long a, b; } *p = calloc (3, sizeof *p); /* { dg-message "allocation of 48 bytes moved to stack" } */
  p[i].a = v;
  long r = p[2].a + p[i].b;
  free (p);
  return r;
}
