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

/* The null branch of a test of the result is never taken once the result
   is a slot's address: it is no path back to the call.  */
int
null_check_continue (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (12); /* { dg-message "allocation of 12 bytes moved to stack" } */
      if (!p)
	continue;
      p[i] = k;
      s += p[k & 7];
      free (p);
    }
  return s;
}

struct box { int n; char *data; };

static struct box *
box_new (int n)
{
  /* The report judges box_new alone; stackify, the inlined copy.  */
  struct box *b = malloc (sizeof *b); /* { dg-message "allocation of 16 bytes escapes: returned to caller" } */
  /* { dg-message "allocation of 16 bytes moved to stack" "" { target *-*-* } .-1 } */
  if (!b)
    return NULL;
  b->n = n;
  b->data = NULL;
  return b;
}

/* box_new inlined: "free (PHI <NULL, b>)", where the NULL comes from the
   null branch of malloc's result only.  */
int
inlined_constructor_in_loop (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      struct box *b = box_new (k);
      s += b ? b->n + i : 0;
      free (b);
    }
  return s;
}

/* The previous iteration's object is freed before the next allocation:
   "free (prev)" frees PHI <NULL, p> in the loop's header.  */
int
free_previous_first (int n, int i)
{
  int s = 0;
  char *prev = NULL;
  for (int k = 0; k < n; k++)
    {
      free (prev);
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
      prev = p;
    }
  free (prev);
  return s;
}

/* The same with the free guarded by a test of the PHI: its null branch is
   only taken before the first allocation.  */
int
free_previous_guarded (int n, int i)
{
  int s = 0;
  char *prev = NULL;
  for (int k = 0; k < n; k++)
    {
      if (prev)
	free (prev);
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
      if (!p)
	break;
      p[i] = k;
      s += p[k & 7];
      prev = p;
    }
  free (prev);
  return s;
}
