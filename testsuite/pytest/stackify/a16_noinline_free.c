/* Freed by a function that is not inlined: the free cannot be removed, so
   the allocation stays on the heap.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
my_free (void *p)
{
  free (p);
}

int
main (void)
{
  int total = 0;
  for (int i = 0; i < 3; i++)
    {
      char *p = malloc (32);
      if (!p)
	return 1;
      snprintf (p, 32, "freed by my_free %d", i);
      total += (int) strlen (p) * (i + 1);
      puts (p);
      my_free (p);
    }
  char *q = malloc (16);
  if (!q)
    return 1;
  strcpy (q, "once");
  puts (q);
  my_free (q);
  printf ("%d\n", total);
  return 0;
}
