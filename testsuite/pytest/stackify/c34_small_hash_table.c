/* An open-addressing hash table of 32 ints in a calloc'ed array.  */
#include <stdio.h>
#include <stdlib.h>

static int
insert (int *t, int key)
{
  unsigned h = (unsigned) key * 2654435761u >> 27;
  for (int probe = 0; probe < 32; probe++)
    {
      int *slot = &t[(h + probe) & 31];
      if (*slot == key)
	return 0;
      if (*slot == 0)
	{
	  *slot = key;
	  return 1;
	}
    }
  return -1;
}

int
main (void)
{
  int *t = calloc (32, sizeof (int));
  if (!t)
    return 1;
  int added = 0, dup = 0;
  for (int i = 1; i <= 40; i++)
    {
      int r = insert (t, (i * 37) % 29 + 1);
      added += r == 1;
      dup += r == 0;
    }
  long sig = 0;
  for (int i = 0; i < 32; i++)
    sig = sig * 3 + t[i];
  printf ("added %d, duplicates %d, signature %ld\n", added, dup, sig);
  free (t);
  return 0;
}
