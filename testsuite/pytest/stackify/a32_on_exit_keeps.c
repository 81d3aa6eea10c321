/* on_exit keeps its argument until the program exits: the handler prints
   and frees the object.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 37);
}

static void
at_end (int status, void *arg)
{
  char *p = arg;
  printf ("at exit (%d): %s\n", status, p);
  free (p);
}

static __attribute__ ((noinline)) void
register_note (int n)
{
  char *p = malloc (40);
  if (!p)
    exit (1);
  snprintf (p, 40, "registered note %d", n);
  on_exit (at_end, p);
}

int
main (void)
{
  register_note (1);
  register_note (2);
  scribble ();
  printf ("main done\n");
  return 0;
}
