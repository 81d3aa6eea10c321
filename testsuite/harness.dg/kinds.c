/* Harness self-test: dg-message only claims notes and dg-warning only
   warnings.  Expected: FAIL "missing warning" and FAIL "excess note" for 'a';
   FAIL "missing note" and FAIL "excess warning" for the return.  */
/* { dg-options "-Wreturn-local-addr" } */

int *
g (void)
{
  int a; /* { dg-warning "address of 'a' does not escape" } */
  return &a; /* { dg-message "function returns address of local variable" } */
}
