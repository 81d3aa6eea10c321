/* Reason "converted to an integer": a cast of an address to uintptr_t, to
   long, an alignment check (still an escape: the contract), and an
   allocation converted to an integer.  */

#include <stdint.h>
#include <stdlib.h>

uintptr_t
to_uintptr (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: converted to an integer" } */
  return (uintptr_t) &a;
}

long
to_long (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: converted to an integer" } */
  int *p = &b;
  return (long) p;
}

int
alignment_check (void)
{
  char c[3] = ""; /* { dg-message "address of 'c' escapes: converted to an integer" } */
  return ((uintptr_t) c & 7) == 0;
}

int
heap_to_int (void)
{
  char *m = malloc (32); /* { dg-message "allocation of 32 bytes escapes: converted to an integer" } */
  int odd = (int) ((uintptr_t) m & 1);
  free (m);
  return odd;
}
