/* realloc of the function's own memory: the old object does not escape
   for being resized.  realloc may return the same block, so the old
   object shares the fate of the result (returned, stored in a global),
   and what it held is copied into the new one.  */

#include <stdlib.h>

void
grow_and_free (void)
{
  char *p = malloc (10); /* { dg-message "allocation of 10 bytes does not escape" } */
  char *q = realloc (p, 20); /* { dg-message "allocation of 20 bytes does not escape" } */
  free (q);
}

char *
grow_and_return (void)
{
  char *p = malloc (8); /* { dg-message "allocation of 8 bytes escapes: returned to caller" } */
  return realloc (p, 64); /* { dg-message "allocation of 64 bytes escapes: returned to caller" } */
}

void
builtin_form (void)
{
  int *p = __builtin_malloc (4); /* { dg-message "allocation of 4 bytes does not escape" } */
  int *q = __builtin_realloc (p, 8); /* { dg-message "allocation of 8 bytes does not escape" } */
  __builtin_free (q);
}

/* What the old object held is copied to the new one: it escapes with the
   new one, and only then.  */
int **gpp;

void
contents_follow (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in memory that escapes" } */
  int **p = malloc (sizeof *p); /* { dg-message "allocation of 8 bytes escapes: stored in global 'gpp'" } */
  *p = &x;
  gpp = realloc (p, 2 * sizeof *p); /* { dg-message "allocation of 16 bytes escapes: stored in global 'gpp'" } */
}

void
contents_of_freed (void)
{
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  int **p = malloc (sizeof *p); /* { dg-message "allocation of 8 bytes does not escape" } */
  *p = &y;
  free (realloc (p, 2 * sizeof *p)); /* { dg-message "allocation of 16 bytes does not escape" } */
}
