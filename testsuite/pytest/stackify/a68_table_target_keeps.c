/* A read-only table of functions, one of which keeps its argument in a
   global: the allocation passed through the table may be kept, and must
   stay on the heap.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *kept;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) int
count (char *p)
{
  return (int) strlen (p);
}

static __attribute__ ((noinline)) int
keep (char *p)
{
  kept = p;
  return 0;
}

static int (*const handlers[]) (char *) = { count, keep };

static __attribute__ ((noinline)) int
handle (int which)
{
  char *p = malloc (16);
  if (!p)
    exit (1);
  strcpy (p, which ? "kept" : "counted");
  int r = handlers[which & 1] (p);
  if (!which)
    free (p);
  return r;
}

int
main (void)
{
  int r = handle (0) + handle (1);
  scribble ();
  printf ("%d %s\n", r, kept);
  free (kept);
  return 0;
}
