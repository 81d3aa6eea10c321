#include <stdio.h>
#include "lines.h"

int
main (void)
{
  struct line third = { "third", NULL };
  struct line second = { "the second", &third };
  struct line first = { "first", &second };
  unsigned length;
  const struct line *l = longest (&first, &length);
  printf ("%d lines, the longest has %u characters: %s\n",
	  count_lines (&first), length, l->text);
  return 0;
}
