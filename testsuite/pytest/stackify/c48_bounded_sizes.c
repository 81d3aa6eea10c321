/* Run-time sizes that GCC's ranges bound by stackify-max: a length checked
   against a limit (0, the limit, and one past it, which is refused before
   the allocation), a count of type unsigned char given to calloc, and a
   bounded size allocated and freed in a loop.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) int
checked_copy (const char *s, unsigned n)
{
  if (n > 100)
    return -1;
  char *p = malloc (n + 1);
  if (!p)
    return -2;
  memcpy (p, s, n);
  p[n] = 0;
  int r = 0;
  for (unsigned i = 0; i < n; i++)
    r = r * 31 + p[i];
  r += (int) strlen (p);
  free (p);
  return r;
}

static __attribute__ ((noinline)) long
byte_count (unsigned char k)
{
  unsigned char *p = calloc (k, 1);
  if (!p && k)
    return -1;
  long s = 0;
  for (unsigned i = 0; i < k; i += 2)
    p[i] = (unsigned char) i;
  for (unsigned i = 0; i < k; i++)
    s = s * 3 + p[i];
  free (p);
  return s;
}

static __attribute__ ((noinline)) long
rounds (int count)
{
  long s = 0;
  for (int i = 0; i < count; i++)
    {
      unsigned n = (unsigned) (i * 37) % 200;
      int *v = malloc (n * sizeof (int) / 4 + 1);
      if (!v)
	return -1;
      memset (v, i, n * sizeof (int) / 4 + 1);
      s += ((unsigned char *) v)[n / 2];
      free (v);
    }
  return s;
}

int
main (int argc, char **argv)
{
  char text[128];
  memset (text, 'a' + argc, sizeof text);
  unsigned lengths[] = { 0, 1, 50, 100, 101 };
  for (unsigned i = 0; i < sizeof lengths / sizeof *lengths; i++)
    printf ("copy %u: %d\n", lengths[i], checked_copy (text, lengths[i]));
  unsigned char counts[] = { 0, 1, 17, 254, 255 };
  for (unsigned i = 0; i < sizeof counts / sizeof *counts; i++)
    printf ("bytes %u: %ld\n", counts[i], byte_count (counts[i]));
  printf ("rounds: %ld\n", rounds (100 + argc));
  (void) argv;
  return 0;
}
