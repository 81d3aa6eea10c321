/* Allocations of run-time size around the slot's size (stackify-max, 256
   bytes): K-1 and K take the slot, K+1 goes to malloc, for malloc and for
   calloc (whose product decides: a factor or a product above K goes to
   calloc);
   malloc (0) gives a pointer that is not null; frees through a copy and
   through a struct, after the size crossed K in a loop; and a longjmp out
   of a function that holds a slot or a heap block.  */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) long
fill_sum (size_t n, int seed)
{
  unsigned char *p = malloc (n);
  if (!p)
    return -1;
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (seed + i);
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * (long) (i + 1);
  free (p);
  return s;
}

static __attribute__ ((noinline)) long
zeroed_sum (size_t count, size_t size)
{
  unsigned char *p = calloc (count, size);
  if (!p)
    return -1;
  long s = 0;
  for (size_t i = 0; i < count * size; i++)
    s += p[i];
  p[0] = 1;
  s += p[0];
  free (p);
  return s;
}

static __attribute__ ((noinline)) int
zero_size (int i)
{
  char *p = malloc ((size_t) i);
  int r = p != NULL;
  char *copy = p;
  free (copy);
  return r;
}

struct holder
{
  char *buf;
  size_t len;
};

static __attribute__ ((noinline)) long
through_struct (size_t n)
{
  struct holder h;
  h.len = n;
  h.buf = malloc (n);
  if (!h.buf)
    return -1;
  memset (h.buf, 'x', h.len);
  long s = h.buf[h.len - 1] + (long) h.len;
  struct holder *hp = &h;
  free (hp->buf);
  return s;
}

static jmp_buf out;

static __attribute__ ((noinline)) void
bail (char *p)
{
  if (p[0] == 'j')
    longjmp (out, 1);
}

static __attribute__ ((noinline)) int
jumps (size_t n)
{
  char *p = malloc (n);
  if (!p)
    return -1;
  memset (p, 'j', n);
  bail (p);
  free (p);
  return 0;
}

int
main (void)
{
  static const size_t sizes[] = { 1, 255, 256, 257, 1000 };
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf ("malloc %zu: %ld\n", sizes[i], fill_sum (sizes[i], (int) i));
  static const size_t counts[][2] = {
    { 255, 1 }, { 16, 16 }, { 257, 1 }, { 1, 257 }, { 2, 129 },
    { 300, 300 }
  };
  for (unsigned i = 0; i < sizeof counts / sizeof *counts; i++)
    printf ("calloc %zu x %zu: %ld\n", counts[i][0] % 1000, counts[i][1],
	    zeroed_sum (counts[i][0], counts[i][1]));
  printf ("malloc 0: %d\n", zero_size (0));
  long t = 0;
  for (size_t n = 250; n < 262; n++)
    t += through_struct (n);
  printf ("struct: %ld\n", t);
  for (size_t n = 255; n < 258; n++)
    {
      if (setjmp (out))
	printf ("jumped %zu\n", n);
      else
	jumps (n);
    }
  return 0;
}
