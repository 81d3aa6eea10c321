/* The pointer's bits are copied (memcpy) into a double and into a vector
   kept in globals, and copied back later.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef long long v2di __attribute__ ((vector_size (16)));

static double g_double;
static v2di g_vector;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 53);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  char *q = malloc (32);
  if (!p || !q)
    exit (1);
  strcpy (p, "hidden in a double");
  strcpy (q, "hidden in a vector");
  double d;
  memcpy (&d, &p, sizeof p);
  g_double = d;
  v2di v = { 0, 0 };
  memcpy (&v, &q, sizeof q);
  g_vector = v;
}

int
main (void)
{
  make ();
  scribble ();
  char *p, *q;
  memcpy (&p, &g_double, sizeof p);
  memcpy (&q, &g_vector, sizeof q);
  printf ("%s / %s\n", p, q);
  free (p);
  free (q);
  return 0;
}
