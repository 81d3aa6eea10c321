/* An address used only as a number does not escape: compared, masked to
   its offset within a page (an alignment check), hashed to a table index,
   subtracted from another (Go's and LLVM's capture tracking draw the same
   line).  */

#include <stdint.h>
#include <stdlib.h>

static __attribute__ ((noinline)) int
aligned64 (const void *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return ((uintptr_t) p & 63) == 0;
}

int
alignment_check (void)
{
  char c[3] = ""; /* { dg-message "address of 'c' does not escape" } */
  return ((uintptr_t) c & 7) == 0;
}

int
helper_alignment_check (void)
{
  void *m = aligned_alloc (64, 128); /* { dg-message "allocation of 128 bytes does not escape" } */
  int ok = aligned64 (m);
  free (m);
  return ok;
}

unsigned
table_slot (void)
{
  int h = 0; /* { dg-message "address of 'h' does not escape" } */
  uintptr_t hash = (uintptr_t) &h * 2654435761u;
  return (unsigned) (hash % 64);
}

long
distance (void)
{
  int v[8] = { 0 }; /* { dg-message "address of 'v' does not escape" } */
  int *a = &v[1], *b = &v[6];
  return b - a;
}

int
low_bit (void)
{
  char *m = malloc (32); /* { dg-message "allocation of 32 bytes does not escape" } */
  int odd = (int) ((uintptr_t) m & 1);
  free (m);
  return odd;
}
