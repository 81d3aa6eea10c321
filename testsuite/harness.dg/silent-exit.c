/* Harness self-test: the fake plugin exits with status 3 without a word on
   a variable named exit_me.  Expected: PASS for excess errors, FAIL
   "compiler exited with status 1".  */

int
f (void)
{
  int exit_me = 0;
  return exit_me;
}
