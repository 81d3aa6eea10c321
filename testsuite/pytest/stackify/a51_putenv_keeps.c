/* putenv keeps the string it is given: it becomes part of the
   environment.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 83);
}

static __attribute__ ((noinline)) void
set_var (int n)
{
  char *s = malloc (40);
  if (!s)
    exit (1);
  snprintf (s, 40, "STACKIFY_TEST_VAR=value-%d", n);
  putenv (s);
}

int
main (void)
{
  set_var (17);
  scribble ();
  const char *v = getenv ("STACKIFY_TEST_VAR");
  printf ("%s\n", v ? v : "(unset)");
  return 0;
}
