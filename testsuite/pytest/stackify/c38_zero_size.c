/* malloc (0) and calloc (0, n): a unique pointer each, never dereferenced
   (moved to one-byte slots).  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  char *p = malloc (0);
  char *q = calloc (0, 8);
  char *r = malloc (1);
  if (!r)
    return 1;
  r[0] = 'r';
  printf ("%d %d %d %c\n", p != NULL, q != NULL, p != q || p == NULL, r[0]);
  free (r);
  free (q);
  free (p);
  return 0;
}
