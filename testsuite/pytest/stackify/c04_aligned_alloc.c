/* aligned_alloc (64, 128): the slot must be 64-byte aligned.  The check
   subtracts the address of a 64-byte aligned anchor in a function that is
   not inlined or analysed by GCC's IPA (a pointer difference: the
   allocation does not escape; a conversion to an integer would make it
   escape).  */
#include <stdio.h>
#include <stdlib.h>

static _Alignas (64) const char anchor[64] = "anchor";

static __attribute__ ((noinline)) long
offset_from_anchor (const void *p)
{
  return (const char *) p - anchor;
}

int
main (void)
{
  double *d = aligned_alloc (64, 128);
  if (!d)
    return 1;
  for (int i = 0; i < 16; i++)
    d[i] = i * 1.5;
  double s = 0;
  for (int i = 0; i < 16; i++)
    s += d[i] * d[15 - i];
  long off = offset_from_anchor (d);
  printf ("misalignment %ld, sum %.2f\n", ((off % 64) + 64) % 64, s);
  free (d);
  return 0;
}
