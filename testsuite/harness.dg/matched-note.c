/* Harness self-test: a note with a matching directive passes.
   Expected: PASS for the directive and PASS for excess errors.  */
/* { dg-do compile } */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-message "address of 'a' does not escape" } */
  return use (&a);
}
