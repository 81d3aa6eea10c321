/* Reason "converted to an integer": an address turned into an integer and
   back into a pointer, where arithmetic may have made another address of
   it.  An integer that only holds an address escapes like the address
   would: returned, stored in a global, passed to an unknown function.  */

#include <stdint.h>
#include <stdlib.h>

uintptr_t ghash;
extern void take_number (uintptr_t);

int
round_trip (uintptr_t key)
{
  int a = 0; /* { dg-message "address of 'a' escapes: converted to an integer" } */
  int *back = (int *) ((uintptr_t) &a ^ key);
  return *back;
}

int
heap_round_trip (void)
{
  char *m = malloc (32); /* { dg-message "allocation of 32 bytes escapes: converted to an integer" } */
  char *aligned = (char *) (((uintptr_t) m + 15) & ~(uintptr_t) 15);
  int r = aligned[0];
  free (m);
  return r;
}

uintptr_t
returned_number (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: returned to caller" } */
  return (uintptr_t) &b;
}

void
hash_to_global (void)
{
  int h = 0; /* { dg-message "address of 'h' escapes: stored in global 'ghash'" } */
  ghash = (uintptr_t) &h * 2654435761u;
}

void
number_to_unknown (void)
{
  int e = 0; /* { dg-message "address of 'e' escapes: passed to 'take_number' (argument 1), which may keep it" } */
  long n = (long) &e;
  take_number ((uintptr_t) n);
}
