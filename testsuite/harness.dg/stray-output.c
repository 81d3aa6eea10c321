/* Harness self-test: output that is not a diagnostic is excess too (the
   fake plugin prints a debug line for a variable named chatty).
   Expected: FAIL "excess output".  */

int
f (void)
{
  int chatty = 0;
  return chatty;
}
