/* free is not an escape: an allocation that is only freed does not
   escape, nor does a parameter that is freed.  */

#include <stdlib.h>

void
alloc_and_free (void)
{
  int *p = malloc (sizeof *p); /* { dg-message "allocation of 4 bytes does not escape" } */
  *p = 1;
  free (p);
}

void
free_param (void *p) /* { dg-message "parameter 'p' does not escape" } */
{
  free (p);
}

void
free_through (void)
{
  char *q = malloc (20); /* { dg-message "allocation of 20 bytes does not escape" } */
  free_param (q);
  __builtin_free (0);
}

void
free_null_or (int c)
{
  char *r = c ? malloc (3) : 0; /* { dg-message "allocation of 3 bytes does not escape" } */
  free (r);
}
