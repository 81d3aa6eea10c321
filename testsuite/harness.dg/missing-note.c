/* Harness self-test: a directive whose note does not appear fails.
   Expected: FAIL "missing note" (the address of 'b' is never taken),
   PASS for excess errors.  */

int
f (void)
{
  int b = 2; /* { dg-message "address of 'b' does not escape" } */
  return b;
}
