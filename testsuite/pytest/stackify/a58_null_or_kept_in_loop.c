/* "if (!p || k == 3) { keep = p; continue; }": the branch is taken for a
   non-null p too, and keeps the object for the later iterations.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  char *keep = NULL;
  unsigned h = 11;
  for (int k = 0; k < 9; k++)
    {
      char *p = malloc (16);
      if (!p || k == 3)
	{
	  if (p)
	    snprintf (p, 16, "kept %d", k);
	  keep = p;
	  continue;
	}
      snprintf (p, 16, "round %d", k);
      printf ("%s / %s\n", p, keep ? keep : "-");
      for (char *c = keep ? keep : p; *c; c++)
	h = h * 33 + (unsigned char) *c;
      free (p);
    }
  free (keep);
  printf ("%u\n", h);
  return 0;
}
