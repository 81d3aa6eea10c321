/* Scalar locals: a note only when the address is taken; it is at the
   declaration.  */

extern void use (int *);
int *g;

int
scalars (int n)
{
  int plain = n;   /* no note: its address is never taken */
  int kept = n; /* { dg-message "address of 'kept' escapes: passed to 'use' (argument 1), which may keep it" } */
  long local_only = n; /* { dg-message "address of 'local_only' does not escape" } */
  char c = 0; /* { dg-message "address of 'c' escapes: stored in global 'g'" } */
  long *lp = &local_only;
  use (&kept);
  g = (int *) &c;
  return plain + *lp;
}
