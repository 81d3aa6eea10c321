/* The object is given to realloc (growing and shrinking).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *p = malloc (16);
  if (!p)
    return 1;
  strcpy (p, "grow");
  char *q = realloc (p, 200);
  if (!q)
    return 1;
  for (int i = 0; i < 10; i++)
    strcat (q, "-more");
  printf ("%s %zu\n", q, strlen (q));
  char *r = malloc (64);
  if (!r)
    return 1;
  strcpy (r, "shrink me please");
  char *s = realloc (r, 8);
  if (!s)
    return 1;
  s[7] = 0;
  printf ("%s\n", s);
  free (s);
  free (q);
  return 0;
}
