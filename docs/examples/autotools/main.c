#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include "histogram.h"

int
main (void)
{
  struct histogram h = { { 0 }, 0, 10 };
  int values[] = { 3, 14, 15, 9, 26, 5, 35, 8 };
  for (unsigned i = 0; i < sizeof values / sizeof *values; i++)
    histogram_add (&h, values[i]);
  for (int b = 0; b < 4; b++)
    {
      char *bar = histogram_bar (&h, b);
      printf ("%2d-%2d %s\n", b * 10, b * 10 + 9, bar ? bar : "?");
      free (bar);
    }
  return 0;
}
