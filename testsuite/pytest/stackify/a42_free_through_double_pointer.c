/* The usual "release (&p)": a function that is not inlined frees *pp and
   clears it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
release (char **pp)
{
  free (*pp);
  *pp = NULL;
}

int
main (void)
{
  int s = 0;
  for (int i = 0; i < 3; i++)
    {
      char *p = malloc (32);
      if (!p)
	return 1;
      snprintf (p, 32, "released through &p, %d", i);
      s += (int) strlen (p);
      puts (p);
      release (&p);
      s += p == NULL;
    }
  printf ("%d\n", s);
  return 0;
}
