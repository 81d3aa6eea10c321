/* The known notes of the ccache example (see docs/build-tools.md).  */
#include "vec.h"

static const struct vec *last_scaled;

double
dot (const struct vec *a, const struct vec *b)
{
  return a->x * b->x + a->y * b->y;
}

void
scale (struct vec *v, double factor)
{
  struct vec scaled = { v->x * factor, v->y * factor };
  *v = scaled;
  last_scaled = v;
}
