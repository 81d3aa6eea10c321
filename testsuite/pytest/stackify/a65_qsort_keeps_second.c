/* qsort's comparator keeps its second argument, a pointer into the
   array, which is a malloc'd block (the cause of a61, through qsort).
   Found by a differential fuzzer.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char *kept;

static int
cmp (const void *x, const void *y)
{
  kept = y;                     /* keeps a pointer into the sorted array */
  return 0;
}

__attribute__((noinline)) static void
f (void)
{
  unsigned char *p = malloc (2);
  if (!p) abort ();
  memset (p, 'A', 2);
  qsort (p, 2, 1, cmp);
}

__attribute__((noinline)) static void
clobber (void)
{
  volatile unsigned char buf[256];
  for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (unsigned char) (i | 0x80);
}

int
main (void)
{
  f ();
  clobber ();
  printf ("%c\n", kept[0]);
  return 0;
}
