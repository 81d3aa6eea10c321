/* stackify must not move an allocation that is given to a function that
   only works on heap blocks: malloc_usable_size reads the allocator's
   header in front of the block, which a stack slot does not have (it
   returns garbage or crashes).  The allocation does not escape, so it is
   reported as staying on the heap, whatever the reason given.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <malloc.h>
#include <stdlib.h>

unsigned long
usable (int i)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: .*" } */
  p[i] = 1;
  unsigned long n = malloc_usable_size (p);
  free (p);
  return n;
}
