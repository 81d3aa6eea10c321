/* free (id (p)), id a non-inlined function returning its argument: the
   free must not stay while p's allocation moves (memchr, strchr and
   __builtin_assume_aligned did the same).  Found by a differential
   fuzzer: the free's pointer was traced to the id call, which is no
   allocation, and withdrew nothing.  Now id's summary says the result is
   p, so the free goes with p's move.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) static void *
id (void *x)
{
  return x;
}

int
main (void)
{
  unsigned char *p = malloc (16);
  if (!p) abort ();
  memset (p, 'A', 16);
  printf ("%c\n", p[3]);
  free (id (p));
  return 0;
}
