/* The usual xmalloc/xfree wrappers (static, inlined): xmalloc aborts
   instead of returning NULL.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline __attribute__ ((malloc)) void *
xmalloc (size_t n)
{
  void *p = malloc (n);
  if (!p)
    {
      fputs ("out of memory\n", stderr);
      abort ();
    }
  return p;
}

static inline void
xfree (void *p)
{
  free (p);
}

int
main (void)
{
  unsigned h = 17;
  for (int i = 0; i < 5; i++)
    {
      char *s = xmalloc (40);
      int n = snprintf (s, 40, "xmalloc round %d of %d", i + 1, 5);
      for (int k = 0; k < n; k++)
	h = h * 31 + (unsigned char) s[k];
      puts (s);
      xfree (s);
    }
  printf ("%u\n", h);
  return 0;
}
