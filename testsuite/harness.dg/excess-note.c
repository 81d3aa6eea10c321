/* Harness self-test: a note that no directive expects fails.
   Expected: PASS for the directive on 'a', FAIL "excess note" for 'q'.  */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-message "address of 'a' does not escape" } */
  int q = 2;
  return use (&a) + use (&q);
}
