/* getline is given a small heap buffer and may reallocate it.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char text[] =
  "short\n"
  "a much longer line that does not fit in the sixteen bytes we start "
  "with, so getline has to reallocate the buffer\n"
  "end\n";

int
main (void)
{
  FILE *f = fmemopen ((void *) text, sizeof text - 1, "r");
  if (!f)
    return 1;
  size_t cap = 16;
  char *line = malloc (cap);
  if (!line)
    return 1;
  ssize_t n;
  int lines = 0;
  while ((n = getline (&line, &cap, f)) > 0)
    printf ("%d: %zd chars, starts '%.5s'\n", ++lines, n, line);
  free (line);
  fclose (f);
  return 0;
}
