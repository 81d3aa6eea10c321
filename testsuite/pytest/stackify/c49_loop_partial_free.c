/* Allocations in loops that are not freed on every path: a leak on the
   path that finds something (strchr's result, an offset into the block),
   an inner loop whose last block is freed by the outer one, and a block of
   run-time size freed only on even iterations.  One slot serves every
   iteration: nothing from the previous one is used.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) long
find_sevens (int n)
{
  long found = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (32);
      if (!p)
	return -1;
      snprintf (p, 32, "item %d/%d", i, n - i);
      char *seven = strchr (p, '7');
      if (seven)
	{
	  found = found * 3 + (seven - p) + seven[1];
	  continue;
	}
      free (p);
    }
  return found;
}

static __attribute__ ((noinline)) long
inner_last_freed (int n)
{
  long s = 0;
  for (int k = 0; k < n; k++)
    {
      int *p = NULL;
      for (int m = 0; m <= k % 5; m++)
	{
	  p = malloc (8 * sizeof (int));
	  if (!p)
	    return -1;
	  for (int j = 0; j < 8; j++)
	    p[j] = k * m + j;
	  s += p[m];
	}
      s = s * 7 + p[k % 8];
      free (p);
    }
  return s;
}

static __attribute__ ((noinline)) long
run_time_even_frees (int n, size_t size)
{
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      unsigned char *p = malloc (size);
      if (!p)
	return -1;
      memset (p, i, size);
      s = s * 5 + p[size - 1] + p[0];
      if (i % 2 == 0)
	free (p);
    }
  return s;
}

int
main (int argc, char **argv)
{
  printf ("sevens %ld\n", find_sevens (300 + argc));
  printf ("inner %ld\n", inner_last_freed (40 + argc));
  size_t k = (size_t) (argc + 255);
  printf ("run-time %ld %ld %ld\n", run_time_even_frees (20, k - 1),
	  run_time_even_frees (20, k), run_time_even_frees (20, k + 1));
  (void) argv;
  return 0;
}
