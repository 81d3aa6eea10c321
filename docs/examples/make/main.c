#include <stdio.h>
#include "stats.h"

int
main (void)
{
  int samples[] = { 3, 1, 4, 1, 5 };
  struct stats s;
  compute (samples, 5, &s);
  printf ("min %d max %d median %d\n", s.min, s.max, median (samples, 5));
  return 0;
}
