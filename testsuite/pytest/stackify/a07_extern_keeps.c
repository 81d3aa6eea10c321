/* Passed to a function of another translation unit (helpers/keeper.c,
   compiled without the plugin) that keeps it.  */
#include <stdio.h>
#include <stdlib.h>

void keeper_put (void *);
void *keeper_get (int);
void keeper_free_all (void);

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 5 + 1);
}

static __attribute__ ((noinline)) void
produce (int n)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "kept elsewhere #%d", n);
  keeper_put (p);
}

int
main (void)
{
  for (int i = 0; i < 4; i++)
    produce (i * 11);
  scribble ();
  for (int i = 0; i < 4; i++)
    puts ((char *) keeper_get (i));
  keeper_free_all ();
  return 0;
}
