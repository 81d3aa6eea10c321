/* report=escapes prints only the notes that say "escapes": no "does not
   escape", no "leaks to return value" (a parameter that leaks is not an
   escape), for locals, allocations and parameters alike.  */
/* { dg-escape-args "report=escapes" } */

#include <stdlib.h>

int *g;

int *
leaks (int *p)
{
  return p;
}

void
keeps (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

int *
mixed (const int *q)
{
  int local = 0;
  int kept = 0; /* { dg-message "address of 'kept' escapes: passed to 'keeps' (argument 1), which keeps it" } */
  int *tmp = malloc (4);
  int *ret = malloc (8); /* { dg-message "allocation of 8 bytes escapes: returned to caller" } */
  int *p = &local;
  *tmp = *q + *p;
  free (tmp);
  keeps (&kept);
  return ret;
}
