/* stackify: aligned_alloc with a constant power-of-two alignment of at most
   4096 is moved to a slot with that alignment.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
align64 (int i, int j)
{
  int *p = aligned_alloc (64, 64); /* { dg-message "allocation of 64 bytes moved to stack" } */
  p[i] = 2;
  int r = p[j];
  free (p);
  return r;
}

int
align4096 (int i, int j)
{
  char *p = aligned_alloc (4096, 128); /* { dg-message "allocation of 128 bytes moved to stack" } */
  p[i] = 2;
  int r = p[j];
  free (p);
  return r;
}

int
align1 (int i, int j)
{
  char *p = aligned_alloc (1, 8); /* { dg-message "allocation of 8 bytes moved to stack" } */
  p[i] = 2;
  int r = p[j];
  free (p);
  return r;
}
