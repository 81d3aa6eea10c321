/* escape_assert_noescape and escape_assert_stack that hold: the plugin
   loaded without arguments checks the marks and prints nothing, at -O0
   and at -O2 (no stackify: an allocation only has to stay in its
   function).  */
/* { dg-escape-args "" } */

#include <stdlib.h>
#include <string.h>

extern void fill (char *buf __attribute__((noescape)), size_t n);

int
local_array (void)
{
  char line[80] __attribute__((escape_assert_noescape));
  fill (line, sizeof line);
  return strlen (line);
}

int
read_through (const int *p __attribute__((escape_assert_noescape)))
{
  return p[0] + p[1];
}

/* Never address-taken: nothing to escape.  */
int
scalar (void)
{
  int n __attribute__((escape_assert_noescape)) = 3;
  return n * 2;
}

size_t
allocation (size_t n)
{
  char *tmp __attribute__((escape_assert_stack)) = malloc (n);
  if (!tmp)
    return 0;
  fill (tmp, n);
  size_t len = strnlen (tmp, n);
  free (tmp);
  return len;
}

/* A static function nothing calls is not checked, at any level (GCC drops
   it when optimizing), as it gets no notes.  */
int *g;

static void
never_called (void)
{
  int x __attribute__((escape_assert_noescape));
  g = &x;
}
