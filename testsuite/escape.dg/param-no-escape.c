/* "parameter 'NAME' does not escape": pointer parameters that are only
   read through, written through, compared, or passed to a function that
   keeps nothing.  */

#include <string.h>

struct s { int n; int *p; };

int
read_through (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

void
write_through (int *p, int v) /* { dg-message "parameter 'p' does not escape" } */
{
  *p = v;
}

int
compare (const char *a, /* { dg-message "parameter 'a' does not escape" } */
	 const char *b) /* { dg-message "parameter 'b' does not escape" } */
{
  return a == b || strcmp (a, b) == 0;
}

int
pass_to_reader (const int *q) /* { dg-message "parameter 'q' does not escape" } */
{
  return read_through (q) + read_through (q + 1);
}

int
field_of (struct s *sp) /* { dg-message "parameter 'sp' does not escape" } */
{
  return sp->n + *sp->p;
}

void
pointer_to_pointer (int **pp) /* { dg-message "parameter 'pp' does not escape" } */
{
  **pp = 0;
  *pp = 0;
}
