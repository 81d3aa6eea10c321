#include <stdio.h>
#include <stdlib.h>
#include "ring.h"

int
main (void)
{
  struct ring r;
  if (!ring_init (&r, 4))
    return 1;
  for (int i = 1; i <= 6; i++)
    ring_push (&r, i);
  printf ("sum of the last 4: %d\n", ring_sum (&r));
  free (r.slots);
  return 0;
}
