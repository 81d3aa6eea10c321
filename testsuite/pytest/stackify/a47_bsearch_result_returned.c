/* bsearch's result points into the sorted array; it is returned.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 67);
}

static int
cmp (const void *a, const void *b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

static __attribute__ ((noinline)) int *
find (int key)
{
  int *v = malloc (20 * sizeof (int));
  if (!v)
    exit (1);
  for (int i = 0; i < 20; i++)
    v[i] = i * 3;
  return bsearch (&key, v, 20, sizeof (int), cmp);
}

int
main (void)
{
  int *hit = find (27);
  scribble ();
  if (!hit)
    return 1;
  printf ("%d %d %d\n", hit[-1], hit[0], hit[1]);
  free (hit - 9);
  return 0;
}
