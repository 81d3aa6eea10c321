/* foo_new/foo_free, static helpers inlined into their caller: both the
   struct and its buffer are moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct foo
{
  int len;
  char *buf;
};

static struct foo *
foo_new (const char *s)
{
  struct foo *f = malloc (sizeof *f);
  if (!f)
    return NULL;
  f->buf = malloc (32);
  if (!f->buf)
    {
      free (f);
      return NULL;
    }
  f->len = (int) strlen (s);
  memcpy (f->buf, s, f->len + 1);
  return f;
}

static void
foo_upper (struct foo *f)
{
  for (int i = 0; i < f->len; i++)
    if (f->buf[i] >= 'a' && f->buf[i] <= 'z')
      f->buf[i] -= 32;
}

static void
foo_free (struct foo *f)
{
  free (f->buf);
  free (f);
}

int
main (void)
{
  struct foo *f = foo_new ("inline pair");
  if (!f)
    return 1;
  foo_upper (f);
  printf ("%s %d\n", f->buf, f->len);
  foo_free (f);
  return 0;
}
