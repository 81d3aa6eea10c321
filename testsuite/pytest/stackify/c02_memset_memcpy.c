/* Two buffers filled by memset and memcpy, compared with memcmp: both
   moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (int argc, char **argv)
{
  (void) argv;
  unsigned char *src = malloc (48);
  unsigned char *dst = malloc (48);
  if (!src || !dst)
    return 1;
  memset (src, 0x11 * argc, 48);
  for (int i = 0; i < 48; i += 3)
    src[i] = (unsigned char) (i * 5 + argc);
  memcpy (dst, src, 48);
  memmove (dst + 4, dst, 20);
  memset (dst + 40, '#', 8);
  unsigned sum = 0;
  for (int i = 0; i < 48; i++)
    sum = sum * 31 + dst[i];
  printf ("checksum %u, memcmp %d, dst[5]=%d dst[45]=%c\n", sum,
	  memcmp (src, dst, 48) > 0 ? 1 : -1, dst[5], dst[45]);
  free (dst);
  free (src);
  return 0;
}
