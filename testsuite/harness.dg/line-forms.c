/* Harness self-test: the LINE argument of a directive.
   Every note here is expected somewhere else than on its own line.
   Expected: all PASS.  */

int use (int *);

int
f (void)
{
  int a = 1; /* { dg-line decl_a } */
  /* { dg-message "address of 'a' does not escape" "by name" { target *-*-* } decl_a } */
  /* { dg-message "address of 'b' does not escape" "forward name" { target *-*-* } decl_b } */
  /* { dg-message "address of 'c' does not escape" "relative +" { target *-*-* } .+1 } */
  int c = 3;
  int d = 4;
  /* { dg-message "address of 'd' does not escape" "relative -" { target *-*-* } .-1 } */
  /* { dg-message "address of 'e' does not escape" "absolute" { target *-*-* } 22 } */
  int b = 2; /* { dg-line decl_b } */
  /* Two notes on one line need two directives; the harness finds the
     assignment that satisfies both, whatever their order.  */
  int x, y; /* { dg-message "address of '\[xy\]' does not escape" "either" } */
  int e = 5;
  /* { dg-message "address of 'x' does not escape" "only x" { target *-*-* } .-2 } */
  return use (&a) + use (&b) + use (&c) + use (&d) + use (&e)
	 + use (&x) + use (&y);
}
