/* Two allocations in two fields of one struct; one field is kept in a
   global.  Cells per field keep the other apart, but the kept one must
   stay on the heap, and so must the other where the whole struct is
   copied byte by byte into memory that escapes.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair { char *a; char *b; };

static char *kept;
static struct pair saved;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 61);
}

static __attribute__ ((noinline)) int
keep_first (int n)
{
  struct pair p;
  p.a = malloc (16);
  p.b = malloc (16);
  if (!p.a || !p.b)
    exit (1);
  snprintf (p.a, 16, "first %d", n);
  snprintf (p.b, 16, "second %d", n);
  kept = p.a;
  int r = p.b[0];
  free (p.b);
  return r;
}

static __attribute__ ((noinline)) void
save_both (int n)
{
  struct pair p;
  p.a = malloc (16);
  p.b = malloc (16);
  if (!p.a || !p.b)
    exit (1);
  snprintf (p.a, 16, "saved a %d", n);
  snprintf (p.b, 16, "saved b %d", n);
  memcpy (&saved, &p, sizeof p);
}

int
main (void)
{
  int r = keep_first (1);
  save_both (2);
  scribble ();
  printf ("%d %s %s %s\n", r, kept, saved.a, saved.b);
  free (kept);
  free (saved.a);
  free (saved.b);
  return 0;
}
