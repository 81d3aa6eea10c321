/* shape.c -- the shared library of test_escape_prof.py's program
   (libshape.so): its calloc is a site in another module.  */
#include <stdlib.h>

#include "shape.h"

struct shape
{
  int width, height;
};

struct shape *
shape_new (int width)
{
  struct shape *s = calloc (1, sizeof *s);
  s->width = width;
  s->height = 2;
  return s;
}

int
shape_area (const struct shape *s)
{
  return s->width * s->height;
}

void
shape_free (struct shape *s)
{
  free (s);
}
