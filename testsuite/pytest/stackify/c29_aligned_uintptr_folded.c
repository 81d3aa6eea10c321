/* aligned_alloc (64, 128) checked with ((uintptr_t) p % 64 == 0) in the
   allocating function: GCC knows aligned_alloc's result is 64-byte aligned
   and folds the check before stackify runs, so the conversion is gone and
   the allocation is moved (to a 64-byte aligned slot).  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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
      ok &= ((uintptr_t) p % 64 == 0);
      for (int k = 0; k < 32; k++)
	p[k] = (float) (k * (i + 1));
      for (int k = 0; k < 32; k++)
	s += (long) p[k];
      free (p);
    }
  printf ("aligned %d sum %ld\n", ok, s);
  return 0;
}
