/* escape_assert_stack with the stackify pass: an error when the
   allocation stays on the heap, with stackify's reason; none when it is
   moved.  */
/* { dg-escape-args "stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>

extern void fill (char *buf __attribute__((noescape)), size_t n);

int
moved (void)
{
  char *tmp __attribute__((escape_assert_stack)) = malloc (64);
  fill (tmp, 64);
  int r = tmp[3];
  free (tmp);
  return r;
}

int
too_large (void)
{
  char *big __attribute__((escape_assert_stack)) = malloc (4096); /* { dg-error "allocation assigned to 'big' stays on heap: larger than stackify-max \\(256 bytes\\) \\(marked escape_assert_stack\\)" } */
  fill (big, 4096);
  int r = big[3];
  free (big);
  return r;
}

char *
escapes (void)
{
  char *out __attribute__((escape_assert_stack)) = malloc (16); /* { dg-error "allocation assigned to 'out' escapes: returned to caller \\(marked escape_assert_stack\\)" } */
  fill (out, 16);
  return out;
}

/* Inlined into its callers, checked in each copy: one error.  */
static inline int
helper (void)
{
  char *h __attribute__((escape_assert_stack)) = malloc (1000); /* { dg-error "allocation assigned to 'h' stays on heap: larger than stackify-max \\(256 bytes\\) \\(marked escape_assert_stack\\)" } */
  fill (h, 1000);
  int r = h[1];
  free (h);
  return r;
}

int
caller1 (void)
{
  return helper ();
}

int
caller2 (void)
{
  return helper () + 1;
}
