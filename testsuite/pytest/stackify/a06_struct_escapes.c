/* Stored in a struct that escapes: the struct is copied into a global,
   or returned by value.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct box
{
  int len;
  char *data;
};

static struct box g_box;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i + 11);
}

static __attribute__ ((noinline)) void
publish (int n)
{
  struct box b;
  b.data = malloc (32);
  if (!b.data)
    exit (1);
  b.len = snprintf (b.data, 32, "published box %d", n);
  g_box = b;
}

static __attribute__ ((noinline)) struct box
make_box (int n)
{
  struct box b;
  b.data = malloc (32);
  if (!b.data)
    exit (1);
  b.len = snprintf (b.data, 32, "returned box %d", n);
  return b;
}

int
main (void)
{
  publish (3);
  struct box r = make_box (4);
  scribble ();
  printf ("%s (%d) / %s (%d)\n", g_box.data, g_box.len, r.data, r.len);
  free (g_box.data);
  free (r.data);
  return 0;
}
