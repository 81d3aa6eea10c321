/* A union puns the pointer into an integer that is kept in a global, and
   a global union holds it directly.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union pun
{
  char *p;
  uintptr_t u;
  unsigned char b[sizeof (char *)];
};

static uintptr_t g_word;
static union pun g_pun;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 17);
}

static __attribute__ ((noinline)) void
make (void)
{
  union pun x;
  x.p = malloc (32);
  if (!x.p)
    exit (1);
  strcpy (x.p, "punned through a union");
  g_word = x.u;
  union pun y;
  y.p = malloc (32);
  if (!y.p)
    exit (1);
  strcpy (y.p, "union bytes");
  for (unsigned i = 0; i < sizeof y.b; i++)
    g_pun.b[i] = y.b[i];
}

int
main (void)
{
  make ();
  scribble ();
  union pun z;
  z.u = g_word;
  printf ("%s / %s\n", z.p, g_pun.p);
  free (z.p);
  free (g_pun.p);
  return 0;
}
