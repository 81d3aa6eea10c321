/* twalk_r's closure argument is passed to the action, which keeps it in
   a global (the cause of a61, through another callback).  Found by a
   differential fuzzer.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>

static void *kept;
static void *root;
static int dummy;

static int cmpt (const void *x, const void *y) { return x != y; }
static void act (const void *nodep, VISIT which, void *closure) { kept = closure; }

__attribute__((noinline)) static void
f (void)
{
  unsigned char *p = malloc (16);
  if (!p) abort ();
  memset (p, 'A', 16);
  twalk_r (root, act, p);           /* p escapes through the action callback */
}

__attribute__((noinline)) static void
clobber (void)
{
  volatile unsigned char buf[256];
  for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (unsigned char) i;
}

int
main (void)
{
  if (!tsearch (&dummy, &root, cmpt)) abort ();
  f ();
  clobber ();
  unsigned char *p = kept;
  printf ("%c\n", p[0]);
  free (p);
  tdelete (&dummy, &root, cmpt);
  return 0;
}
