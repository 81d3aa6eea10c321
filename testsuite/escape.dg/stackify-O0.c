/* stackify does not run at -O0: the report's notes are unchanged, and no
   allocation is moved or refused.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O0" } */

#include <stdlib.h>

void *g;

int
freed (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
too_large (int i)
{
  int *p = calloc (100, sizeof (int)); /* { dg-message "allocation of 400 bytes does not escape" } */
  int r = p[i];
  free (p);
  return r;
}

int
unknown_size (unsigned long n)
{
  char *p = malloc (n); /* { dg-message "allocation of unknown size does not escape" } */
  p[0] = 1;
  int r = p[0];
  free (p);
  return r;
}

void
escaping (void)
{
  g = malloc (8); /* { dg-message "allocation of 8 bytes escapes: stored in global 'g'" } */
}
