/* escape_assert_noescape and escape_assert_stack that fail: one error
   each, naming what escaped and why, and nothing else (the plugin is
   loaded without arguments).  */
/* { dg-escape-args "" } */

#include <stdlib.h>

int *g;
extern void keep (int *);
extern void fill (char *buf __attribute__((noescape)), size_t n);

void
to_global (void)
{
  int buf __attribute__((escape_assert_noescape)); /* { dg-error "address of 'buf' escapes: stored in global 'g' \\(marked escape_assert_noescape\\)" } */
  g = &buf;
}

void
to_unknown (void)
{
  int v __attribute__((escape_assert_noescape)); /* { dg-error "address of 'v' escapes: passed to 'keep' \\(argument 1\\), which may keep it \\(marked escape_assert_noescape\\)" } */
  keep (&v);
}

void
parameter (int *p __attribute__((escape_assert_noescape))) /* { dg-error "parameter 'p' escapes: stored in global 'g' \\(marked escape_assert_noescape\\)" } */
{
  g = p;
}

int *
returned (int *p __attribute__((escape_assert_noescape))) /* { dg-error "parameter 'p' leaks to return value \\(marked escape_assert_noescape\\)" } */
{
  return p;
}

char *
allocation (void)
{
  char *tmp __attribute__((escape_assert_stack)) = malloc (32); /* { dg-error "allocation assigned to 'tmp' escapes: returned to caller \\(marked escape_assert_stack\\)" } */
  fill (tmp, 32);
  return tmp;
}

/* Every allocation assigned to the variable, not only its initializer.  */
void
reassigned (int n)
{
  char *tmp __attribute__((escape_assert_stack)) = malloc (8);
  free (tmp);
  tmp = malloc (n); /* { dg-error "allocation assigned to 'tmp' escapes: stored in global 'g' \\(marked escape_assert_stack\\)" } */
  g = (int *) tmp;
}

/* Captured by a nested function (GNU C): its frame holds the variable.  */
extern void call (void (*) (void));

int
captured (int n __attribute__((escape_assert_noescape))) /* { dg-error "address of 'n' escapes: captured by nested function 'bump' \\(marked escape_assert_noescape\\)" } */
{
  int count __attribute__((escape_assert_noescape)) = 0; /* { dg-error "address of 'count' escapes: captured by nested function 'bump' \\(marked escape_assert_noescape\\)" } */
  void bump (void) { count += n; }
  call (bump);
  return count;
}

/* A scalar parameter escapes only by its address.  */
int
scalar (int k __attribute__((escape_assert_noescape))) /* { dg-error "address of 'k' escapes: stored in global 'g' \\(marked escape_assert_noescape\\)" } */
{
  g = &k;
  return k;
}
