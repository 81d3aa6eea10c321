/* stackify: a check of the result against a null pointer does not keep an
   allocation on the heap.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stddef.h>
#include <stdlib.h>

int
return_on_null (int i, int j)
{
  char *p = malloc (32); /* { dg-message "allocation of 32 bytes moved to stack" } */
  if (p == NULL)
    return -1;
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
negated_check (int i, int j)
{
  int *p = calloc (2, sizeof (int)); /* { dg-message "allocation of 8 bytes moved to stack" } */
  if (!p)
    return -1;
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}
