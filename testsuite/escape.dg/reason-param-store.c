/* Reason "stored through parameter": a local's address or an allocation
   stored in memory the caller passed in, directly, through a field, or
   through a pointer copied from the parameter.  */

#include <stdlib.h>

struct out { int n; int *p; };

void
store_direct (int **out) /* { dg-message "parameter 'out' does not escape" } */
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored through parameter 'out'" } */
  *out = &x;
}

void
store_field (struct out *o) /* { dg-message "parameter 'o' does not escape" } */
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored through parameter 'o'" } */
  o->p = &y;
}

void
store_copy (int **res) /* { dg-message "parameter 'res' does not escape" } */
{
  int **r = res + 1;
  int *a = malloc (16); /* { dg-message "allocation of 16 bytes escapes: stored through parameter 'res'" } */
  *r = a;
}
