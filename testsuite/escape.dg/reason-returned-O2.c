/* reason-returned.c compiled with -O2: the analysis runs on the IL before any
   optimization, so the notes are the same as without options.  */
/* { dg-options "-O2" } */

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
  return q; /* { dg-warning "function returns address of local variable" } */
  /* GCC -O2: -Wreturn-local-addr, with a note at the local.  */
  /* { dg-message "declared here" "" { target *-*-* } .-5 } */
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
