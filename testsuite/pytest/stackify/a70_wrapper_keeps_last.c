/* Wrappers that do more than allocate: one keeps the last block in a
   global (read after the caller returned), one refuses sizes above a
   limit (the caller relies on the null pointer).  Neither is a wrapper:
   their calls stay calls, whose results escape or stay on the heap.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *last;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) void *
xmalloc_keep (size_t n)
{
  void *p = malloc (n);
  if (!p)
    exit (2);
  last = p;
  return p;
}

static __attribute__ ((noinline)) void *
limited (size_t n)
{
  if (n > 100)
    return NULL;
  return malloc (n);
}

static __attribute__ ((noinline)) int
fill (int i)
{
  char *p = xmalloc_keep (48);
  snprintf (p, 48, "kept block %d", i);
  return (int) strlen (p);
}

static __attribute__ ((noinline)) int
try_limited (size_t n)
{
  char *p = limited (n);
  if (!p)
    return -1;
  memset (p, 7, n);
  int r = p[n - 1];
  free (p);
  return r;
}

int
main (void)
{
  int n = fill (1);
  scribble ();
  printf ("%d %s\n", n, last);
  free (last);
  n = fill (2);
  scribble ();
  printf ("%d %s\n", n, last);
  free (last);
  printf ("%d %d %d\n", try_limited (50), try_limited (150),
	  try_limited (100));
  return 0;
}
