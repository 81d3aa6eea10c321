/* stackify with report=escapes: allocations are still moved, but only the
   notes that say "escapes" are printed; no "moved to stack", no "stays on
   heap".  */
/* { dg-escape-args "report=escapes stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

void *g;

int
moved (int i, int j)
{
  char *p = malloc (16);
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
stays (unsigned long n, int i)
{
  char *p = malloc (n);
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
escaping (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes escapes: stored in global 'g'" } */
  p[i] = 1;
  g = p;
  return p[j];
}
