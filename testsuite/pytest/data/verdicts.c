/* One of each verdict of the escape plugin, for test_matrix.py and
   test_codegen.py.  Strict C89 (no line comments, no mixed declarations)
   so that it compiles with every -std= of the matrix; GNU extensions only
   where GCC accepts them in every mode (nested functions, inline asm,
   compound literals).  The expected notes are listed in test_matrix.py:
   keep the line numbers in step.  */
#include <stdlib.h>

struct pair { int *first; int *second; };

int *global_ptr;
unsigned long global_int;
struct pair *global_pair;
int (*global_fn) (int *);

extern void sink (int *p);

static int
deref (const int *p)
{
  return *p;
}

static int *
identity (int *q)
{
  return q;
}

static void
keep (int *r)
{
  global_ptr = r;
}

static void
put (int **out, int *value)
{
  *out = value;
}

static int *
local_escapes (void)
{
  int ret = 1;
  int *p = &ret;
  return identity (p);
}

static int *
allocations (int n)
{
  int *small = malloc (16);
  int *big = calloc (3, 8);
  int *some = malloc (n);
  char *one = malloc (1);
  int total;
  *small = 1;
  *some = 2;
  *one = 3;
  total = *small + *some + *one;
  free (one);
  free (small);
  free (some);
  big[0] = total;
  return big;
}

static void
stores (int **slot)
{
  int stored = 1;
  int through = 2;
  int deep = 3;
  struct pair *pr = malloc (sizeof *pr);
  global_ptr = &stored;
  put (slot, &through);
  pr->first = &deep;
  pr->second = 0;
  global_pair = pr;
}

static void
calls (void)
{
  int unknown = 1;
  int indirect = 2;
  int cast = 3;
  int in_asm = 4;
  int quiet = 5;
  sink (&unknown);
  global_fn (&indirect);
  global_ptr = (int *) ((unsigned long) &cast ^ global_int);
  __asm__ __volatile__ ("" : : "r" (&in_asm));
  quiet = deref (&quiet);
}

static int
nested (void)
{
  int captured = 1;
  int inner (void) { return captured + 1; }
  return inner ();
}

static int *
literal (void)
{
  int *p = (int []) { 1, 2, 3 };
  keep (p);
  return 0;
}

static int *
folded (int param)
{
  int gone = param;
  if (param)
    return &gone;
  return &param;
}

int
main (void)
{
  int *slot = 0;
  int x = deref (local_escapes ());
  stores (&slot);
  calls ();
  keep (allocations (x));
  return nested () + (literal () != 0) + (folded (x) != 0);
}
