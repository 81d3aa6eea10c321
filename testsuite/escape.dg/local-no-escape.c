/* Locals whose address is taken but never escapes: dereferenced, compared,
   subtracted, given to a function defined here that only reads through it,
   stored in another local that does not escape, written through an
   out-parameter of a local function.  */

#include <stddef.h>

static int
read_it (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

static void
write_it (int *out, int v) /* { dg-message "parameter 'out' does not escape" } */
{
  *out = v;
}

int
no_escape (int i)
{
  int a = 1; /* { dg-message "address of 'a' does not escape" } */
  int b = 2; /* { dg-message "address of 'b' does not escape" } */
  int arr[4] = { 0 }; /* { dg-message "address of 'arr' does not escape" } */
  int c; /* { dg-message "address of 'c' does not escape" } */
  int *holder; /* { dg-message "address of 'holder' does not escape" } */
  int *pa = &a;
  int **ph = &holder;
  *ph = &b;
  write_it (&c, *pa);
  int *end = &arr[i & 3];
  ptrdiff_t d = end - arr;
  return read_it (&a) + **ph + (pa == &b) + (int) d + c;
}
