/* Reason "returned to caller": an allocation returned, a local returned
   through a copy of its address, a local returned through a struct, and
   "return &x;", which the C front end folds to a null pointer (and warns
   about) but which is still reported as returned.  */

#include <stdlib.h>

int *
ret_alloc (void)
{
  int *p = malloc (4); /* { dg-message "allocation of 4 bytes escapes: returned to caller" } */
  return p;
}

int *
ret_copy (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: returned to caller" } */
  int *p = &x;
  int *q = p;
  return q;
}

int *
ret_addr (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: returned to caller" } */
  return &y; /* { dg-warning "function returns address of local variable" } */
}

struct box { int *p; };

struct box
ret_in_struct (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: returned to caller" } */
  struct box b;
  b.p = &z;
  return b;
}

int **
ret_holder (void)
{
  int w = 0; /* { dg-message "address of 'w' escapes: stored in memory that escapes" } */
  int **h = malloc (sizeof *h); /* { dg-message "allocation of 8 bytes escapes: returned to caller" } */
  *h = &w;
  return h;
}
