/* A run-time size that GCC's ranges bound by stackify-max needs no guard:
   a slot of the bound, always taken, and the frees removed.  A bound
   above stackify-max, or a size that may be negative, keeps the guard.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>
#include <string.h>

int
checked_length (const char *s, unsigned n) /* { dg-message "parameter 's' does not escape" } */
{
  if (n > 100)
    return -1;
  char *p = malloc (n + 1); /* { dg-message "allocation of at most 101 bytes moved to stack" } */
  memcpy (p, s, n);
  p[n] = 0;
  int r = strlen (p);
  free (p);
  return r;
}

int
small_type (unsigned char k, int i)
{
  char *p = calloc (k, 1); /* { dg-message "allocation of at most 255 bytes moved to stack" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
bound_too_large (unsigned char k, int i)
{
  int *v = calloc (k, sizeof (int)); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  v[i] = 1;
  int r = v[0];
  free (v);
  return r;
}

int
may_be_negative (int n, int i)
{
  if (n > 50)
    return 0;
  char *p = malloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}
