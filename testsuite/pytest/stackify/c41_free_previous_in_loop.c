/* Each iteration frees the previous iteration's object before it
   allocates its own: "free (prev); prev = malloc (n);", also with the
   free guarded by "if (prev)".  One object is live at a time.  */
#include <stdio.h>
#include <stdlib.h>

static unsigned
hash (const char *s, unsigned h)
{
  for (; *s; s++)
    h = h * 31 + (unsigned char) *s;
  return h;
}

int
main (void)
{
  unsigned h = 3;
  char *prev = NULL;
  for (int k = 0; k < 12; k++)
    {
      free (prev);
      char *line = malloc (40);
      if (!line)
	return 1;
      snprintf (line, 40, "line %d of %d", k, 12);
      h = hash (line, h);
      prev = line;
    }
  printf ("%s\n", prev);
  free (prev);

  char *last = NULL;
  for (int k = 0; k < 9; k++)
    {
      if (last)
	free (last);
      char *word = malloc (24);
      if (!word)
	break;
      snprintf (word, 24, "w%d%s", k * k, k & 1 ? "odd" : "even");
      h = hash (word, h);
      last = word;
    }
  if (last)
    printf ("%s\n", last);
  free (last);
  printf ("%u\n", h);
  return 0;
}
