/* Flow is directed: an assignment carries what its right side points to
   into its left side, never back.  Two addresses that meet in one pointer
   stay two objects, each with its own verdict.  */

int *gp;

int
conditional_address (int c)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  int *p = c ? &x : &y;
  gp = &x;
  return *p;
}

int
copy_one_way (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  int *p = &x;
  int *q = p;
  q = &y;
  gp = p;
  return *q;
}

static __attribute__ ((noinline)) int *
pick (int *a, int *b, int c) /* { dg-message "parameter 'a' leaks to return value" } */
/* { dg-message "parameter 'b' leaks to return value" "" { target *-*-* } .-1 } */
{
  return c ? a : b;
}

int
two_arguments (int c)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  int *r = pick (&x, &y, c);
  gp = &x;
  return *r;
}

int
two_calls (int c)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0, z = 0; /* { dg-message "address of 'y' does not escape" } */
  /* { dg-message "address of 'z' does not escape" "" { target *-*-* } .-1 } */
  gp = pick (&x, &x, c);
  return *pick (&y, &z, c);
}
