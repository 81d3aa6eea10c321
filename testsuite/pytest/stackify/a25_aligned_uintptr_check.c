/* aligned_alloc (64, 128) checked with ((uintptr_t) p % 64 == 0) by a
   function that is not inlined: the comparison cannot rebuild the
   address, so the allocation moves, to a slot aligned as asked: the check
   must still pass.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) int
is_aligned (const void *p, uintptr_t align)
{
  return (uintptr_t) p % align == 0;
}

int
main (void)
{
  int ok = 1;
  long s = 0;
  for (int i = 0; i < 4; i++)
    {
      float *p = aligned_alloc (64, 128);
      if (!p)
	return 1;
      ok &= is_aligned (p, 64);
      for (int k = 0; k < 32; k++)
	p[k] = (float) (k * (i + 1));
      for (int k = 0; k < 32; k++)
	s += (long) p[k];
      free (p);
    }
  printf ("aligned %d sum %ld\n", ok, s);
  return 0;
}
