/* 256 bytes (stackify-max) is moved; 257 stays on the heap.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  unsigned char *in = malloc (256);
  unsigned char *out = malloc (257);
  if (!in || !out)
    return 1;
  for (int i = 0; i < 256; i++)
    in[i] = (unsigned char) (i * 7 + 3);
  for (int i = 0; i < 256; i++)
    out[i] = in[255 - i];
  out[256] = 42;
  unsigned sum = 0;
  for (int i = 0; i < 257; i++)
    sum = sum * 131 + out[i];
  printf ("%u %d %d\n", sum, in[0], out[256]);
  free (out);
  free (in);
  return 0;
}
