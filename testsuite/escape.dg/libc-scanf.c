/* The scanf family (scanf, sscanf, fscanf, vsscanf): the format, the
   input and the output arguments are written or read, not kept.  */

#include <stdarg.h>
#include <stdio.h>

int
read_values (const char *text) /* { dg-message "parameter 'text' does not escape" } */
{
  int a, b; /* { dg-message "address of 'a' does not escape" } */
  /* { dg-message "address of 'b' does not escape" "" { target *-*-* } .-1 } */
  char word[16]; /* { dg-message "address of 'word' does not escape" } */
  double d; /* { dg-message "address of 'd' does not escape" } */
  int n = sscanf (text, "%d %d %15s", &a, &b, word);
  n += scanf ("%lf", &d);
  n += fscanf (stdin, "%d", &a);
  return n + a + b + word[0] + (int) d;
}

static int
vread (const char *text, /* { dg-message "parameter 'text' does not escape" } */
       const char *fmt, ...) /* { dg-message "parameter 'fmt' does not escape" } */
{
  va_list ap; /* { dg-message "address of 'ap' does not escape" } */
  va_start (ap, fmt);
  int n = vsscanf (text, fmt, ap);
  va_end (ap);
  return n;
}

/* The variadic arguments of a function defined here are not followed: they
   escape (sound), with the reason used for a call the analysis cannot see
   into.  */
int
through_va_list (void)
{
  int x; /* { dg-message "address of 'x' escapes: passed to 'vread' (argument 3), which may keep it" } */
  return vread ("1", "%d", &x) + x;
}
