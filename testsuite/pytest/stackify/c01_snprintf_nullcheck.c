/* A buffer checked against NULL right after malloc (the usual
   "if (!p) return -1;"), written by snprintf, read back: moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) int
describe (int v)
{
  char *p = malloc (64);
  if (!p)
    return -1;
  if (p == NULL)
    return -2;
  int n = snprintf (p, 64, "value %d squared is %d", v, v * v);
  printf ("%s (%d chars, last '%c')\n", p, n, p[n - 1]);
  int sum = 0;
  for (int i = 0; p[i]; i++)
    sum += (unsigned char) p[i] * (i + 1);
  free (p);
  return sum;
}

int
main (void)
{
  long total = 0;
  for (int v = 1; v <= 6; v++)
    {
      int r = describe (v * 7);
      if (r < 0)
	return 1;
      total += r;
    }
  printf ("total %ld\n", total);
  return 0;
}
