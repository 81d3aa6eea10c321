/* "parameter 'NAME' escapes: REASON": stored in a global, stored through
   another parameter, passed to a function without a body, passed to a
   function that keeps it, converted to an integer.  */

int *g;
extern void sink (int *);

void
to_global (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

void
through_other (int **out, /* { dg-message "parameter 'out' does not escape" } */
	       int *p) /* { dg-message "parameter 'p' escapes: stored through parameter 'out'" } */
{
  *out = p;
}

void
to_unknown (int *p) /* { dg-message "parameter 'p' escapes: passed to 'sink' (argument 1), which may keep it" } */
{
  sink (p);
}

void
to_keeper (int *q) /* { dg-message "parameter 'q' escapes: passed to 'to_global' (argument 1), which keeps it" } */
{
  to_global (q);
}

unsigned long
to_integer (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return (unsigned long) p;	/* the integer still holds the address */
}

int *
through_integer (int *p) /* { dg-message "parameter 'p' escapes: converted to an integer" } */
{
  return (int *) ((unsigned long) p ^ 1);
}

/* Storing a parameter through itself only makes the caller's object point
   to itself: that is not "another" parameter (docs/design.md), the callers
   see it in the summary.  */
void
through_self (int **pp) /* { dg-message "parameter 'pp' does not escape" } */
{
  *pp = (int *) pp;
}
