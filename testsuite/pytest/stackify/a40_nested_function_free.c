/* A GNU C nested function, not inlined, frees the object it captures.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) int
work (int n)
{
  char *p = malloc (32);
  if (!p)
    return -1;
  __attribute__ ((noinline)) void release (void)
  {
    free (p);
    p = NULL;
  }
  snprintf (p, 32, "nested %d", n);
  int len = (int) strlen (p);
  puts (p);
  release ();
  return len + (p == NULL);
}

int
main (void)
{
  int s = 0;
  for (int n = 5; n < 500; n *= 3)
    s += work (n);
  printf ("%d\n", s);
  return 0;
}
