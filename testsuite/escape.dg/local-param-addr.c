/* A parameter whose address is taken is a local too: it gets an "address
   of" note at the parameter, besides the parameter note for a pointer
   parameter.  */

int **gpp;
int *gp;
extern void use (int *);

void
int_param_kept (int n) /* { dg-message "address of 'n' escapes: stored in global 'gp'" } */
{
  gp = &n;
}

int
int_param_local (int n) /* { dg-message "address of 'n' does not escape" } */
{
  int *p = &n;
  return *p;
}

void
int_param_passed (int n) /* { dg-message "address of 'n' escapes: passed to 'use' (argument 1), which may keep it" } */
{
  use (&n);
}

/* Two notes at 'p': its address escapes, and so does its value, which is
   stored in the parameter's own (escaping) cell.  */
void
pointer_param_kept (int *p) /* { dg-line ptr } */
{
  gpp = &p;
}
/* { dg-message "address of 'p' escapes: stored in global 'gpp'" "" { target *-*-* } ptr } */
/* { dg-message "parameter 'p' escapes: stored in memory that escapes" "" { target *-*-* } ptr } */

int
pointer_param_local (int *q) /* { dg-line ptr2 } */
{
  int **qq = &q;
  return **qq;
}
/* { dg-message "address of 'q' does not escape" "" { target *-*-* } ptr2 } */
/* { dg-message "parameter 'q' does not escape" "" { target *-*-* } ptr2 } */
