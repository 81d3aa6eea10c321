/* A struct is one cell per field: what one field holds does not travel
   with another.  Nested structs are flattened; an array or a union is one
   field; a copy of the whole struct copies field by field; an access the
   fields do not match (a byte copy, an unknown offset) touches them all.  */

#include <stdlib.h>
#include <string.h>

struct buf { char *data; long len; };
struct pair { int *a; int *b; };
struct outer { struct pair in; int *c; };
union either { int *p; long n; };

int *gp;
long gn;

long
length_only (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  struct buf b;
  b.data = malloc (64); /* { dg-message "allocation of 64 bytes does not escape" } */
  b.len = strlen (s);
  long r = b.len;
  free (b.data);
  return r;
}

int
one_field_kept (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  struct pair p = { &x, &y };
  struct pair q = p;
  gp = q.a;
  return *q.b;
}

int
through_pointer (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  struct pair *p = malloc (sizeof *p); /* { dg-message "allocation of 16 bytes does not escape" } */
  p->a = &x;
  p->b = &y;
  gp = p->a;
  int r = *p->b;
  free (p);
  return r;
}

int
nested (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0, z = 0; /* { dg-message "address of 'y' does not escape" } */
  /* { dg-message "address of 'z' does not escape" "" { target *-*-* } .-1 } */
  struct outer o;
  o.in.a = &y;
  o.in.b = &x;
  o.c = &z;
  gp = o.in.b;
  return *o.in.a + *o.c;
}

int
field_address (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  struct pair p; /* { dg-message "address of 'p' does not escape" } */
  int **slot = &p.b;
  *slot = &x;
  p.a = &y;
  gp = p.b;
  return *p.a;
}

long
union_one_field (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gn'" } */
  union either e;
  e.p = &x;
  gn = e.n;
  return 0;
}

int
byte_copy_touches_all (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'gp'" } */
  struct pair p = { &x, &y };
  struct pair q;
  memcpy (&q, &p, sizeof q);	/* GCC makes it a copy of 16 bytes */
  gp = q.a;
  return 0;
}

int
unknown_offset_touches_all (int i)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gp'" } */
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'gp'" } */
  struct pair p = { &x, &y }; /* { dg-message "address of 'p' does not escape" } */
  int **q = &p.a;
  gp = q[i];
  return 0;
}

int
field_escapes_whole (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in memory that escapes" } */
  struct pair p; /* { dg-message "address of 'p' escapes: stored in global 'gp'" } */
  p.a = &y;
  gp = (int *) &p.b;
  return 0;
}
