/* stackify: a malloc of a constant size that does not escape and is freed
   in the same function is moved to the stack; the "does not escape" note of
   the report is replaced by "moved to stack".  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
freed (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
one_byte (int i, int j)
{
  char *p = malloc (1); /* { dg-message "allocation of 1 byte moved to stack" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
builtin (int i, int j)
{
  int *p = __builtin_malloc (10 * sizeof (int)); /* { dg-message "allocation of 40 bytes moved to stack" } */
  p[i] = 1;
  int r = p[j];
  __builtin_free (p);
  return r;
}

/* An escaping allocation keeps its report note.  */
void *g;

int
escaping (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes escapes: stored in global 'g'" } */
  p[i] = 1;
  g = p;
  return p[j];
}
