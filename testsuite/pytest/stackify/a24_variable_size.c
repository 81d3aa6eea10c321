/* malloc (strlen (s) + 1) of a string built at run time: the size is not
   a constant, so it gets a slot taken when the size fits (all of them do
   here), and the free skips it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char words[64];

static __attribute__ ((noinline)) void
build (int n)
{
  words[0] = 0;
  for (int i = 0; i < n; i++)
    strcat (words, i % 2 ? "ab" : "xyz");
}

int
main (void)
{
  for (int n = 1; n < 6; n++)
    {
      build (n);
      char *copy = malloc (strlen (words) + 1);
      if (!copy)
	return 1;
      strcpy (copy, words);
      copy[0] = 'A';
      printf ("%s %zu\n", copy, strlen (copy));
      free (copy);
    }
  return 0;
}
