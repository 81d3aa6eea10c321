/* pick returns one of its two arguments; the caller stores the result in
   a global when the choice falls on the second.  Directed flow keeps the
   two allocations apart, but both reach the global through the result:
   neither may move.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) char *
pick (char *a, char *b, int second)
{
  return second ? b : a;
}

static __attribute__ ((noinline)) void
choose (int second)
{
  char *a = malloc (16), *b = malloc (16);
  if (!a || !b)
    exit (1);
  strcpy (a, "first");
  strcpy (b, "second");
  kept = pick (a, b, second);
  free (second ? a : b);
}

int
main (int argc, char **argv)
{
  (void) argv;
  choose (argc > 0);
  scribble ();
  printf ("%s\n", kept);
  free (kept);
  return 0;
}
