/* Returned through a function that is not inlined and returns its
   argument.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) char *
identity (char *p)
{
  return p;
}

static __attribute__ ((noinline)) char *
make (int n)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "through identity %d", n);
  return identity (p);
}

int
main (void)
{
  char *a = make (1);
  scribble ();
  char *b = make (2);
  scribble ();
  printf ("%s / %s\n", a, b);
  free (a);
  free (b);
  return 0;
}
