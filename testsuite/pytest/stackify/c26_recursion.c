/* A recursive function that allocates: it stays on the heap by default
   ("function may recurse") and is moved with stackify-recursive (each
   frame has its own slot).  The test builds it both ways.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) long
tree_sum (int depth, int seed)
{
  int *v = malloc (6 * sizeof (int));
  if (!v)
    return -1;
  for (int i = 0; i < 6; i++)
    v[i] = seed * 6 + i;
  long s = 0;
  if (depth > 0)
    {
      s += tree_sum (depth - 1, v[1] % 1000);
      s += tree_sum (depth - 1, v[4] % 1000);
    }
  for (int i = 0; i < 6; i++)
    s += v[i];
  free (v);
  return s;
}

int
main (void)
{
  for (int d = 0; d < 8; d += 2)
    printf ("%d: %ld\n", d, tree_sum (d, d + 1));
  return 0;
}
