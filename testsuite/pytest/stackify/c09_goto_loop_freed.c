/* A loop made of goto, freeing its allocation before jumping back.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  int i = 0;
  long acc = 0;
again:;
  long *p = malloc (8 * sizeof (long));
  if (!p)
    return 1;
  for (int k = 0; k < 8; k++)
    p[k] = (long) (i + 1) * (k + 2);
  for (int k = 0; k < 8; k++)
    acc += p[k] ^ k;
  free (p);
  if (++i < 9)
    goto again;
  printf ("acc %ld after %d rounds\n", acc, i);
  return 0;
}
