/* strtol stores a pointer into the buffer it parses through its endptr
   argument, here a global.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *g_rest;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 71);
}

static __attribute__ ((noinline)) long
parse (void)
{
  char *buf = malloc (32);
  if (!buf)
    exit (1);
  strcpy (buf, "12345 and the rest");
  return strtol (buf, &g_rest, 10);
}

int
main (void)
{
  long v = parse ();
  scribble ();
  printf ("%ld [%s]\n", v, g_rest);
  free (g_rest - 5);
  return 0;
}
