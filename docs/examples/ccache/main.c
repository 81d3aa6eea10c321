#include <stdio.h>
#include "vec.h"

int
main (void)
{
  struct vec a = { 1, 2 }, b = { 3, 4 };
  scale (&b, 2);
  printf ("%g\n", dot (&a, &b));
  return 0;
}
