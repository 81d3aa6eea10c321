/* Harness self-test: a test that needs a GCC newer than any is not run.
   Expected: UNSUPPORTED (needs GCC 999), and no other result.  */
/* { dg-require-gcc 999 } */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-message "no such note" } */
  return use (&a);
}
