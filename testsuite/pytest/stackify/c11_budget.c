/* Six allocations of 200 bytes live at once in one function: the first
   five fit in stackify-frame-max (1024 bytes), the sixth stays on the
   heap.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned
mix (unsigned h, const char *p)
{
  for (int j = 0; j < 200; j += 7)
    h = h * 3 + (unsigned char) p[j] + (unsigned) j;
  return h;
}

int
main (void)
{
  char *a = malloc (200);
  char *b = malloc (200);
  char *c = malloc (200);
  char *d = malloc (200);
  char *e = malloc (200);
  char *f = malloc (200);
  if (!a || !b || !c || !d || !e || !f)
    return 1;
  memset (a, 'a', 200);
  memset (b, 'b', 200);
  memset (c, 'c', 200);
  memset (d, 'd', 200);
  memset (e, 'e', 200);
  memset (f, 'f', 200);
  a[7] = b[14] = c[21] = d[28] = e[35] = f[42] = '!';
  unsigned h = 0;
  h = mix (h, a);
  h = mix (h, b);
  h = mix (h, c);
  h = mix (h, d);
  h = mix (h, e);
  h = mix (h, f);
  printf ("%c%c%c%c%c%c %u\n", a[199], b[0], c[100], d[50], e[1], f[198], h);
  free (f);
  free (e);
  free (d);
  free (c);
  free (b);
  free (a);
  return 0;
}
