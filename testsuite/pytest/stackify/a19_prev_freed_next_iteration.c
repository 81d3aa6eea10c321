/* The previous iteration's object is freed in the next iteration, after
   the new one is allocated: two must be live at once.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *prev = NULL;
  unsigned h = 7;
  for (int i = 0; i < 8; i++)
    {
      char *cur = malloc (32);
      if (!cur)
	return 1;
      snprintf (cur, 32, "%d:%s", i, prev ? prev : "-");
      cur[20] = 0;
      for (char *c = cur; *c; c++)
	h = h * 37 + (unsigned char) *c;
      printf ("%s\n", cur);
      free (prev);
      prev = cur;
    }
  free (prev);
  printf ("%u\n", h);
  return 0;
}
