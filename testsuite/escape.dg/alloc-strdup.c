/* strdup: of a string literal the size is the literal's length plus one
   (up to its first NUL); of anything else it is unknown.  The argument
   itself does not escape.  */

#include <stdlib.h>
#include <string.h>

char *g;

void
literal (void)
{
  char *p = strdup ("hello"); /* { dg-message "allocation of 6 bytes does not escape" } */
  free (p);
}

void
literal_with_nul (void)
{
  g = strdup ("ab\0cd"); /* { dg-message "allocation of 3 bytes escapes: stored in global 'g'" } */
}

void
empty_literal (void)
{
  free (strdup ("")); /* { dg-message "allocation of 1 byte does not escape" } */
}

char *
variable (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  return strdup (s); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

char *
local_array (void)
{
  char buf[] = "xyz"; /* { dg-message "address of 'buf' does not escape" } */
  return strdup (buf); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}
