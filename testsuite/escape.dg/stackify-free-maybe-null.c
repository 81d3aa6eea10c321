/* stackify: a free of a pointer that is either the allocation or a null
   pointer may be removed, but it does not end the allocation's life: where
   it frees the null pointer, the allocation is still in use.  Turning that
   free into a clobber of the slot makes the later read undefined in GCC's
   IL; DSE then drops the store "p[0] = 5" and the read returns garbage
   (f (0, 0) returns 5 without stackify).  -Wall shows it as a
   -Wmaybe-uninitialized warning about the slot, which must not appear.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2 -Wall" } */

#include <stdlib.h>

int
f (int c, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[0] = 5;
  char *q = c ? p : NULL;
  free (q);
  int r = c ? 0 : p[j]; /* { dg-bogus ".* may be used uninitialized" } */
  if (!c)
    free (p);
  return r;
}
