/* "parameter 'NAME' leaks to return value": the function returns the
   pointer (directly, offset, or cast), or returns memory that holds it; a
   parameter that is only sometimes returned leaks too.  */

#include <stdlib.h>

struct box { int *p; };

int *
identity (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return p;
}

char *
offset (char *s) /* { dg-message "parameter 's' leaks to return value" } */
{
  return s + 1;
}

void *
cast (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return (void *) p;
}

int *
choose (int *a, /* { dg-message "parameter 'a' leaks to return value" } */
	int *b, /* { dg-message "parameter 'b' leaks to return value" } */
	int c)
{
  return c ? a : b;
}

struct box *
boxed (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  struct box *b = malloc (sizeof *b); /* { dg-message "allocation of 8 bytes escapes: returned to caller" } */
  if (b)
    b->p = p;
  return b;
}

struct box
by_value (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  struct box b = { p };
  return b;
}

int *
loaded (int **pp) /* { dg-message "parameter 'pp' does not escape" } */
{
  return *pp;
}
