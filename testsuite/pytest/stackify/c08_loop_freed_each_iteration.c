/* Allocated and freed in every iteration: one slot serves them all.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  size_t total = 0;
  unsigned hash = 5381;
  for (int i = 0; i < 12; i++)
    {
      char *p = malloc (24);
      if (!p)
	return 1;
      snprintf (p, 24, "item-%d-%d", i, i * i * i);
      total += strlen (p);
      for (char *c = p; *c; c++)
	hash = hash * 33 + (unsigned char) *c;
      free (p);
    }
  printf ("%zu %u\n", total, hash);
  return 0;
}
