/* stackify: a constructor/destructor pair of static functions inlined into
   the caller.  Before inlining foo_new returns its allocation (the report's
   note); in each caller, after inlining, the allocation is moved.  The notes
   are at the call in foo_new: both inlined copies give the same note, which
   is printed once.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

struct foo
{
  int n;
  char buf[20];
};

static inline struct foo *
foo_new (int n)
{
  struct foo *f = malloc (sizeof *f); /* { dg-message "allocation of 24 bytes escapes: returned to caller" } */
  /* { dg-message "allocation of 24 bytes moved to stack" "" { target *-*-* } .-1 } */
  if (!f)
    return NULL;
  f->n = n;
  return f;
}

static inline void
foo_free (struct foo *f) /* { dg-message "parameter 'f' does not escape" } */
{
  free (f);
}

int
use_foo (int n, int i)
{
  struct foo *f = foo_new (n);
  if (!f)
    return 0;
  f->buf[i] = 3;
  int r = f->buf[n] + f->n;
  foo_free (f);
  return r;
}

int
use_foo_again (int n)
{
  struct foo *f = foo_new (n);
  if (!f)
    return 0;
  f->buf[n] = 1;
  int r = f->buf[0] + f->n;
  foo_free (f);
  return r;
}
