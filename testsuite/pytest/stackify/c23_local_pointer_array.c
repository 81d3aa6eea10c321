/* Pointers to four allocations kept in a local array: all moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *slot[4];
  for (int i = 0; i < 4; i++)
    slot[i] = NULL;
  slot[0] = malloc (32);
  slot[1] = malloc (32);
  slot[2] = malloc (32);
  slot[3] = malloc (32);
  for (int i = 0; i < 4; i++)
    {
      if (!slot[i])
	return 1;
      memset (slot[i], 'A' + i, 31);
      slot[i][31] = 0;
      slot[i][i * 5 + 3] = 0;
    }
  for (int i = 0; i < 4; i++)
    printf ("%d:%s\n", i, slot[i]);
  free (slot[3]);
  free (slot[2]);
  free (slot[1]);
  free (slot[0]);
  return 0;
}
