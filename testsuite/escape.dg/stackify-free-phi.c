/* stackify: a free call must free nothing but moved allocations (or a null
   pointer) to be removed.  A free of a pointer that may come from
   elsewhere keeps the allocation on the heap.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

char *from_elsewhere (void);

int
malloc_or_other (int c, int i)
{
  char *p;
  if (c)
    p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed through a pointer that may hold another allocation" } */
  else
    p = from_elsewhere ();
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

/* One of the two allocations stays on the heap (too large), so the shared
   free stays, and the other one with it.  */
int
small_or_large (int c, int i)
{
  char *p;
  if (c)
    p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed through a pointer that may hold another allocation" } */
  else
    p = malloc (1000); /* { dg-message "allocation of 1000 bytes does not escape; stays on heap: larger than stackify-max (256 bytes)" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

/* Both may be moved: the shared free is removed.  */
int
two_small (int c, int i)
{
  char *p;
  if (c)
    p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
  else
    p = calloc (4, 8); /* { dg-message "allocation of 32 bytes moved to stack" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}
