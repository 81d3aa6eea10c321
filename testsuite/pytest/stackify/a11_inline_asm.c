/* The pointer is given to inline assembly that stores it in a global
   behind the compiler's back (x86-64).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *asm_slot __attribute__ ((used));
static char *asm_out;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 9);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  char *q = malloc (32);
  if (!p || !q)
    exit (1);
  strcpy (p, "hidden by asm");
  strcpy (q, "asm output operand");
#if defined(__x86_64__)
  __asm__ volatile ("movq %0, asm_slot(%%rip)" : : "r" (p) : "memory");
#else
  asm_slot = p;
  __asm__ volatile ("" : : "r" (p) : "memory");
#endif
  __asm__ ("" : "=r" (asm_out) : "0" (q));
}

int
main (void)
{
  make ();
  scribble ();
  printf ("%s / %s\n", asm_slot, asm_out);
  free (asm_slot);
  free (asm_out);
  return 0;
}
