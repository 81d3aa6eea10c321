/* The pointer's bytes are copied into a global with wmemcpy (as two
   32-bit wchar_t units) and copied back with memcpy.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

static wchar_t g_units[sizeof (void *) / sizeof (wchar_t)];

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 103);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  strcpy (p, "copied by wmemcpy");
  wmemcpy (g_units, (const wchar_t *) &p, sizeof p / sizeof (wchar_t));
}

int
main (void)
{
  make ();
  scribble ();
  char *p;
  memcpy (&p, g_units, sizeof p);
  printf ("%s\n", p);
  free (p);
  return 0;
}
