/* stackify-recursive: the allocations of recursive functions are moved
   too (stackify-recursive.c without it).  */
/* { dg-escape-args "report stackify stackify-recursive" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
recurse (int n, int i)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[i] = n;
  int r = p[0];
  if (n > 0)
    r += recurse (n - 1, i) + p[1];
  free (p);
  return r;
}

static int ping (int n);

int
pong (int n)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[n & 15] = 1;
  int r = p[3];
  if (n > 0)
    r += ping (n - 1) + p[2];
  free (p);
  return r;
}

__attribute__ ((noinline)) static int
ping (int n)
{
  return n > 5 ? pong (n - 2) : n;
}
