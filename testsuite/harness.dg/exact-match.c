/* Harness self-test: a directive's regexp must match the WHOLE message.
   Expected: FAIL "missing note" for the directive on 'a' (it matches only
   a prefix) and FAIL "excess note" for the note it did not claim; PASS for
   the others.  */
/* { dg-options "-Wreturn-local-addr" } */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-message "address of 'a'" "prefix only" } */
  int b = 2; /* { dg-message "address of '.' does not escape" "regexp" } */
  int c = 3; /* { dg-message {address of 'c' does not (escape|leak)} "braces" } */
  return use (&a) + use (&b) + use (&c);
}

int *
g (void)
{
  int x; /* { dg-message "address of 'x' does not escape" } */
  return &x; /* { dg-warning "function returns address of local variable" "without the option tag" } */
}

int *
h (void)
{
  int y; /* { dg-message "address of 'y' does not escape" } */
  return &y; /* { dg-warning {function returns address of local variable \[-Wreturn-local-addr\]} "with the option tag" } */
}
