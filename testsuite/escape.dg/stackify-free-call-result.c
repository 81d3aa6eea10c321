/* free (id (p)) frees what id returns.  id's summary says that is p: the
   free goes with p's move.  free (pick (p, q)) may free q, which stays on
   the heap: the free stays, and so does p.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

__attribute__ ((noinline)) static void *
id (void *x) /* { dg-message "parameter 'x' leaks to return value" } */
{
  return x;
}

__attribute__ ((noinline)) static void *
pick (void *x, void *y, int c) /* { dg-message "parameter 'x' leaks to return value" } */
/* { dg-message "parameter 'y' leaks to return value" "" { target *-*-* } .-1 } */
{
  return c ? x : y;
}

int
free_of_call_result (int i)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
  p[i & 15] = 1;
  int r = p[0];
  free (id (p));
  return r;
}

char *kept;

int
free_of_either (int i)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed through a pointer that may hold another allocation" } */
  p[i & 15] = 1;
  int r = p[0];
  free (pick (p, kept, i));
  return r;
}
