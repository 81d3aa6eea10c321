/* Harness self-test: xfail selectors.
   Expected: XFAIL for the missing note on 'n', XPASS for the note on 'p'.  */

int use (int *);

int
f (void)
{
  int n = 1; /* { dg-message "address of 'n' does not escape" "" { xfail *-*-* } } */
  int p = 2; /* { dg-message "address of 'p' does not escape" "" { xfail *-*-* } } */
  return n + use (&p);
}
