/* An allocation in a loop whose block of the previous iteration is still
   used after the next allocation: through a variable carried by a PHI,
   through a pointer stored in a local array, and after a strchr into it.
   One slot for all iterations would overwrite it.  Beside them, a block
   leaked on one path and freed on the other may move.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) unsigned long
carried (unsigned n)
{
  unsigned char *prev = NULL;
  unsigned long s = 0;
  for (unsigned i = 0; i < n; i++)
    {
      unsigned char *p = malloc (16);
      if (!p)
	exit (3);
      memset (p, (int) (i * 3 + 1), 16);
      if (prev)
	{
	  s = s * 7 + prev[i % 16];
	  free (prev);
	}
      prev = p;
    }
  free (prev);
  return s;
}

static __attribute__ ((noinline)) unsigned long
in_array (unsigned n)
{
  char *ring[3] = { 0 };
  unsigned long s = 0;
  for (unsigned i = 0; i < n; i++)
    {
      char *p = malloc (24);
      if (!p)
	exit (3);
      snprintf (p, 24, "entry %u", i);
      char *digit = strchr (p, ' ');
      s += digit ? (unsigned long) (digit - p) : 0;
      if (ring[i % 3])
	{
	  s = s * 5 + (unsigned char) ring[i % 3][6];
	  free (ring[i % 3]);
	}
      ring[i % 3] = p;
    }
  for (int i = 0; i < 3; i++)
    free (ring[i]);
  return s;
}

static __attribute__ ((noinline)) unsigned long
leak_one_path (unsigned n)
{
  unsigned long s = 0;
  for (unsigned i = 0; i < n; i++)
    {
      unsigned char *p = malloc (32);
      if (!p)
	exit (3);
      memset (p, (int) i, 32);
      s = s * 3 + p[i % 32];
      if (i % 4 == 1)
	continue;
      free (p);
    }
  return s;
}

int
main (void)
{
  printf ("%lu %lu %lu\n", carried (20), in_array (20), leak_one_path (20));
  return 0;
}
