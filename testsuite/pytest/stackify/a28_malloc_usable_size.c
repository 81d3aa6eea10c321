/* malloc_usable_size looks at the heap chunk of its argument: the object
   must really be on the heap.  */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
main (void)
{
  char *p = malloc (40);
  if (!p)
    return 1;
  size_t n = malloc_usable_size (p);
  memset (p, 'u', 39);
  p[39] = 0;
  printf ("usable >= 40: %d, sane: %d, len %zu\n", n >= 40, n < 4096,
	  strlen (p));
  free (p);
  return 0;
}
