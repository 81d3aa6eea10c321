/* realloc: the new allocation has the new size (known or not); realloc
   of a null pointer is a plain allocation.  The result may be the old
   block: where it goes, the old object goes too.  */

#include <stdlib.h>

char *g;

void
from_null (void)
{
  char *p = realloc (0, 9); /* { dg-message "allocation of 9 bytes does not escape" } */
  free (p);
}

void
resized (char *old, unsigned long n) /* { dg-message "parameter 'old' escapes: stored in global 'g'" } */
{
  g = realloc (old, n); /* { dg-message "allocation of unknown size escapes: stored in global 'g'" } */
}

char *
grown (void)
{
  char *p = malloc (4); /* { dg-message "allocation of 4 bytes escapes: returned to caller" } */
  char *q = realloc (p, 40); /* { dg-message "allocation of 40 bytes escapes: returned to caller" } */
  return q;
}
