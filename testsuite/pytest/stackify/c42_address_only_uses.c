/* Addresses used only as numbers: an alignment check in a helper that is
   not inlined, a hash reduced to a table slot, a pointer difference.  The
   allocations move; the results must not change (the slot is aligned as
   aligned_alloc asked).  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) int
aligned_to (const void *p, uintptr_t align)
{
  return ((uintptr_t) p & (align - 1)) == 0;
}

static __attribute__ ((noinline)) long
work (int n)
{
  long s = 0;
  double *v = aligned_alloc (32, 64);
  unsigned char *t = malloc (48);
  if (!v || !t)
    exit (1);
  for (int i = 0; i < 8; i++)
    v[i] = i * n;
  for (int i = 0; i < 48; i++)
    t[i] = (unsigned char) (i + n);
  s += aligned_to (v, 32);
  s += (long) (((uintptr_t) t * 2654435761u) % 1) * 1000;
  s += &t[40] - &t[3];
  for (int i = 0; i < 8; i++)
    s += (long) v[i] + t[i * 5];
  free (t);
  free (v);
  return s;
}

int
main (void)
{
  long s = 0;
  for (int n = 1; n < 5; n++)
    s += work (n);
  printf ("%ld\n", s);
  return 0;
}
