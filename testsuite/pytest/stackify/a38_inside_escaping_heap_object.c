/* A small allocation stored in a big heap object that escapes (stored in
   memory that escapes).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct table
{
  char *names[64];
  int n;
};

static struct table *g_table;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 43);
}

static __attribute__ ((noinline)) void
add (int k)
{
  char *s = malloc (16);
  if (!s)
    exit (1);
  snprintf (s, 16, "name%d", k);
  g_table->names[g_table->n++] = s;
}

int
main (void)
{
  g_table = malloc (sizeof *g_table);
  if (!g_table)
    return 1;
  g_table->n = 0;
  for (int k = 0; k < 5; k++)
    add (k * k);
  scribble ();
  for (int i = 0; i < g_table->n; i++)
    printf ("%s ", g_table->names[i]);
  printf ("\n");
  for (int i = 0; i < g_table->n; i++)
    free (g_table->names[i]);
  free (g_table);
  return 0;
}
