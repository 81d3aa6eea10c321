/* Kept in a function's static variable from one call to the next.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (3 * i);
}

static __attribute__ ((noinline)) int
tick (int release)
{
  static int *state;
  if (release)
    {
      free (state);
      state = NULL;
      return 0;
    }
  if (!state)
    {
      state = malloc (16 * sizeof (int));
      if (!state)
	exit (1);
      memset (state, 0, 16 * sizeof (int));
    }
  int s = 0;
  for (int i = 0; i < 16; i++)
    s += state[i] += i + 1;
  return s;
}

int
main (void)
{
  for (int i = 0; i < 5; i++)
    {
      printf ("%d ", tick (0));
      scribble ();
    }
  tick (1);
  printf ("\n");
  return 0;
}
