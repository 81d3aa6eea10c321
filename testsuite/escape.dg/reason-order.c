/* When several reasons apply, the note gives the first one in statement
   order.  A reason that makes the object escape for good (a global, a
   call) wins over "returned to caller" and "stored through parameter",
   which only outlive the call, even when the store through the parameter
   comes first (docs/design.md, "Solving").  */

int *g;
extern void sink (int *);

void
call_first (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'sink' (argument 1), which may keep it" } */
  int *p = &a;
  sink (p);
  g = p;
}

void
global_first (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: stored in global 'g'" } */
  int *p = &b;
  g = p;
  sink (p);
}

int
cast_first (unsigned long key)
{
  int c = 0; /* { dg-message "address of 'c' escapes: converted to an integer" } */
  int *q = (int *) ((unsigned long) &c ^ key);
  sink (&c);
  return *q;
}

int *
escape_beats_return (void)
{
  int d = 0; /* { dg-message "address of 'd' escapes: passed to 'sink' (argument 1), which may keep it" } */
  sink (&d);
  return &d; /* { dg-warning "function returns address of local variable" } */
}

void
escape_beats_param_store (int **out) /* { dg-message "parameter 'out' does not escape" } */
{
  int e = 0; /* { dg-message "address of 'e' escapes: stored in global 'g'" } */
  *out = &e;
  g = &e;
}
