/* The address of a pointer variable (int **pp = &p): storing through pp
   changes what p points to, and loading through pp reads p; both are
   followed.  */

int *g;
int **gpp;

void
store_through_pp (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'g'" } */
  int *p; /* { dg-message "address of 'p' does not escape" } */
  int **pp = &p;
  *pp = &x;
  g = p;
}

void
load_through_pp (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'g'" } */
  int *p = &y; /* { dg-message "address of 'p' does not escape" } */
  int **pp = &p;
  g = *pp;
}

void
pp_escapes (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in memory that escapes" } */
  int *p = &z; /* { dg-message "address of 'p' escapes: stored in global 'gpp'" } */
  gpp = &p;
}

int
pp_local (void)
{
  int w = 0; /* { dg-message "address of 'w' does not escape" } */
  int *p = &w; /* { dg-message "address of 'p' does not escape" } */
  int **pp = &p; /* { dg-message "address of 'pp' does not escape" } */
  int ***ppp = &pp;
  return ***ppp;
}
