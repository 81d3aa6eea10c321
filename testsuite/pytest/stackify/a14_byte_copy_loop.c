/* A hand-written loop copies the pointer byte by byte into a global (once
   through plain char loads, once through volatile ones).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char g_a[sizeof (void *)];
static unsigned char g_b[sizeof (void *)];

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 19);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  char *volatile q = malloc (32);
  if (!p || !q)
    exit (1);
  strcpy (p, "byte by byte");
  strcpy (q, "volatile bytes");
  const unsigned char *src = (const unsigned char *) &p;
  for (unsigned i = 0; i < sizeof p; i++)
    g_a[i] = src[i];
  volatile unsigned char *vsrc = (volatile unsigned char *) &q;
  for (unsigned i = 0; i < sizeof q; i++)
    g_b[i] = vsrc[i];
}

static char *
rebuild (const unsigned char *bytes)
{
  char *p;
  unsigned char *dst = (unsigned char *) &p;
  for (unsigned i = 0; i < sizeof p; i++)
    dst[i] = bytes[i];
  return p;
}

int
main (void)
{
  make ();
  scribble ();
  char *a = rebuild (g_a), *b = rebuild (g_b);
  printf ("%s / %s\n", a, b);
  free (a);
  free (b);
  return 0;
}
