/* More fortified calls (-O2 -D_FORTIFY_SOURCE=2): a memcpy with a
   non-constant size stays __builtin___memcpy_chk and still copies the
   pointers it moves; read, fgets into the heap, vsnprintf, and strtol are
   the same as without fortification.  */
/* { dg-options "-O2 -D_FORTIFY_SOURCE=2" } */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int *gslot[4];

void
copy_pointer_to_global (unsigned long n)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gslot'" } */
  int *src[4] = { &x, 0, 0, 0 }; /* { dg-message "address of 'src' does not escape" } */
  memcpy (gslot, src, n < sizeof src ? n : sizeof src);
}

int
copy_pointer_locally (unsigned long n)
{
  int y = 0; /* { dg-message "address of 'y' does not escape" } */
  int *src[4] = { &y, 0, 0, 0 }; /* { dg-message "address of 'src' does not escape" } */
  int *dst[4]; /* { dg-message "address of 'dst' does not escape" } */
  memcpy (dst, src, n < sizeof src ? n : sizeof src);
  return *dst[0];
}

long
io (int fd)
{
  char buf[64]; /* { dg-message "address of 'buf' does not escape" } */
  char *line = malloc (128); /* { dg-message "allocation of 128 bytes does not escape" } */
  char *end; /* { dg-message "address of 'end' does not escape" } */
  long r = read (fd, buf, sizeof buf);
  if (line && fgets (line, 128, stdin))
    r += strtol (line, &end, 10);
  free (line);
  return r;
}

int
format (char *out, /* { dg-message "parameter 'out' does not escape" } */
	unsigned long size, const char *fmt, ...) /* { dg-message "parameter 'fmt' does not escape" } */
{
  va_list ap; /* { dg-message "address of 'ap' does not escape" } */
  va_start (ap, fmt);
  int n = vsnprintf (out, size, fmt, ap);
  va_end (ap);
  return n;
}
