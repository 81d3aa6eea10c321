/* Stored through a parameter: *out = p, and into a struct the caller
   passed.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct holder
{
  int n;
  char *buf;
};

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 7);
}

static __attribute__ ((noinline)) int
make (char **out, int n)
{
  char *p = malloc (32);
  if (!p)
    return -1;
  snprintf (p, 32, "out-param %d", n);
  *out = p;
  return 0;
}

static __attribute__ ((noinline)) void
init (struct holder *h, int n)
{
  h->n = n;
  h->buf = malloc (24);
  if (!h->buf)
    exit (1);
  memset (h->buf, 'h', 23);
  h->buf[23] = 0;
  h->buf[n] = 0;
}

int
main (void)
{
  char *s = NULL;
  struct holder h;
  if (make (&s, 42))
    return 1;
  init (&h, 9);
  scribble ();
  printf ("%s %s %d\n", s, h.buf, h.n);
  free (s);
  free (h.buf);
  return 0;
}
