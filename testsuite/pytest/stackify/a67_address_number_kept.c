/* An address kept as a number in a global, rebuilt into a pointer after
   the function returned: the integer escapes, and so does the
   allocation.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uintptr_t saved;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) void
save (int n)
{
  char *p = malloc (24);
  if (!p)
    exit (1);
  snprintf (p, 24, "kept as number %d", n);
  saved = (uintptr_t) p ^ 0x5a5a;
}

int
main (void)
{
  save (7);
  scribble ();
  char *p = (char *) (saved ^ 0x5a5a);
  printf ("%s\n", p);
  free (p);
  return 0;
}
