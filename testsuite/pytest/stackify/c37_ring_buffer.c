/* A ring buffer of 16 shorts used as a moving-average window.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  short *ring = calloc (16, sizeof (short));
  if (!ring)
    return 1;
  int head = 0;
  long window = 0;
  unsigned seed = 99;
  for (int i = 0; i < 100; i++)
    {
      seed = seed * 69069u + 1;
      short v = (short) ((seed >> 20) % 200);
      window += v - ring[head];
      ring[head] = v;
      head = (head + 1) & 15;
      if (i % 20 == 19)
	printf ("after %d: average %.2f\n", i + 1, window / 16.0);
    }
  free (ring);
  return 0;
}
