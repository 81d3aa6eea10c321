/* A struct holding a heap pointer is built in a local, copied, and the
   copy is returned by value: the buffer outlives the function.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holder
{
  unsigned char *data;
  unsigned long len;
  unsigned long tag;
};

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) struct holder
build (unsigned long tag)
{
  struct holder h;
  memset (&h, 0, sizeof h);
  h.data = malloc (48);
  if (!h.data)
    exit (1);
  h.len = 48;
  h.tag = tag;
  for (unsigned i = 0; i < h.len; i++)
    h.data[i] = (unsigned char) (i * 7 + tag);
  struct holder copy = h;
  copy.tag += 1;
  return copy;
}

int
main (void)
{
  struct holder h = build (5);
  scribble ();
  unsigned long sum = h.tag;
  for (unsigned i = 0; i < h.len; i++)
    sum = sum * 131 + h.data[i];
  free (h.data);
  printf ("%lu\n", sum);
  return 0;
}
