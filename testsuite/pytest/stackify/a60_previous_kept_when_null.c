/* "free (prev); prev = malloc (16);", except that one iteration keeps its
   object and sets prev to NULL: the object kept must not share a slot
   with the later ones.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  char *prev = NULL, *keep = NULL;
  unsigned h = 17;
  for (int k = 0; k < 8; k++)
    {
      free (prev);
      char *p = malloc (16);
      if (!p)
	return 1;
      snprintf (p, 16, "item %d", k);
      if (keep)
	printf ("%s / %s\n", p, keep);
      for (char *c = keep ? keep : p; *c; c++)
	h = h * 33 + (unsigned char) *c;
      if (k == 2)
	{
	  keep = p;
	  prev = NULL;
	}
      else
	prev = p;
    }
  free (prev);
  free (keep);
  printf ("%u\n", h);
  return 0;
}
