/* The pointer's bytes are swapped pairwise into a global with swab, and
   swapped back later: swab copies them.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char g_swapped[sizeof (void *)];

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 101);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  strcpy (p, "copied by swab");
  swab (&p, g_swapped, sizeof p);
}

int
main (void)
{
  make ();
  scribble ();
  char *p;
  swab (g_swapped, &p, sizeof p);
  printf ("%s\n", p);
  free (p);
  return 0;
}
