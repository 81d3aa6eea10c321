/* aligned_alloc (64, 128) whose alignment is checked by a helper that is
   not inlined: the address is only used as a number, so the allocation
   may move, and the slot must be 64-byte aligned.  Another one is kept
   and checked after the function has returned.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static double *g_kept;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) int
aligned_to (const void *p, uintptr_t align)
{
  return ((uintptr_t) p & (align - 1)) == 0;
}

static __attribute__ ((noinline)) unsigned long
work (unsigned n)
{
  double *v = aligned_alloc (64, 128);
  double *w = aligned_alloc (64, 128);
  if (!v || !w)
    exit (1);
  for (unsigned i = 0; i < 16; i++)
    {
      v[i] = i * n;
      w[i] = i + n;
    }
  unsigned long s = (unsigned long) aligned_to (v, 64) * 1000
		    + (unsigned long) aligned_to (w, 64) * 100;
  for (unsigned i = 0; i < 16; i++)
    s += (unsigned long) v[i];
  free (v);
  g_kept = w;
  return s;
}

int
main (void)
{
  unsigned long sum = work (3);
  scribble ();
  sum = sum * 131 + (unsigned long) aligned_to (g_kept, 64);
  for (unsigned i = 0; i < 16; i++)
    sum = sum * 131 + (unsigned long) g_kept[i];
  free (g_kept);
  printf ("%lu\n", sum);
  return 0;
}
