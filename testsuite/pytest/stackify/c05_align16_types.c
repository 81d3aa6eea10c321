/* malloc's alignment (16 bytes) for long double and __int128: GCC uses
   aligned SSE loads and stores for these types.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) void
fill_ld (long double *v, int n)
{
  for (int i = 0; i < n; i++)
    v[i] = (long double) i / 3.0L;
}

static __attribute__ ((noinline)) void
copy_i128 (__int128 *dst, const __int128 *src, int n)
{
  for (int i = 0; i < n; i++)
    dst[i] = src[i] * 3 + 1;
}

/* Not constants for GCC: the helpers are not specialized (cloned).  */
static volatile int n_ld = 8, n_i128 = 6;

int
main (void)
{
  long double *ld = malloc (8 * sizeof (long double));
  __int128 *a = malloc (6 * sizeof (__int128));
  __int128 *b = malloc (6 * sizeof (__int128));
  if (!ld || !a || !b)
    return 1;
  fill_ld (ld, n_ld);
  long double s = 0;
  for (int i = 0; i < 8; i++)
    s += ld[i] * ld[i];
  for (int i = 0; i < 6; i++)
    a[i] = ((__int128) 1 << (60 + i)) + i;
  copy_i128 (b, a, n_i128);
  unsigned long long hi = 0, lo = 0;
  for (int i = 0; i < 6; i++)
    {
      hi ^= (unsigned long long) (b[i] >> 64);
      lo += (unsigned long long) b[i];
    }
  printf ("%.6Lf %llx %llx\n", s, hi, lo);
  free (b);
  free (a);
  free (ld);
  return 0;
}
