/* The object is given to functions of the file that are not inlined and
   only read or write it during the call: it does not escape.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) void
fill (short *v, int n, int k)
{
  for (int i = 0; i < n; i++)
    v[i] = (short) ((i * k) % 97);
}

static __attribute__ ((noinline)) long
weigh (const short *v, int n)
{
  long s = 0;
  for (int i = 0; i < n; i++)
    s += (long) v[i] * (i + 1);
  return s;
}

int
main (void)
{
  short *v = malloc (50 * sizeof (short));
  if (!v)
    return 1;
  long total = 0;
  for (int k = 1; k < 5; k++)
    {
      fill (v, 50, k * 13);
      total = total * 3 + weigh (v, 50);
    }
  printf ("%ld\n", total);
  free (v);
  return 0;
}
