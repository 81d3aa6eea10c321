/* A union that puns a pointer as an integer: the integer read from the
   union still carries the address, so storing it in a global integer makes
   the object escape (no cast is written, so the reason is the store).  */

#include <stdint.h>

uintptr_t gi;
union pun { int *p; uintptr_t u; };
union pun gu;

void
pun_to_global_int (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gi'" } */
  union pun u;
  u.p = &x;
  gi = u.u;
}

void
pun_heap_to_global_int (void)
{
  union pun u;
  u.p = __builtin_malloc (12); /* { dg-message "allocation of 12 bytes escapes: stored in global 'gi'" } */
  gi = u.u;
}

void
pun_via_global_union (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'gu'" } */
  gu.p = &y;
}

void
pun_through_memory (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in global 'gi'" } */
  int *p = &z; /* { dg-message "address of 'p' does not escape" } */
  gi = *(uintptr_t *) &p;
}

uintptr_t
pun_returned (void)
{
  int w = 0; /* { dg-message "address of 'w' escapes: returned to caller" } */
  union pun u;
  u.p = &w;
  return u.u;
}
