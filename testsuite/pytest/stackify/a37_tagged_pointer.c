/* A tagged pointer: the address goes through a union into an integer, a
   tag is or-ed into its low bit, and the word is kept in a global.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

union word
{
  char *p;
  uintptr_t u;
};

static uintptr_t g_tagged;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 41);
}

static __attribute__ ((noinline)) void
make (void)
{
  union word w;
  w.p = malloc (32);
  if (!w.p)
    exit (1);
  strcpy (w.p, "tagged object");
  g_tagged = w.u | 1;
}

int
main (void)
{
  make ();
  scribble ();
  union word w;
  w.u = g_tagged & ~(uintptr_t) 1;
  printf ("tag %d: %s\n", (int) (g_tagged & 1), w.p);
  free (w.p);
  return 0;
}
