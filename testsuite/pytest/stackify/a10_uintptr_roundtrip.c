/* Converted to uintptr_t, kept as an integer in a global and converted
   back later.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uintptr_t g_handle;
static char *g_back;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i ^ 0x77);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  char *q = malloc (32);
  if (!p || !q)
    exit (1);
  strcpy (p, "integer handle");
  strcpy (q, "round trip");
  g_handle = (uintptr_t) p;
  uintptr_t u = (uintptr_t) q + 8;
  g_back = (char *) (u - 8);
}

int
main (void)
{
  make ();
  scribble ();
  char *p = (char *) g_handle;
  printf ("%s / %s\n", p, g_back);
  free (p);
  free (g_back);
  return 0;
}
