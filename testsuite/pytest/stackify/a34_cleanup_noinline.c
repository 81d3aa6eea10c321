/* __attribute__ ((cleanup)) with a cleanup function that is not inlined:
   the object is freed by another function.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
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
  for (int i = 0; i < n; i++)
    p[i] = (char) ('k' + i);
  printf ("%s\n", p);
  return (int) strlen (p);
}

int
main (void)
{
  int s = 0;
  for (int n = 1; n < 6; n++)
    s += work (n);
  printf ("%d\n", s);
  return 0;
}
