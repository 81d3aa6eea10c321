/* p = c ? malloc (16) : malloc (32); free (p): the free can only free
   moved allocations, so both are moved and the free goes.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) unsigned
one (int i, unsigned h)
{
  char *p = i % 3 ? malloc (16) : malloc (32);
  if (!p)
    return 0;
  int n = snprintf (p, 16, "<%d:%s>", i, i % 3 ? "small" : "large");
  for (int k = 0; k < n; k++)
    h = h * 131 + (unsigned char) p[k];
  printf ("%s\n", p);
  free (p);
  return h;
}

int
main (void)
{
  unsigned h = 0;
  for (int i = 0; i < 6; i++)
    h = one (i, h);
  printf ("hash %u\n", h);
  return 0;
}
