/* strcpy, strcat, strchr, strrchr, strstr and toupper on a moved buffer;
   the pointers into it stay in the function.  */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *s = malloc (96);
  if (!s)
    return 1;
  strcpy (s, "the quick brown fox");
  strcat (s, " jumps over");
  strcat (s, " the lazy dog");
  char *q = strchr (s, 'q');
  char *last = strrchr (s, 't');
  char *fox = strstr (s, "fox");
  for (char *c = fox; c && *c && *c != ' '; c++)
    *c = (char) toupper ((unsigned char) *c);
  printf ("%s|%ld|%ld|%ld|%zu\n", s, (long) (q - s), (long) (last - s),
	  (long) (fox - s), strspn (s, "the "));
  free (s);
  return 0;
}
