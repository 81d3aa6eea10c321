/* __attribute__((noescape)) in definitions: a warning when the body lets
   the parameter escape or returns it, none when only what it points to
   escapes (the pointer itself is what the attribute is about).  The
   report's notes are unchanged.  */

int *g;
extern void sink (int *);

void
kept (int *p __attribute__((noescape))) /* { dg-warning "parameter 'p' escapes: stored in global 'g' \\(declared noescape\\)" } */
/* { dg-message "parameter 'p' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
{
  g = p;
}

void
passed_on (int *p __attribute__((noescape))) /* { dg-warning "parameter 'p' escapes: passed to 'sink' \\(argument 1\\), which may keep it \\(declared noescape\\)" } */
/* { dg-message "parameter 'p' escapes: passed to 'sink' \\(argument 1\\), which may keep it" "" { target *-*-* } .-1 } */
{
  sink (p);
}

int *
returned (int *p __attribute__((noescape))) /* { dg-warning "parameter 'p' leaks to return value \\(declared noescape\\)" } */
/* { dg-message "parameter 'p' leaks to return value" "" { target *-*-* } .-1 } */
{
  return p;
}

int
read_only (const int *p __attribute__((noescape))) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

void
contents_only (int **pp __attribute__((noescape))) /* { dg-message "parameter 'pp' does not escape; its contents escape: stored in global 'g'" } */
{
  g = *pp;
}

/* A body here is analysed, not trusted: the caller's local escapes through
   kept, whatever kept's declaration says.  */
void
caller (void)
{
  int x; /* { dg-message "address of 'x' escapes: passed to 'kept' \\(argument 1\\), which keeps it" } */
  kept (&x);
}
