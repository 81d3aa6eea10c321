/* stackify moves an allocation of run-time size that does not escape to a
   frame slot of stackify-max bytes (256 by default), taken when the size
   asked fits it; larger sizes still go to the allocator, and the frees
   stay, skipping the slot.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>
#include <string.h>

int
malloc_n (unsigned long n, int i)
{
  char *p = malloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
calloc_n (unsigned long n, int i)
{
  int *p = calloc (n, sizeof (int)); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  int r = p[i];
  free (p);
  return r;
}

/* The temporary copy of a string, the pattern the slot is for.  */
int
copy_len (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  size_t n = strlen (s);
  char *t = malloc (n + 1); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  memcpy (t, s, n + 1);
  int r = t[n / 2];
  free (t);
  return r;
}

int
aligned_n (unsigned long n, int i)
{
  char *p = aligned_alloc (64, n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0] + (int) ((unsigned long) p & 63);
  free (p);
  return r;
}
