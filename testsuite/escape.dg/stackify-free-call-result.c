/* free (id (p)) frees whatever id returns: it stays, and so does every
   allocation it may free.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

__attribute__ ((noinline)) static void *
id (void *x) /* { dg-message "parameter 'x' leaks to return value" } */
{
  return x;
}

int
free_of_call_result (int i)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed through a pointer that may hold another allocation" } */
  p[i & 15] = 1;
  int r = p[0];
  free (id (p));
  return r;
}
