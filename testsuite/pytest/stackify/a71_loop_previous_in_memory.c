/* In a loop, the previous iteration's block is still used: kept in a ring
   of locals, or in a struct by a function that is not inlined.  One slot
   for every iteration would overwrite it.  */
#include <stdio.h>
#include <stdlib.h>

struct box
{
  char *last;
};

static __attribute__ ((noinline)) void
put (struct box *b, char *p)
{
  b->last = p;
}

static __attribute__ ((noinline)) long
ring (int n)
{
  char *slots[4] = { 0 };
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (16);
      if (!p)
	return -1;
      p[0] = (char) (i * 3);
      if (slots[i & 3])
	{
	  s = s * 7 + slots[i & 3][0];
	  free (slots[i & 3]);
	}
      slots[i & 3] = p;
    }
  for (int i = 0; i < 4; i++)
    free (slots[i]);
  return s;
}

static __attribute__ ((noinline)) long
boxed (int n)
{
  struct box box = { 0 };
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (16);
      if (!p)
	return -1;
      p[0] = (char) (i * 5 + 1);
      if (box.last)
	{
	  s = s * 3 + box.last[0];
	  free (box.last);
	}
      put (&box, p);
    }
  free (box.last);
  return s;
}

int
main (void)
{
  printf ("%ld %ld\n", ring (50), boxed (50));
  return 0;
}
