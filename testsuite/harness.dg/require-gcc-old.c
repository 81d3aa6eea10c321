/* Harness self-test: a test that needs an old GCC runs as usual.
   Expected: PASS for the directive and PASS for excess errors.  */
/* { dg-require-gcc 4 } */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-message "address of 'a' does not escape" } */
  return use (&a);
}
