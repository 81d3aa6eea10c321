/* An inlined new/free pair in a loop: each object is freed in the
   iteration that made it.  */
#include <stdio.h>
#include <stdlib.h>

struct vec
{
  int n;
  double *v;
};

static struct vec *
vec_new (int n)
{
  struct vec *x = malloc (sizeof *x);
  if (!x)
    return NULL;
  x->v = calloc (8, sizeof (double));
  if (!x->v)
    {
      free (x);
      return NULL;
    }
  x->n = n;
  return x;
}

static void
vec_free (struct vec *x)
{
  free (x->v);
  free (x);
}

int
main (void)
{
  double total = 0;
  for (int it = 0; it < 7; it++)
    {
      struct vec *x = vec_new (8);
      if (!x)
	return 1;
      double nonzero = 0;
      for (int i = 0; i < x->n; i++)
	nonzero += x->v[i] != 0;
      for (int i = 0; i < x->n; i++)
	x->v[i] = it * 0.5 + i;
      for (int i = 0; i < x->n; i++)
	total += x->v[i] * (i + 1) + nonzero * 1000;
      vec_free (x);
    }
  printf ("%.2f\n", total);
  return 0;
}
