/* An allocation freed in every iteration of an inner loop, and one for
   the whole function.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  int *row = malloc (10 * sizeof (int));
  if (!row)
    return 1;
  for (int i = 0; i < 10; i++)
    row[i] = 0;
  for (int i = 0; i < 5; i++)
    for (int j = 0; j < 4; j++)
      {
	int *tmp = malloc (10 * sizeof (int));
	if (!tmp)
	  return 1;
	for (int k = 0; k < 10; k++)
	  tmp[k] = (i + 1) * (j + 2) + k;
	for (int k = 0; k < 10; k++)
	  row[k] += tmp[k] % 7;
	free (tmp);
      }
  for (int k = 0; k < 10; k++)
    printf ("%d ", row[k]);
  printf ("\n");
  free (row);
  return 0;
}
