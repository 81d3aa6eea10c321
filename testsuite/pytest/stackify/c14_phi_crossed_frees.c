/* Two allocations freed through crossed PHIs: free (c ? a : b) and
   free (c ? b : a).  Both are moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (int argc, char **argv)
{
  (void) argv;
  int c = argc > 7;
  char *a = malloc (24);
  char *b = malloc (24);
  if (!a || !b)
    return 1;
  strcpy (a, "first buffer");
  strcpy (b, "second buffer");
  char *x = c ? a : b;
  char *y = c ? b : a;
  printf ("%s / %s / %zu\n", x, y, strlen (x) * 100 + strlen (y));
  free (x);
  free (y);
  return 0;
}
