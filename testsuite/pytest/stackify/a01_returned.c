/* The allocation is returned to the caller, which uses it after the
   allocating frame is gone and frees it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (0xA5 ^ i);
}

static __attribute__ ((noinline)) char *
make (int n)
{
  char *p = malloc (32);
  if (!p)
    return NULL;
  snprintf (p, 32, "returned object %d", n);
  return p;
}

int
main (void)
{
  char *a = make (1);
  scribble ();
  char *b = make (2);
  scribble ();
  if (!a || !b)
    return 1;
  printf ("%s | %s | %d\n", a, b, strcmp (a, b));
  free (a);
  free (b);
  return 0;
}
