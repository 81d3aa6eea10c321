/* Functions GCC never emits get no notes: at -O2, an unused static
   function, an unused static inline one, and a function only referenced
   from an unused static one.  A used one does, even though it is inlined
   and not emitted on its own.  (At -O0 GCC emits unused static functions
   that are not inline: see neg-unused-static-O0.c.)  */
/* { dg-options "-O2" } */

int *g;

static void
unused (int *p)
{
  int x = 0;
  g = &x;
  g = p;
}

static inline int *
unused_inline (int *p)
{
  return p;
}

static void
only_from_unused (int *p)
{
  g = p;
}

static void
unused_caller (void)
{
  int y = 0;
  only_from_unused (&y);
}

static int
used (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

int
entry (void)
{
  int z = 0; /* { dg-message "address of 'z' does not escape" } */
  return used (&z);
}
