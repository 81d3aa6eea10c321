/* The known notes of the CMake example (see docs/build-tools.md).  */
#include <stdlib.h>
#include "config.h"
#include "ring.h"

int
ring_init (struct ring *r, unsigned size)
{
#ifdef HAVE_REALLOCARRAY
  r->slots = reallocarray (NULL, size, sizeof *r->slots);
#else
  r->slots = malloc (size * sizeof *r->slots);
#endif
  r->head = r->count = 0;
  r->size = size;
  return r->slots != NULL;
}

void
ring_push (struct ring *r, int value)
{
  r->slots[(r->head + r->count) % r->size] = value;
  if (r->count < r->size)
    r->count++;
  else
    r->head = (r->head + 1) % r->size;
}

int
ring_sum (const struct ring *r)
{
  int total = 0;
  for (unsigned i = 0; i < r->count; i++)
    total += r->slots[(r->head + i) % r->size];
  return total;
}
