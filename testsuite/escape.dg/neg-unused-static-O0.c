/* At -O0 GCC still drops an unused static inline function (no notes), but
   it emits an unused static function that is not inline, which then gets
   its notes like any other.  */
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
unused_but_emitted (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'g'" } */
  g = &y;
  g = p;
}
