/* The pointer's bytes are copied into a global one by one, each XORed
   with a key (char arithmetic), and decoded later.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char g_enc[sizeof (void *)];

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 23);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *volatile p = malloc (32);
  if (!p)
    exit (1);
  strcpy (p, "xor-encoded pointer");
  volatile unsigned char *b = (volatile unsigned char *) &p;
  for (unsigned i = 0; i < sizeof p; i++)
    g_enc[i] = b[i] ^ 0x5a;
}

int
main (void)
{
  make ();
  scribble ();
  unsigned char dec[sizeof (char *)];
  for (unsigned i = 0; i < sizeof dec; i++)
    dec[i] = g_enc[i] ^ 0x5a;
  char *q;
  memcpy (&q, dec, sizeof q);
  printf ("%s\n", q);
  free (q);
  return 0;
}
