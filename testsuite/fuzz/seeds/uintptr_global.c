/* An allocation's address is kept as a uintptr_t in a global and turned
   back into a pointer after the function has returned.  */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uintptr_t g_addr;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) unsigned long
stash (unsigned seed)
{
  unsigned char *p = malloc (64);
  if (!p)
    exit (1);
  for (unsigned i = 0; i < 64; i++)
    p[i] = (unsigned char) (i * seed + 1);
  g_addr = (uintptr_t) p;
  return p[10];
}

int
main (void)
{
  unsigned long sum = stash (3);
  scribble ();
  unsigned char *p = (unsigned char *) g_addr;
  for (unsigned i = 0; i < 64; i++)
    sum = sum * 131 + p[i];
  free (p);
  printf ("%lu\n", sum);
  return 0;
}
