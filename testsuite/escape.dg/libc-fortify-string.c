/* libc-string.c under glibc fortification: with -O2 -D_FORTIFY_SOURCE=2
   the calls become __builtin___memcpy_chk, __strcpy_chk and the like (or
   extern inline wrappers around them), and the verdicts must be the same
   as without.  */
/* { dg-options "-O2 -D_FORTIFY_SOURCE=2" } */

#include <string.h>

size_t
no_escape (const char *src) /* { dg-message "parameter 'src' does not escape" } */
{
  char dst[32]; /* { dg-message "address of 'dst' does not escape" } */
  char tmp[32]; /* { dg-message "address of 'tmp' does not escape" } */
  int a[4], b[4]; /* { dg-message "address of 'a' does not escape" } */
  /* { dg-message "address of 'b' does not escape" "" { target *-*-* } .-1 } */
  memset (a, 0, sizeof a);
  memcpy (b, a, sizeof a);
  memmove (b, b + 1, sizeof (int));
  strcpy (dst, src);
  strcat (dst, "x");
  strncpy (tmp, dst, sizeof tmp);
  return strlen (dst) + (strcmp (dst, tmp) == 0) + (strchr (dst, 'a') != 0)
	 + (strstr (dst, tmp) != 0);
}

char *
strchr_returned (char *s) /* { dg-message "parameter 's' leaks to return value" } */
{
  return strchr (s, ' ');
}

char *
strchr_of_local (void)
{
  char buf[8] = "a b"; /* { dg-message "address of 'buf' escapes: returned to caller" } */
  return strchr (buf, ' '); /* { dg-warning "function returns address of local variable" } */
  /* At -O2 GCC's own warning comes with a note at 'buf'.  */
  /* { dg-message "declared here" "" { target *-*-* } .-3 } */
}

void *
memcpy_returned (void *dst, /* { dg-message "parameter 'dst' leaks to return value" } */
		 const void *src) /* { dg-message "parameter 'src' does not escape" } */
{
  return memcpy (dst, src, 16);
}

char *
strcpy_returned (char *dst, /* { dg-message "parameter 'dst' leaks to return value" } */
		 const char *src) /* { dg-message "parameter 'src' does not escape" } */
{
  return strcpy (dst, src);
}

size_t
strchr_not_returned (char *s) /* { dg-message "parameter 's' does not escape" } */
{
  char *sp = strchr (s, ' ');
  return sp ? (size_t) (sp - s) : 0;
}
