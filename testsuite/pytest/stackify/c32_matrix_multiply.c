/* Three 4x4 matrices of doubles (128 bytes each), multiplied.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  double *a = malloc (16 * sizeof (double));
  double *b = malloc (16 * sizeof (double));
  double *c = calloc (16, sizeof (double));
  if (!a || !b || !c)
    return 1;
  for (int i = 0; i < 16; i++)
    {
      a[i] = i % 5 - 2;
      b[i] = (i * 7) % 11 * 0.5;
    }
  for (int round = 0; round < 3; round++)
    {
      for (int i = 0; i < 4; i++)
	for (int j = 0; j < 4; j++)
	  for (int k = 0; k < 4; k++)
	    c[i * 4 + j] += a[i * 4 + k] * b[k * 4 + j];
      for (int i = 0; i < 16; i++)
	a[i] = c[i] / 10;
    }
  for (int i = 0; i < 4; i++)
    printf ("%8.3f %8.3f %8.3f %8.3f\n", c[i * 4], c[i * 4 + 1],
	    c[i * 4 + 2], c[i * 4 + 3]);
  free (c);
  free (b);
  free (a);
  return 0;
}
