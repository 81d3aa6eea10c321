/* p = c ? malloc (16) : existing_heap_ptr; free (p): the free may free an
   object that stays on the heap, so it cannot be removed, and the small
   allocation must stay on the heap too.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) char *
existing (int i)
{
  char *e = malloc (64);
  if (!e)
    exit (1);
  snprintf (e, 64, "existing heap object %d", i);
  return e;
}

static __attribute__ ((noinline)) int
pick (int i)
{
  return i & 1;
}

int
main (void)
{
  unsigned h = 0;
  for (int i = 0; i < 4; i++)
    {
      char *keep = existing (i);
      int c = pick (i);
      char *p = c ? malloc (16) : keep;
      if (!p)
	return 1;
      if (c)
	snprintf (p, 16, "fresh %d", i);
      for (char *s = p; *s; s++)
	h = h * 31 + (unsigned char) *s;
      printf ("%s\n", p);
      free (p);
      if (c)
	free (keep);
    }
  printf ("%u\n", h);
  return 0;
}
