/* stackify refuses aligned_alloc whose alignment is not a constant power of
   two of at most 4096.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
too_aligned (int i, int j)
{
  char *p = aligned_alloc (8192, 64); /* { dg-message "allocation of 64 bytes does not escape; stays on heap: alignment is not a constant power of two up to 4096" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
variable_alignment (unsigned long a, int i, int j)
{
  char *p = aligned_alloc (a, 64); /* { dg-message "allocation of 64 bytes does not escape; stays on heap: alignment is not a constant power of two up to 4096" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
not_a_power_of_two (int i, int j)
{
  char *p = aligned_alloc (48, 96); /* { dg-message "allocation of 96 bytes does not escape; stays on heap: alignment is not a constant power of two up to 4096" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}
