/* __builtin_apply_args hands every argument of the function on, without
   naming them: a parameter passed on that way escapes where the block
   goes, and so does what the callers give.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

char *g;

void
keep (char *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

void
forward (char *p) /* { dg-message "parameter 'p' escapes: stored in memory that escapes" } */
{
  __builtin_apply ((void (*) ()) keep, __builtin_apply_args (), 64);
}

int
caller (void)
{
  char *q = malloc (16); /* { dg-message "allocation of 16 bytes escapes: passed to 'forward' \\(argument 1\\), which keeps it" } */
  q[0] = 1;
  forward (q);
  return q[0];
}
