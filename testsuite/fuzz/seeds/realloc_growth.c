/* A local buffer grown by realloc, read, and freed in the function; and
   one grown and returned.  Neither is moved (realloc needs heap memory);
   the allocation that is only read and freed beside them may be.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) unsigned long
grow_local (unsigned rounds)
{
  unsigned long n = 8, sum = 0;
  unsigned char *buf = malloc (n);
  unsigned char *scratch = malloc (24);
  if (!buf || !scratch)
    exit (1);
  for (unsigned i = 0; i < n; i++)
    buf[i] = (unsigned char) i;
  for (unsigned r = 0; r < rounds; r++)
    {
      unsigned char *bigger = realloc (buf, n * 2);
      if (!bigger)
	exit (1);
      buf = bigger;
      for (unsigned long i = n; i < n * 2; i++)
	buf[i] = (unsigned char) (i * 3 + r);
      n *= 2;
    }
  for (unsigned i = 0; i < 24; i++)
    scratch[i] = (unsigned char) (n + i);
  for (unsigned long i = 0; i < n; i++)
    sum = sum * 131 + buf[i] + scratch[i % 24];
  free (scratch);
  free (buf);
  return sum;
}

static __attribute__ ((noinline)) unsigned char *
grow_returned (unsigned long *len)
{
  unsigned char *buf = calloc (4, 4);
  if (!buf)
    exit (1);
  buf[3] = 9;
  unsigned char *bigger = realloc (buf, 100);
  if (!bigger)
    exit (1);
  for (unsigned i = 16; i < 100; i++)
    bigger[i] = (unsigned char) (i * 5);
  *len = 100;
  return bigger;
}

int
main (void)
{
  unsigned long sum = grow_local (4), len;
  unsigned char *p = grow_returned (&len);
  scribble ();
  for (unsigned long i = 0; i < len; i++)
    sum = sum * 131 + p[i];
  free (p);
  printf ("%lu\n", sum);
  return 0;
}
