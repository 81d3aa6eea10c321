/* local-vla.c compiled with -O2: the analysis runs on the IL before any
   optimization, so the notes are the same as without options.  */
/* { dg-options "-O2" } */

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
  return p; /* { dg-warning "function returns address of local variable" } */
  /* GCC -O2: -Wreturn-local-addr, with a note at the local.  */
  /* { dg-message "declared here" "" { target *-*-* } .-4 } */
}

int *gi;

void
vla_2d (int n)
{
  int m[n][n]; /* { dg-message "address of 'm' escapes: stored in global 'gi'" } */
  gi = &m[1][1];
}
