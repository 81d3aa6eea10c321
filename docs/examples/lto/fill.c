/* The helpers of the -flto example (see docs/build-tools.md): small
   enough for GCC to inline them into main.c's functions at link time.  */
#include "fill.h"

void
fill (int *values, int n, int first)
{
  for (int i = 0; i < n; i++)
    values[i] = first + i;
}

long
total (const int *values, int n)
{
  long sum = 0;
  for (int i = 0; i < n; i++)
    sum += values[i];
  return sum;
}
