/* A call through a static const table of helpers: one only reads its
   argument, the other keeps it in a global, and the index is not known
   at compile time.  The argument must stay on the heap.  */
#include <stdio.h>
#include <stdlib.h>

typedef unsigned long (*handler) (unsigned char *, unsigned);

static unsigned char *g_kept;
static unsigned g_kept_len;
static volatile unsigned g_which = 1;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) unsigned long
reader (unsigned char *p, unsigned n)
{
  unsigned long s = 0;
  for (unsigned i = 0; i < n; i++)
    s = s * 131 + p[i];
  return s;
}

static __attribute__ ((noinline)) unsigned long
keeper (unsigned char *p, unsigned n)
{
  g_kept = p;
  g_kept_len = n;
  return 0;
}

static const handler handlers[] = { reader, keeper };

static __attribute__ ((noinline)) unsigned long
dispatch (unsigned which)
{
  unsigned char *p = malloc (40);
  if (!p)
    exit (1);
  for (unsigned i = 0; i < 40; i++)
    p[i] = (unsigned char) (i * 11 + which);
  unsigned long r = handlers[which] (p, 40);
  if (which == 0)
    free (p);
  return r;
}

int
main (void)
{
  unsigned long sum = dispatch (g_which);
  scribble ();
  sum = sum * 131 + reader (g_kept, g_kept_len);
  free (g_kept);
  printf ("%lu\n", sum);
  return 0;
}
