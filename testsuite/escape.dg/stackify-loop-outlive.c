/* An allocation in a loop takes one slot for all iterations when no value
   derived from it is used after the call runs again: it may be freed on
   some paths only, or never (a leak).  When the previous iteration's
   object may still be used (kept in a variable across the iteration, or
   through a PHI with a null pointer, or grown by realloc and kept), the
   slot is taken only while it is free, and the allocator serves the call
   otherwise.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

int
freed_on_some_paths (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
      if (s & 1)
	free (p);
    }
  return s;
}

int
previous_iteration_freed (int n, int i)
{
  int s = 0;
  char *prev = NULL;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[i] = k;
      s += p[k & 7];
      if (prev)
	s += prev[i];
      free (prev);
      prev = p;
    }
  free (prev);
  return s;
}

int
never_freed_in_loop (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
    }
  return s;
}

/* Allocated in an inner loop, freed in the outer one: the objects of the
   inner iterations but the last are leaked, the last one freed.  */
int
freed_in_outer_loop (int n, int i)
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = NULL;
      for (int m = 0; m < k; m++)
	{
	  p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
	  p[i] = m;
	  s += p[m & 7];
	}
      free (p);
    }
  return s;
}

/* "free (q)" with q = PHI <p, NULL>: on the NULL path the object is kept
   for the next iterations, so the free does not end it on every path.  */
int
freed_through_phi_with_null (int n, int i)
{
  int s = 0;
  char *keep = NULL;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[i] = k;
      char *q = p;
      if (k == 0)
	{
	  keep = p;
	  q = NULL;
	}
      s += keep[i];
      free (q);
    }
  free (keep);
  return s;
}

/* Leaked when OTHER is null.  */
int
other_pointer_tested (int n, int i, char *other) /* { dg-message "parameter 'other' does not escape" } */
{
  int s = 0;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
      p[i] = k;
      s += p[k & 7];
      if (!other)
	continue;
      free (p);
    }
  return s;
}

/* The branch taken when the result is null or another condition holds is
   not the null branch of a test of the result: it keeps the object.  */
int
null_or_other_condition (int n, int i)
{
  int s = 0;
  char *keep = NULL;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      if (!p || k == 3)
	{
	  keep = p;
	  continue;
	}
      p[i] = k;
      s += p[k & 7] + (keep ? keep[i] : 0);
      free (p);
    }
  free (keep);
  return s;
}

/* The previous object is freed on some iterations only.  */
int
free_previous_sometimes (int n, int i)
{
  int s = 0;
  char *prev = NULL;
  for (int k = 0; k < n; k++)
    {
      if (prev && k != 3)
	free (prev);
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[i] = k;
      s += p[k & 7] + (prev ? prev[i] : 0);
      prev = p;
    }
  free (prev);
  return s;
}

/* "prev" is set to NULL when the object is kept: the PHI's NULL comes
   from a path that did not free it.  */
int
previous_kept_when_null (int n, int i)
{
  int s = 0;
  char *prev = NULL, *keep = NULL;
  for (int k = 0; k < n; k++)
    {
      free (prev);
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[i] = k;
      s += p[k & 7] + (keep ? keep[i] : 0);
      if (k == 2)
	{
	  keep = p;
	  prev = NULL;
	}
      else
	prev = p;
    }
  free (prev);
  free (keep);
  return s;
}

/* Run-time sizes, and a block that realloc grows and the next iteration
   still reads.  */
int
previous_of_run_time_size (int n, unsigned size)
{
  int s = 0;
  char *prev = NULL;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (size); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes and its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\)" } */
      p[0] = k;
      s += prev ? prev[0] : 0;
      free (prev);
      prev = p;
    }
  free (prev);
  return s;
}

int
grown_and_kept (int n, unsigned size)
{
  int s = 0;
  char *kept = NULL;
  for (int k = 0; k < n; k++)
    {
      char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack while its slot is free \\(heap otherwise: the block of an earlier iteration may still be in use\\); realloc grows it in place up to 256 bytes \\(heap beyond\\)" } */
      p[0] = k;
      char *q = realloc (p, size); /* { dg-message "allocation of unknown size does not escape; grows a block moved to stack: in its slot up to 256 bytes, on the heap beyond" } */
      if (!q)
	return -1;
      s += kept ? kept[0] : 0;
      free (kept);
      kept = q;
    }
  free (kept);
  return s;
}
