/* A size that is not a constant (a parameter, a computed value, a global)
   is "unknown size", both for escaping and non-escaping allocations.  */

#include <stdlib.h>

extern unsigned long gsize;
void *g;

void *
param_size (unsigned long n)
{
  return malloc (n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

void
computed_size (int n)
{
  char *p = malloc (n * 2 + 1); /* { dg-message "allocation of unknown size does not escape" } */
  free (p);
}

void
global_size (void)
{
  g = malloc (gsize); /* { dg-message "allocation of unknown size escapes: stored in global 'g'" } */
}

void
calloc_unknown (unsigned long n)
{
  free (calloc (4, n)); /* { dg-message "allocation of unknown size does not escape" } */
}
