/* Stored in a global variable by one function, used and freed by
   another.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *g_name;
static int *g_counts;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (0x5A + i);
}

static __attribute__ ((noinline)) void
setup (int n)
{
  char *p = malloc (40);
  int *c = malloc (10 * sizeof (int));
  if (!p || !c)
    exit (1);
  snprintf (p, 40, "global object %d", n);
  for (int i = 0; i < 10; i++)
    c[i] = i * n;
  g_name = p;
  g_counts = c;
}

int
main (void)
{
  setup (7);
  scribble ();
  int s = 0;
  for (int i = 0; i < 10; i++)
    s += g_counts[i];
  printf ("%s %d\n", g_name, s);
  free (g_name);
  free (g_counts);
  return 0;
}
