/* A pointer formatted with "%p" leaves as text that "%p" in the scanf
   family turns back into the same pointer (C11 7.21.6.2): like a
   conversion to an integer, the address must escape.  In round_trip it
   really does end up in a global.  A format with "%p" makes every
   pointer among the variadic arguments escape, even those printed with
   %s or written by %n (sound, imprecise); see libc-stdio.c for formats
   without "%p", which keep nothing.  */

#include <stdio.h>

void *g;

void
round_trip (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: passed to 'snprintf' (argument 4), which may keep it" } */
  char buf[32]; /* { dg-message "address of 'buf' does not escape" } */
  void *q; /* { dg-message "address of 'q' does not escape" } */
  snprintf (buf, sizeof buf, "%p", (void *) &x);
  if (sscanf (buf, "%p", &q) == 1)
    g = q;
}

void
printed (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: passed to 'printf' (argument 2), which may keep it" } */
  int n = 0; /* { dg-message "address of 'n' escapes: passed to 'printf' (argument 5), which may keep it" } */
  char s[4] = "abc"; /* { dg-message "address of 's' escapes: passed to 'printf' (argument 4), which may keep it" } */
  printf ("%p %d %s%n\n", (void *) &y, y, s, &n);
}

/* A format that is not a literal may contain "%p": the same.  */
void
unknown_format (const char *fmt) /* { dg-message "parameter 'fmt' does not escape" } */
{
  int t = 0; /* { dg-message "address of 't' escapes: passed to 'printf' (argument 2), which may keep it" } */
  printf (fmt, &t);
}

/* A conversion the analysis does not know may print a pointer: glibc's
   old "%Zp", or one of register_printf_specifier.  */
void
unknown_conversions (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: passed to 'printf' \\(argument 2\\), which may keep it" } */
  int w = 0; /* { dg-message "address of 'w' escapes: passed to 'printf' \\(argument 2\\), which may keep it" } */
  printf ("%Zp\n", (void *) &z);
  printf ("%W\n", (void *) &w);
}
