/* free (q) with q = PHI <p, NULL>: in the first iteration q is NULL and
   the object is kept, read in every later iteration.  One slot for every
   iteration would let the later ones overwrite it.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  char *keep = NULL;
  unsigned h = 5;
  for (int k = 0; k < 10; k++)
    {
      char *p = malloc (16);
      if (!p)
	return 1;
      snprintf (p, 16, "round %d", k);
      char *q = p;
      if (k == 0)
	{
	  keep = p;
	  q = NULL;
	}
      for (char *c = keep; *c; c++)
	h = h * 33 + (unsigned char) *c;
      printf ("%s / %s\n", keep, p);
      free (q);
    }
  free (keep);
  printf ("%u\n", h);
  return 0;
}
