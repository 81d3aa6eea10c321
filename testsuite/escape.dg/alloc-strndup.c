/* strndup: of a literal with a constant bound the size is the shorter of
   the literal's length and the bound, plus one; otherwise unknown.  */

#include <stdlib.h>
#include <string.h>

char *g;

void
bound_shorter (void)
{
  free (strndup ("hello", 3)); /* { dg-message "allocation of 4 bytes does not escape" } */
}

void
literal_shorter (void)
{
  g = strndup ("hi", 2); /* { dg-message "allocation of 3 bytes escapes: stored in global 'g'" } */
}

char *
variable_string (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  return strndup (s, 5); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

void
variable_bound (unsigned long n)
{
  free (strndup ("hello", n)); /* { dg-message "allocation of unknown size does not escape" } */
}
