/* Harness self-test: the fake plugin crashes on a variable named ice_me.
   Expected: FAIL "internal compiler error".  */

int
f (void)
{
  int ice_me = 0;
  return ice_me;
}
