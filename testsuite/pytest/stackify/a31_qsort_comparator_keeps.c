/* qsort's comparator keeps a pointer into the array it sorts; the array
   is read through it after the sorting function returned.  */
#include <stdio.h>
#include <stdlib.h>

static const int *g_seen;

static int
cmp (const void *a, const void *b)
{
  const int *x = a, *y = b;
  if (*x == 0)
    g_seen = x;
  return (*x > *y) - (*x < *y);
}

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 31);
}

static __attribute__ ((noinline)) void
sort_some (void)
{
  int *v = malloc (16 * sizeof (int));
  if (!v)
    exit (1);
  for (int i = 0; i < 16; i++)
    v[i] = (i * 7) % 16;
  qsort (v, 16, sizeof (int), cmp);
}

int
main (void)
{
  sort_some ();
  scribble ();
  /* g_seen points to the 0, which sorted first.  */
  for (int i = 0; i < 16; i++)
    printf ("%d ", g_seen[i]);
  printf ("\n");
  free ((void *) g_seen);
  return 0;
}
