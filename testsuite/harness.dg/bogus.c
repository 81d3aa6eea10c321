/* Harness self-test: dg-bogus.
   Expected: PASS for the bogus directive on 'n' (no such note), FAIL for the
   one on 'p' (the note is there).  */

int use (int *);

int
f (void)
{
  int n = 1; /* { dg-bogus "address of 'n' does not escape" } */
  int p = 2; /* { dg-bogus "address of 'p' .*" } */
  return n + use (&p);
}
