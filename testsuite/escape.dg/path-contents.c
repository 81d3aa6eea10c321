/* Paths: a parameter whose pointer stays but whose contents escape (Go's
   "leaking param content"): the way from what it points to, read back
   through it, to where that escapes; through a callee that keeps them,
   the callee's steps one level deeper.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */

struct holder { int *p; };
int *keep;

static void
publish (struct holder *h)
  /* { dg-message "parameter 'h' does not escape; its contents escape: stored in global 'keep'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'h'" .-2 } */
{
  int *inside = h->p;
  /* { dg-path 2 "read back through 'h'" .-1 } */
  /* { dg-path 3 "copied to 'inside'" .-2 } */
  /* { dg-path 3 "read back through 'h'" .-3 } */
  /* { dg-path 4 "copied to 'inside'" .-4 } */
  keep = inside;
  /* { dg-path 4 "stored in global 'keep'" .-1 } */
  /* { dg-path 5 "stored in global 'keep'" .-2 } */
}

void
use (struct holder *u)
  /* { dg-message "parameter 'u' does not escape; its contents escape: passed to 'publish' (argument 1), which keeps it" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'u'" .-2 } */
{
  publish (u);
  /* { dg-path 2 "passed to 'publish' (argument 1), which keeps it" .-1 } */
}
