/* stackify refuses an allocation freed by a function that was not
   inlined.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

__attribute__ ((noinline)) static void
my_free (void *p) /* { dg-message "parameter 'p' does not escape" } */
{
  free (p);
}

int
wrapper_free (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed or used as heap memory by a function that was not inlined" } */
  p[i] = 1;
  int r = p[j];
  my_free (p);
  return r;
}

/* Freed by the wrapper on one path only.  */
int
sometimes_wrapper_free (int c, int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed or used as heap memory by a function that was not inlined" } */
  p[i] = 1;
  int r = p[j];
  if (c)
    my_free (p);
  else
    free (p);
  return r;
}
