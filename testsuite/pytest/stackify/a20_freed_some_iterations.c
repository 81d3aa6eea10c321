/* Freed in the iteration that made it only on some iterations; the others
   are kept in an array and freed after the loop.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  int *kept[8];
  int nkept = 0;
  long s = 0;
  for (int i = 0; i < 8; i++)
    {
      int *v = malloc (4 * sizeof (int));
      if (!v)
	return 1;
      for (int k = 0; k < 4; k++)
	v[k] = i * 10 + k;
      if (i % 3 == 0)
	kept[nkept++] = v;
      else
	{
	  s += v[0] + v[3];
	  free (v);
	}
    }
  for (int j = 0; j < nkept; j++)
    {
      printf ("%d %d %d %d\n", kept[j][0], kept[j][1], kept[j][2], kept[j][3]);
      free (kept[j]);
    }
  printf ("%ld\n", s);
  return 0;
}
