/* malloc: the note is at the call and gives the constant size; the
   verdict follows where the pointer goes.  */

#include <stdlib.h>

struct rec { long a, b, c; };
void *g;

void
freed (void)
{
  char *p = malloc (10); /* { dg-message "allocation of 10 bytes does not escape" } */
  p[0] = 0;
  free (p);
}

struct rec *
returned (void)
{
  return malloc (sizeof (struct rec)); /* { dg-message "allocation of 24 bytes escapes: returned to caller" } */
}

void
stored (void)
{
  g = malloc (100); /* { dg-message "allocation of 100 bytes escapes: stored in global 'g'" } */
}

void
two_on_one_line (void)
{
  char *a = malloc (2), *b = malloc (3); /* { dg-message "allocation of 2 bytes does not escape" } */
  /* { dg-message "allocation of 3 bytes escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  g = b;
  free (a);
}
