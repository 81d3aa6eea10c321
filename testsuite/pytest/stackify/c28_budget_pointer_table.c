/* Like c11_budget, but the six pointers are also kept in a local table
   (which does not escape).  Every free frees exactly one allocation, so
   the first five still fit in the budget and are moved; the sixth stays
   on the heap.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *a = malloc (200);
  char *b = malloc (200);
  char *c = malloc (200);
  char *d = malloc (200);
  char *e = malloc (200);
  char *f = malloc (200);
  if (!a || !b || !c || !d || !e || !f)
    return 1;
  char *all[6] = { a, b, c, d, e, f };
  for (int i = 0; i < 6; i++)
    memset (all[i], 'a' + i, 200);
  unsigned sum = 0;
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 200; j += 7)
      sum = sum * 3 + (unsigned char) all[i][j] + (unsigned) j;
  printf ("%c%c%c%c%c%c %u\n", a[199], b[0], c[100], d[50], e[1], f[198],
	  sum);
  free (f);
  free (e);
  free (d);
  free (c);
  free (b);
  free (a);
  return 0;
}
