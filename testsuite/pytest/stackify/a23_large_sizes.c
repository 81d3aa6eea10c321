/* Larger than stackify-max (256 bytes): every allocation stays.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  unsigned char *a = malloc (257);
  int *b = calloc (66, sizeof (int));
  double *c = aligned_alloc (64, 512);
  char *d = malloc (4096);
  if (!a || !b || !c || !d)
    return 1;
  memset (a, 3, 257);
  for (int i = 0; i < 66; i++)
    b[i] += i;
  for (int i = 0; i < 64; i++)
    c[i] = i * 0.25;
  memset (d, 'x', 4095);
  d[4095] = 0;
  long s = 0;
  for (int i = 0; i < 257; i++)
    s += a[i];
  for (int i = 0; i < 66; i++)
    s += b[i];
  for (int i = 0; i < 64; i++)
    s += (long) (c[i] * 4);
  printf ("%ld %zu\n", s, strlen (d));
  free (d);
  free (c);
  free (b);
  free (a);
  return 0;
}
