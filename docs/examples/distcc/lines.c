/* The known notes of the distcc example (see docs/build-tools.md).  */
#include <string.h>
#include "lines.h"

int
count_lines (const struct line *first)
{
  int count = 0;
  for (const struct line *l = first; l; l = l->next)
    count++;
  return count;
}

const struct line *
longest (const struct line *first, unsigned *length)
{
  const struct line *best = first;
  *length = 0;
  for (const struct line *l = first; l; l = l->next)
    if (strlen (l->text) > *length)
      {
	*length = strlen (l->text);
	best = l;
      }
  return best;
}
