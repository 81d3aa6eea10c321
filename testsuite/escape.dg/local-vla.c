/* Variable-length arrays are address-taken locals like any array: the
   note is at the declaration.  */

#include <string.h>

char *gs;
extern void fill (char *, unsigned long);

void
vla_kept (int n)
{
  char buf[n]; /* { dg-message "address of 'buf' escapes: stored in global 'gs'" } */
  gs = buf;
}

int
vla_local (int n)
{
  int vals[n]; /* { dg-message "address of 'vals' does not escape" } */
  memset (vals, 0, n * sizeof (int));
  return vals[n - 1];
}

void
vla_passed (int n)
{
  char buf[n + 1]; /* { dg-message "address of 'buf' escapes: passed to 'fill' (argument 1), which may keep it" } */
  fill (buf, sizeof buf);
}

char *
vla_returned (int n)
{
  char buf[n]; /* { dg-message "address of 'buf' escapes: returned to caller" } */
  char *p = buf;
  return p;
}

int *gi;

void
vla_2d (int n)
{
  int m[n][n]; /* { dg-message "address of 'm' escapes: stored in global 'gi'" } */
  gi = &m[1][1];
}
