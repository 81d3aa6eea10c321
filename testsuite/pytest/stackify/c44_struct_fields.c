/* A struct holding a buffer and its length: the length is returned, the
   buffer is not; with a cell per field the buffer moves.  A struct copy
   and a pointer to a struct allocated on the heap as well.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf { char *data; long len; };

static __attribute__ ((noinline)) long
checksum (const char *s, long n)
{
  struct buf b;
  b.data = malloc (64);
  if (!b.data)
    exit (1);
  b.len = n < 64 ? n : 64;
  memcpy (b.data, s, b.len);
  struct buf c = b;
  long sum = 0;
  for (long i = 0; i < c.len; i++)
    sum += c.data[i] * (i + 1);
  free (b.data);
  return sum + b.len;
}

static __attribute__ ((noinline)) long
boxed (int n)
{
  struct buf *b = malloc (sizeof *b);
  if (!b)
    exit (1);
  b->data = malloc (32);
  if (!b->data)
    exit (1);
  b->len = 32;
  memset (b->data, n, 32);
  long s = b->data[n & 31] + b->len;
  free (b->data);
  free (b);
  return s;
}

int
main (void)
{
  long t = 0;
  for (int i = 0; i < 5; i++)
    t += checksum ("the quick brown fox jumps over the lazy dog", 10 * i)
	 + boxed (i);
  printf ("%ld\n", t);
  return 0;
}
