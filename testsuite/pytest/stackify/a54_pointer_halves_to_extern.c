/* The pointer is read as two 32-bit halves, which are passed to a function
   of another translation unit (helpers/keeper.c, compiled without the
   plugin) that puts the pointer together again and keeps it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void keeper_put_halves (unsigned, unsigned);
void *keeper_get (int);
void keeper_free_all (void);

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 97);
}

static __attribute__ ((noinline)) void
produce (int n)
{
  char *volatile p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "kept in halves #%d", n);
  volatile unsigned *half = (volatile unsigned *) &p;
  keeper_put_halves (half[0], half[1]);
}

int
main (void)
{
  produce (1);
  produce (2);
  scribble ();
  printf ("%s / %s\n", (char *) keeper_get (0), (char *) keeper_get (1));
  keeper_free_all ();
  return 0;
}
