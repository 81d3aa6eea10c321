/* An allocation whose address a helper only checks for alignment moves to
   the stack: the check cannot rebuild the address.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdint.h>
#include <stdlib.h>

static __attribute__ ((noinline)) int
aligned64 (const void *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return ((uintptr_t) p & 63) == 0;
}

int
helper_alignment_check (int i)
{
  char *m = aligned_alloc (64, 128); /* { dg-message "allocation of 128 bytes moved to stack" } */
  m[i & 127] = 1;
  int ok = aligned64 (m) + m[0];
  free (m);
  return ok;
}
