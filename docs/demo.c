/* The demo of "make demo": one of each kind of verdict.  */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

struct site { int id; char name[16]; };

static struct site *cache;

static struct site *
make_site (int id)
{
  struct site *site = malloc (sizeof *site);
  if (site)
    site->id = id;
  return site;
}

static int
sum (const int *values, int n)
{
  int total = 0;
  for (int i = 0; i < n; i++)
    total += values[i];
  return total;
}

static char *
first_word (char *text)
{
  char *space = strchr (text, ' ');
  if (space)
    *space = 0;
  return text;
}

int
main (int argc, char **argv)
{
  int values[4] = { 1, 2, 3, 4 };
  struct site local;
  char buf[64];

  cache = make_site (1);
  local.id = sum (values, 4);
  snprintf (buf, sizeof buf, "%s %d", argc > 1 ? argv[1] : "demo", local.id);
  printf ("%s\n", first_word (buf));

  int *scratch = calloc (16, sizeof (int));
  scratch[argc & 15] = 7;
  printf ("%d\n", sum (scratch, 16) + sum (&local.id, 1));
  free (scratch);
  return 0;
}
