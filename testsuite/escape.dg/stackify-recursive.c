/* The allocations of a function that may recurse (directly or through
   another function of the file) take their slots from the thread's stack
   budget (stackify-recursive-max): a region the function takes when it
   begins, while the budget lasts, the heap beyond.  With
   stackify-recursive-max=0 they stay on the heap
   (stackify-recursive-budget0.c); with stackify-recursive, their slots are
   in the frame (stackify-recursive-allowed.c).  A slot aligned beyond what
   malloc gives stays on the heap.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
recurse (int n, int i)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack; the function may recurse: its slot is taken from a stack budget of 16384 bytes per thread \\(heap once it is spent\\)" } */
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
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack; the function may recurse: its slot is taken from a stack budget of 16384 bytes per thread \\(heap once it is spent\\)" } */
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

/* Calls a function of the file that does not call back: no recursion.  */
__attribute__ ((noinline)) static int
leaf (int n)
{
  return n * 3;
}

int
not_recursive (int n)
{
  char *p = calloc (16, 1); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[n & 15] = 1;
  int r = p[3] + leaf (n) + p[2];
  free (p);
  return r;
}

int
aligned_recursion (int n)
{
  char *p = aligned_alloc (64, 64); /* { dg-message "allocation of 64 bytes does not escape; stays on heap: function may recurse \\(see stackify-recursive-max\\)" } */
  p[n & 63] = 1;
  int r = p[3] + (n > 0 ? aligned_recursion (n - 1) : 0);
  free (p);
  return r;
}
