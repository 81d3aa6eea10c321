/* A callee that returns its argument: the caller's object escapes only if
   the caller returns or stores the result.  */

int *g;

static int *
pass (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return p;
}

int
result_used_locally (void)
{
  int a = 1; /* { dg-message "address of 'a' does not escape" } */
  int *r = pass (&a);
  return *r;
}

int *
result_returned (void)
{
  int b = 2; /* { dg-message "address of 'b' escapes: returned to caller" } */
  return pass (&b);
}

void
result_stored (void)
{
  int c = 3; /* { dg-message "address of 'c' escapes: stored in global 'g'" } */
  g = pass (&c);
}

void
result_dropped (void)
{
  int d = 4; /* { dg-message "address of 'd' does not escape" } */
  pass (&d);
}

int *
heap_result_returned (void)
{
  return pass (__builtin_malloc (4)); /* { dg-message "allocation of 4 bytes escapes: returned to caller" } */
}

/* The result is stored through the caller's own parameter.  */
void
result_through_param (int **out) /* { dg-message "parameter 'out' does not escape" } */
{
  int e = 5; /* { dg-message "address of 'e' escapes: stored through parameter 'out'" } */
  *out = pass (&e);
}
