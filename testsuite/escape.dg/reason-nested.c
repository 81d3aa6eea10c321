/* Reason "captured by nested function 'inner'" (GNU C): a local used by a
   nested function, read or written; a local the nested function does not
   use is not captured.  */

int
outer_read (int n)
{
  int x = n; /* { dg-message "address of 'x' escapes: captured by nested function 'inner'" } */
  int inner (void) { return x; }
  return inner ();
}

void
outer_write (void)
{
  int count = 0; /* { dg-message "address of 'count' escapes: captured by nested function 'bump'" } */
  int other = 0; /* { dg-message "address of 'other' does not escape" } */
  int *q = &other;
  void bump (void) { count++; }
  bump ();
  *q = count;
}

/* What a captured variable points to escapes too: the analysis does not
   follow the nested function's use of the frame, so a captured pointer
   escapes even if it is only read (sound, imprecise).  */
int *g;

void
outer_pointer (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in memory that escapes" } */
  int *p = &x; /* { dg-message "address of 'p' escapes: captured by nested function 'inner'" } */
  void inner (void) { g = p; }
  inner ();
}

int
outer_param (int *b) /* { dg-line outer_param } */
{
  int inner (void) { int w = 0; int *q = &w; return *q + *b; } /* { dg-message "address of 'w' does not escape" } */
  return inner ();
}
/* { dg-message "address of 'b' escapes: captured by nested function 'inner'" "" { target *-*-* } outer_param } */
/* { dg-message "parameter 'b' escapes: stored in memory that escapes" "" { target *-*-* } outer_param } */
