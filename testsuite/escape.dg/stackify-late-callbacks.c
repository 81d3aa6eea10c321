/* stackify analyses each function again after inlining, when functions
   compiled before it have lost their bodies: a callback's parameters must
   still be all there (qsort_r's comparator keeps its context).  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2 -D_GNU_SOURCE" } */

#include <stdlib.h>

void *kept;

static int
compare (const void *x, /* { dg-message "parameter 'x' does not escape" } */
	 const void *y, /* { dg-message "parameter 'y' does not escape" } */
	 void *context) /* { dg-message "parameter 'context' escapes: stored in global 'kept'" } */
{
  kept = context;
  return *(const char *) x - *(const char *) y;
}

void
sort_with_context (char *items, size_t n) /* { dg-message "parameter 'items' does not escape" } */
{
  char *context = malloc (16); /* { dg-message "allocation of 16 bytes escapes: passed to 'compare' \\(argument 3\\), which keeps it" } */
  qsort_r (items, n, 1, compare, context);
}
