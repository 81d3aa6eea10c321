/* stackify: in a loop, an allocation freed on every path back to itself is
   moved: one slot serves every iteration.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
for_loop (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (24); /* { dg-message "allocation of 24 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
      free (p);
    }
  return s;
}

int
freed_on_both_branches (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (20); /* { dg-message "allocation of 20 bytes moved to stack" } */
      p[i] = k;
      if (p[k & 7] > 3)
	{
	  s++;
	  free (p);
	  continue;
	}
      s += p[i];
      free (p);
    }
  return s;
}

int
while_loop_with_break (int n, int i)
{
  int s = 0;
  while (n-- > 0)
    {
      char *p = malloc (28); /* { dg-message "allocation of 28 bytes moved to stack" } */
      p[i] = n;
      s += p[n & 7];
      if (s > 100)
	break;	/* leaves the loop: the allocation is never met again */
      free (p);
    }
  return s;
}
