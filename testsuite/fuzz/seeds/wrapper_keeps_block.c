/* Functions that look like allocation wrappers but are not: one keeps
   the block in a global as well as returning it, one returns NULL above a
   limit, one counts.  Their blocks are read after the caller returned and
   the stack was scribbled, so a call wrongly taken for a wrapper (its
   block moved to the caller's frame) changes the output or makes free()
   abort.  A real wrapper beside them may move.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *last_block;
static unsigned long calls;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) void *
keeping_malloc (size_t n)
{
  void *p = malloc (n);
  if (!p)
    exit (3);
  last_block = p;
  return p;
}

static __attribute__ ((noinline)) void *
limited_malloc (size_t n)
{
  if (n > 64)
    return NULL;
  return malloc (n);
}

static __attribute__ ((noinline)) void *
counting_malloc (size_t n)
{
  calls++;
  return malloc (n);
}

static __attribute__ ((noinline)) void *
real_wrapper (size_t n)
{
  void *p = malloc (n);
  if (p == NULL)
    exit (3);
  return p;
}

static __attribute__ ((noinline)) unsigned long
fill (unsigned k)
{
  unsigned char *a = keeping_malloc (32);
  memset (a, (int) (k * 7 + 1), 32);
  unsigned char *b = limited_malloc (k * 40);
  unsigned long s = b ? 1000 : 2000;
  if (b)
    {
      memset (b, 3, k * 40);
      s += b[k];
      free (b);
    }
  unsigned char *c = counting_malloc (24);
  memset (c, 5, 24);
  s += c[3];
  free (c);
  unsigned char *d = real_wrapper (24);
  memset (d, (int) k, 24);
  s += d[k % 24];
  free (d);
  return s + a[0];
}

int
main (void)
{
  unsigned long total = 0;
  for (unsigned k = 1; k <= 3; k++)
    {
      total = total * 31 + fill (k);
      scribble ();
      total = total * 31 + last_block[5];
      free (last_block);
    }
  printf ("%lu %lu\n", total, calls);
  return 0;
}
