/* __attribute__ ((cleanup)) with an inlined cleanup function that frees
   the object at the end of the scope.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void
autofree (void *pp)
{
  free (*(void **) pp);
}

static __attribute__ ((noinline)) int
work (int n)
{
  __attribute__ ((cleanup (autofree))) char *p = malloc (40);
  if (!p)
    return -1;
  memset (p, 0, 40);
  for (int i = 0; i < 39; i++)
    p[i] = (char) ('a' + (i * n) % 26);
  printf ("%.12s\n", p);
  return (int) strlen (p) + p[n % 39];
}

int
main (void)
{
  int s = 0;
  for (int n = 1; n < 5; n++)
    s += work (n);
  printf ("%d\n", s);
  return 0;
}
