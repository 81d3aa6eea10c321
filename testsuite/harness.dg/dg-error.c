/* Harness self-test: an expected error makes a non-zero exit status fine.
   Expected: PASS for the error, PASS for excess errors.  */

int
f (void)
{
  return undeclared; /* { dg-error "'undeclared' undeclared (first use in this function)" "literal text" } */
  /* { dg-message "each undeclared identifier is reported only once for each function it appears in" "" { target *-*-* } .-1 } */
}
