/* "if (p) free (p)" in a loop, after the usual null check.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  unsigned h = 1;
  for (int i = 0; i < 6; i++)
    {
      char *p = malloc (20);
      if (!p)
	return 1;
      snprintf (p, 20, "[%d]", i * 17);
      for (char *c = p; *c; c++)
	h = h * 131 + (unsigned char) *c;
      if (p)
	free (p);
    }
  printf ("%u\n", h);
  return 0;
}
