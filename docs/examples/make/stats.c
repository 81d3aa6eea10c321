/* The known notes of the make example (see docs/build-tools.md).  */
#include <stdlib.h>
#include "stats.h"

void
compute (const int *values, int n, struct stats *out)
{
  out->min = out->max = values[0];
  for (int i = 1; i < n; i++)
    {
      if (values[i] < out->min)
	out->min = values[i];
      if (values[i] > out->max)
	out->max = values[i];
    }
}

/* The median of at most 16 values, sorted in a copy that never leaves the
   function: stackify moves it to the stack.  */
int
median (const int *values, int n)
{
  if (n < 1 || n > 16)
    return 0;
  int *sorted = malloc (16 * sizeof *sorted);
  if (!sorted)
    return 0;
  for (int i = 0; i < n; i++)
    {
      int j = i;
      for (; j > 0 && sorted[j - 1] > values[i]; j--)
	sorted[j] = sorted[j - 1];
      sorted[j] = values[i];
    }
  int middle = sorted[n / 2];
  free (sorted);
  return middle;
}
