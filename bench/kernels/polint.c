/* polint -- a temporary vector in numeric code: Neville's polynomial
   interpolation as in Numerical Recipes' polint, which allocates its two
   work vectors c and d on every call; interpolates a table of 8 points at
   many abscissae.  */
#include <math.h>
#include <stdlib.h>

#include "../bench.h"

const char kernel_name[] = "polint";

#define NPOINTS 8
#define NTABLES 32

static double xa[NTABLES][NPOINTS], ya[NTABLES][NPOINTS];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int t = 0; t < NTABLES; t++)
    {
      double x = (double) (bench_rand (&st) % 100) / 10.0;
      for (int i = 0; i < NPOINTS; i++)
	{
	  x += 0.25 + (double) (bench_rand (&st) % 100) / 100.0;
	  xa[t][i] = x;
	  ya[t][i] = (double) (bench_rand (&st) % 2000) / 100.0 - 10.0;
	}
    }
}

/* Interpolates the N points (XA, YA) at X; *DY is an error estimate.  */
static double
polint (const double *xa, const double *ya, int n, double x, double *dy)
{
#ifdef BENCH_HAND
  double c[NPOINTS], d[NPOINTS];
#else
  double *c = malloc (n * sizeof *c);
  double *d = malloc (n * sizeof *d);
  if (!c || !d)
    abort ();
#endif
  int ns = 0;
  double dif = fabs (x - xa[0]);
  for (int i = 0; i < n; i++)
    {
      double dift = fabs (x - xa[i]);
      if (dift < dif)
	{
	  ns = i;
	  dif = dift;
	}
      c[i] = ya[i];
      d[i] = ya[i];
    }
  double y = ya[ns--];
  for (int m = 1; m < n; m++)
    {
      for (int i = 0; i < n - m; i++)
	{
	  double ho = xa[i] - x;
	  double hp = xa[i + m] - x;
	  double w = c[i + 1] - d[i];
	  double den = ho - hp;
	  den = w / den;
	  d[i] = hp * den;
	  c[i] = ho * den;
	}
      *dy = 2 * (ns + 1) < n - m ? c[ns + 1] : d[ns--];
      y += *dy;
    }
#ifndef BENCH_HAND
  free (d);
  free (c);
#endif
  return y;
}

uint64_t
kernel_run (long iters)
{
  double sum = 0.0, err = 0.0;
  for (long i = 0; i < iters; i++)
    {
      int t = (int) (i & (NTABLES - 1));
      double x = xa[t][0] + (xa[t][NPOINTS - 1] - xa[t][0])
			    * (double) ((i * 37) & 1023) / 1024.0;
      double dy;
      sum += polint (xa[t], ya[t], NPOINTS, x, &dy);
      err += fabs (dy);
    }
  /* Rounded, so that a different but valid order of the floating-point
     operations (clang contracts differently) gives the same checksum.  */
  return (uint64_t) llround (sum * 1e3) * 1000003u
	 + (uint64_t) llround (err * 1e3);
}
