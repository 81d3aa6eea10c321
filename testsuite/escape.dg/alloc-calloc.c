/* calloc: the size is the product of two constant arguments; a
   non-constant count gives an unknown size.  */

#include <stdlib.h>

int *g;

void
constant_product (void)
{
  int *p = calloc (3, sizeof (int)); /* { dg-message "allocation of 12 bytes does not escape" } */
  free (p);
}

int *
returned (void)
{
  return calloc (10, 10); /* { dg-message "allocation of 100 bytes escapes: returned to caller" } */
}

void
variable_count (unsigned n)
{
  g = calloc (n, sizeof (int)); /* { dg-message "allocation of unknown size escapes: stored in global 'g'" } */
}

void
one_by_one (void)
{
  free (calloc (1, 1)); /* { dg-message "allocation of 1 byte does not escape" } */
}
