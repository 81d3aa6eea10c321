/* A local struct holds the pointer; a function that is not inlined reads
   it from the struct it is given and publishes it in a global.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct box
{
  int n;
  char *data;
};

static char *g_published;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 47);
}

static __attribute__ ((noinline)) void
publish (const struct box *b)
{
  g_published = b->data;
}

static __attribute__ ((noinline)) void
make (int n)
{
  struct box b;
  b.n = n;
  b.data = malloc (32);
  if (!b.data)
    exit (1);
  snprintf (b.data, 32, "published box %d", n);
  publish (&b);
}

int
main (void)
{
  make (6);
  scribble ();
  printf ("%s\n", g_published);
  free (g_published);
  return 0;
}
