/* memcpy, memmove and __builtin_memcpy copy the pointers held in the
   source into the destination: copying a pointer value into a global makes
   its target escape; copying into a local does not.  The sizes are not
   constants so that the calls stay calls (GCC turns a small constant-size
   memcpy into a plain assignment, see the last function).  */

#include <string.h>

int *g;
struct holder { int *p; } gh;

void
memcpy_to_global (unsigned long n)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'g'" } */
  int *p = &x; /* { dg-message "address of 'p' does not escape" } */
  memcpy (&g, &p, n);
}

void
memmove_to_global_struct (unsigned long n)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'gh'" } */
  struct holder h = { &y }; /* { dg-message "address of 'h' does not escape" } */
  memmove (&gh, &h, n);
}

void
builtin_memcpy_to_global (unsigned long n)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in global 'g'" } */
  int *p = &z; /* { dg-message "address of 'p' does not escape" } */
  __builtin_memcpy (&g, &p, n);
}

int
memcpy_to_local (unsigned long n)
{
  int w = 0; /* { dg-message "address of 'w' does not escape" } */
  int *p = &w; /* { dg-message "address of 'p' does not escape" } */
  int *q = 0; /* { dg-message "address of 'q' does not escape" } */
  memcpy (&q, &p, n);
  return *q;
}

void
array_to_global (unsigned long n)
{
  int v = 0; /* { dg-message "address of 'v' escapes: stored in global 'g'" } */
  int *src[2] = { &v, &v }; /* { dg-message "address of 'src' does not escape" } */
  memcpy (&g, src, n);
}

/* memcpy (&g, &p, sizeof p) becomes "g = p" before the analysis runs:
   'p' is then not address-taken at all, but 'u' still escapes.  */
void
constant_size (void)
{
  int u = 0; /* { dg-message "address of 'u' escapes: stored in global 'g'" } */
  int *p = &u;
  memcpy (&g, &p, sizeof p);
}
