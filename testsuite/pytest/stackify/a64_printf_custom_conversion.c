/* A pointer printed by a conversion of register_printf_specifier (glibc's
   %Zp and %Ip did the same) is read back with sscanf's %p after the function
   returned.  Found by a differential fuzzer: only a plain %p counted as
   printing a pointer.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <printf.h>

static char gbuf[128];

static int
print_ptr (FILE *s, const struct printf_info *info, const void *const *args)
{ return fprintf (s, "%p", *(void *const *) args[0]); }

static int
ptr_arginfo (const struct printf_info *info, size_t n, int *types, int *sizes)
{ if (n > 0) types[0] = PA_POINTER; return 1; }

__attribute__((noinline)) static void
f (void)
{
  unsigned char *p = malloc (16);
  if (!p) abort ();
  memset (p, 'A', 16);
  sprintf (gbuf, "%W", (void *) p);   /* prints the address: p escapes */
}

__attribute__((noinline)) static void
clobber (void)
{
  volatile unsigned char buf[256];
  for (unsigned i = 0; i < sizeof buf; i++) buf[i] = (unsigned char) i;
}

/* Under AddressSanitizer: its printf interceptor does not know %W and
   warns; the run is compared with one without it.  */
__attribute__ ((used)) const char *
__asan_default_options (void)
{
  return "check_printf=0";
}

int
main (void)
{
  register_printf_specifier ('W', print_ptr, ptr_arginfo);
  f ();
  clobber ();
  void *q = NULL;
  if (sscanf (gbuf, "%p", &q) != 1) abort ();
  printf ("%c\n", *(unsigned char *) q);
  free (q);
  return 0;
}
