/* Null checks inside a loop: "if (!buf) continue;" in a request handler
   inlined into its loop, and an inlined constructor whose NULL result is
   freed ("free (PHI <NULL, b>)").  Both are freed before the next
   iteration on every path that has an object.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item
{
  int id;
  char name[20];
};

static struct item *
item_new (int id)
{
  struct item *it = malloc (sizeof *it);
  if (!it)
    return NULL;
  it->id = id;
  snprintf (it->name, sizeof it->name, "item-%d", id);
  return it;
}

static unsigned
handle (int i)
{
  char *buf = malloc (64);
  if (!buf)
    return 0;
  int n = snprintf (buf, 64, "GET /x/%d?q=%d", i, i * 7);
  unsigned h = 2166136261u;
  for (int k = 0; k < n && k < 64; k++)
    h = (h ^ (unsigned char) buf[k]) * 16777619u;
  free (buf);
  return h;
}

int
main (void)
{
  unsigned total = 0;
  for (int i = 0; i < 50; i++)
    total += handle (i);
  for (int i = 0; i < 20; i++)
    {
      struct item *it = item_new (i);
      if (it)
	total = total * 31 + (unsigned) it->id + (unsigned) strlen (it->name);
      free (it);
    }
  printf ("%u\n", total);
  return 0;
}
