/* In a loop, an allocation whose address stays in SSA names (copies,
   offsets, what strchr returns into it) and is not used after the call
   runs again takes one slot, even when it is not freed on every path.  An
   address stored in memory, or given to a function of the file, may live
   on: refused.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
derived_by_strchr (int n)
{
  int found = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (32); /* { dg-message "allocation of 32 bytes moved to stack" } */
      if (!p)
	return -1;
      snprintf (p, 32, "item %d", i);
      char *seven = strchr (p, '7');
      if (seven)
	{
	  found += seven - p;
	  continue;
	}
      free (p);
    }
  return found;
}

int
stored_in_array (int n)
{
  char *ring[4] = { 0 };
  int s = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[0] = (char) i;
      if (ring[i & 3])
	s += ring[i & 3][0];
      ring[i & 3] = p;
    }
  return s;
}

struct box
{
  char *last;
};

static __attribute__ ((noinline)) void
put (struct box *b, char *p) /* { dg-message "parameter 'b' does not escape" } */
/* { dg-message "parameter 'p' escapes: stored through parameter 'b'" "" { target *-*-* } .-1 } */
{
  b->last = p;
}

/* put keeps it in the caller's box, which the next iteration reads.  */
int
given_to_a_function (int n)
{
  struct box box = { 0 }; /* { dg-message "address of 'box' does not escape" } */
  int s = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[0] = (char) i;
      if (box.last)
	s += box.last[0];
      put (&box, p);
    }
  return s;
}
