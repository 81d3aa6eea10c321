/* One byte is "1 byte", singular, for every allocator; two bytes and zero
   bytes are plural.  */

#include <stdlib.h>
#include <string.h>

void *g;

void
one_byte (void)
{
  free (malloc (1)); /* { dg-message "allocation of 1 byte does not escape" } */
  g = calloc (1, 1); /* { dg-message "allocation of 1 byte escapes: stored in global 'g'" } */
  free (strdup ("")); /* { dg-message "allocation of 1 byte does not escape" } */
  free (__builtin_malloc (1)); /* { dg-message "allocation of 1 byte does not escape" } */
}

void
not_one_byte (void)
{
  free (malloc (2)); /* { dg-message "allocation of 2 bytes does not escape" } */
  free (malloc (0)); /* { dg-message "allocation of 0 bytes does not escape" } */
}
