/* Freed on both branches of a condition, after different uses.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) int
classify (int v)
{
  char *buf = malloc (48);
  if (!buf)
    return -1;
  int r;
  if (v % 2)
    {
      snprintf (buf, 48, "odd:%d", v);
      r = (int) strlen (buf);
      free (buf);
    }
  else
    {
      memset (buf, 'e', 47);
      buf[47] = 0;
      buf[v % 40] = 0;
      r = -(int) strlen (buf);
      free (buf);
    }
  return r;
}

int
main (void)
{
  for (int v = 0; v < 8; v++)
    printf ("%d ", classify (v * 5));
  printf ("\n");
  return 0;
}
