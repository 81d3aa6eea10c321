/* pick (a, b, second) returns one of its arguments; its result is stored
   in a global, the other object is freed.  Both must stay on the heap
   (either may be the one kept).  */
#include <stdio.h>
#include <stdlib.h>

static unsigned char *g_picked;
static volatile unsigned g_second = 1;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) unsigned char *
pick (unsigned char *a, unsigned char *b, unsigned second)
{
  return second ? b : a;
}

static __attribute__ ((noinline)) void
choose (unsigned second)
{
  unsigned char *a = malloc (32), *b = malloc (32);
  if (!a || !b)
    exit (1);
  for (unsigned i = 0; i < 32; i++)
    {
      a[i] = (unsigned char) (i + 1);
      b[i] = (unsigned char) (i * 3 + 2);
    }
  g_picked = pick (a, b, second);
  free (second ? a : b);
}

int
main (void)
{
  choose (g_second);
  scribble ();
  unsigned long sum = 0;
  for (unsigned i = 0; i < 32; i++)
    sum = sum * 131 + g_picked[i];
  free (g_picked);
  printf ("%lu\n", sum);
  return 0;
}
