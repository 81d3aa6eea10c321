/* Freed by a function of another translation unit (helpers/keeper.c,
   compiled without the plugin).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void keeper_release (void *);

int
main (void)
{
  int s = 0;
  for (int i = 0; i < 4; i++)
    {
      char *p = malloc (24);
      if (!p)
	return 1;
      snprintf (p, 24, "released %d", i * 3);
      s += (int) strlen (p) + p[9];
      puts (p);
      keeper_release (p);
    }
  printf ("%d\n", s);
  return 0;
}
