/* Passed to a function through a pointer that stores it.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *stash[4];
static int nstash;

static void
stash_it (char *p)
{
  stash[nstash++] = p;
}

static void
ignore_it (char *p)
{
  (void) p;
}

struct ops
{
  void (*take) (char *);
};

static void (*volatile sink) (char *) = stash_it;
static struct ops table[2] = { { ignore_it }, { stash_it } };

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 13);
}

static __attribute__ ((noinline)) void
produce (int n, const struct ops *o)
{
  char *p = malloc (24);
  char *q = malloc (24);
  if (!p || !q)
    exit (1);
  snprintf (p, 24, "via volatile %d", n);
  snprintf (q, 24, "via table %d", n);
  sink (p);
  o->take (q);
}

int
main (int argc, char **argv)
{
  (void) argv;
  produce (1, &table[argc > 0]);
  scribble ();
  for (int i = 0; i < nstash; i++)
    puts (stash[i]);
  for (int i = 0; i < nstash; i++)
    free (stash[i]);
  return 0;
}
