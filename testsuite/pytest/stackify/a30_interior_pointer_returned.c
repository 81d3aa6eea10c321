/* A pointer into the object (strchr's result) is returned; the caller
   gets back to the start of the object to free it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 29);
}

static __attribute__ ((noinline)) char *
value_of (const char *key, int n)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "%s:%d", key, n * n);
  return strchr (p, ':') + 1;
}

int
main (void)
{
  char *v = value_of ("abc", 12);
  scribble ();
  printf ("%s\n", v);
  free (v - 4);
  return 0;
}
