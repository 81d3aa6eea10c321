/* calloc in a loop, its slot reused by every iteration: each iteration must
   see zeros right after calloc, although the previous one filled the
   memory.  The memory is read and written by functions that are not
   inlined, so that GCC cannot fold the reads.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) int
count_nonzero (const int *v, int n)
{
  int c = 0;
  for (int i = 0; i < n; i++)
    c += v[i] != 0;
  return c;
}

static __attribute__ ((noinline)) void
fill (int *v, int n, int seed)
{
  for (int i = 0; i < n; i++)
    v[i] = seed * 100 + i + 1;
}

/* Not a constant for GCC: the helpers are not specialized (cloned) for
   it.  */
static volatile int length = 16;

int
main (void)
{
  long sum = 0;
  int n = length;
  for (int it = 0; it < 8; it++)
    {
      int *v = calloc (16, sizeof (int));
      if (!v)
	return 1;
      int nz = count_nonzero (v, n);
      printf ("iteration %d: %d nonzero after calloc\n", it, nz);
      fill (v, n, it);
      for (int i = 0; i < n; i++)
	sum += v[i];
      free (v);
    }
  printf ("sum %ld\n", sum);
  return 0;
}
