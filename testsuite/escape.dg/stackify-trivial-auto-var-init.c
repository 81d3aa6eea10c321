/* -ftrivial-auto-var-init (GCC 12) initializes each local with a call of
   the internal function .DEFERRED_INIT: the analysis knows it calls
   nothing, so a function whose address is taken is still not taken as one
   that may be called back from an unknown callee, and its allocation
   moves.  */
/* { dg-require-gcc 12 } */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2 -ftrivial-auto-var-init=zero" } */

#include <stdlib.h>
#include <string.h>

int (*hook) (int);

int
handler (int n)
{
  int scratch[4];
  for (int i = 0; i < 4; i++)
    scratch[i] = n + i;
  char *buf = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack" } */
  if (!buf)
    return -1;
  memset (buf, scratch[n & 3], 16);
  int r = buf[n & 15];
  free (buf);
  return r;
}

void
install (void)
{
  hook = handler;
}
