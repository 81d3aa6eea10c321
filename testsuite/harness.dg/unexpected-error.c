/* Harness self-test: an error without a dg-error directive.
   Expected: FAIL "excess error", FAIL "excess note" and FAIL "compiler
   exited with status 1".  */

int
f (void)
{
  return undeclared;
}
