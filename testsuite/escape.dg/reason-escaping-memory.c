/* Reason "stored in memory that escapes": the address is stored in an
   object that escapes itself (a local struct whose address goes to a
   global, an allocation stored in a global, a chain of two holders).  */

#include <stdlib.h>

struct node { int v; int *p; struct node *next; };

struct node *gn;
void *gv;

void
via_local_struct (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in memory that escapes" } */
  struct node s; /* { dg-message "address of 's' escapes: stored in global 'gn'" } */
  s.p = &x;
  gn = &s;
}

void
via_allocation (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in memory that escapes" } */
  struct node *n = malloc (sizeof *n); /* { dg-message "allocation of 24 bytes escapes: stored in global 'gv'" } */
  n->p = &y;
  gv = n;
}

void
via_two_holders (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in memory that escapes" } */
  int *h1 = &z; /* { dg-message "address of 'h1' escapes: stored in memory that escapes" } */
  int **h2 = &h1;
  int ***h3 = malloc (sizeof *h3); /* { dg-message "allocation of 8 bytes escapes: stored in global 'gv'" } */
  *h3 = h2;
  gv = h3;
}
