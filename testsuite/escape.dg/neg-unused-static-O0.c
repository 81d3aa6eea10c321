/* A static function nothing calls gets no notes, at -O0 too, where GCC
   still emits it: at -O1 and above GCC drops it before the plugin runs, and
   notes that come and go with -O would be noise (docs/notes.md).  */
/* { dg-options "-O0" } */

int *g;

static inline int *
unused_inline (int *p)
{
  int x = 0;
  g = &x;
  return p;
}

static void
unused_but_emitted (int *p)
{
  int y = 0;
  g = &y;
  g = p;
}

/* Reached only from the unused function above: no notes either.  */
static void
called_from_unused (int *q)
{
  g = q;
}

static void
unused_caller (void)
{
  int z = 0;
  called_from_unused (&z);
}
