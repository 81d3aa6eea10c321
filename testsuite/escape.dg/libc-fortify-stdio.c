/* libc-stdio.c under glibc fortification: with -O2 -D_FORTIFY_SOURCE=2
   printf, fprintf, sprintf, snprintf, fgets and fread become __printf_chk,
   __builtin___sprintf_chk, __fgets_chk, ... (through extern inline
   wrappers), and the verdicts must be the same as without.  */
/* { dg-options "-O2 -D_FORTIFY_SOURCE=2" } */

#include <stdio.h>

int
formatted (FILE *f, /* { dg-message "parameter 'f' does not escape" } */
	   const char *name) /* { dg-message "parameter 'name' does not escape" } */
{
  char buf[64]; /* { dg-message "address of 'buf' does not escape" } */
  int n = 0; /* { dg-message "address of 'n' does not escape" } */
  sprintf (buf, "%s", name);
  snprintf (buf, sizeof buf, "%s %d", name, n);
  printf ("%s %s %n\n", buf, name, &n);
  fprintf (f, "%s\n", buf);
  fputs (buf, f);
  puts (buf);
  return n;
}

size_t
binary (const char *path) /* { dg-message "parameter 'path' does not escape" } */
{
  char line[80]; /* { dg-message "address of 'line' does not escape" } */
  int data[16]; /* { dg-message "address of 'data' does not escape" } */
  size_t got = 0;
  FILE *f = fopen (path, "rb");
  if (!f)
    return 0;
  if (fgets (line, sizeof line, f))
    got = fread (data, sizeof data[0], 16, f);
  got += fwrite (data, sizeof data[0], got, stdout);
  fclose (f);
  return got;
}

void
buffers (FILE *f) /* { dg-message "parameter 'f' does not escape" } */
{
  static char big[BUFSIZ];
  char vbuf[BUFSIZ]; /* { dg-message "address of 'vbuf' escapes: passed to 'setvbuf' (argument 2), which keeps it" } */
  char sbuf[BUFSIZ]; /* { dg-message "address of 'sbuf' escapes: passed to 'setbuf' (argument 2), which keeps it" } */
  setvbuf (f, vbuf, _IOLBF, sizeof vbuf);
  setbuf (stdout, sbuf);
  setbuf (stderr, big);
}
