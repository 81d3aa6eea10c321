/* Ownership handed over on one path only: "owned" is the buffer or NULL,
   and free (owned) frees the buffer only when ownership was transferred;
   otherwise the buffer is still used afterwards, and freed later.  The
   buffer may be moved, but free (owned) is not the end of its life.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) int
transfer_wanted (int i)
{
  return i == 2;
}

static __attribute__ ((noinline)) int
round_trip (int i)
{
  char *buf = malloc (32);
  if (!buf)
    return -1;
  strcpy (buf, "buffer of round ");
  buf[16] = (char) ('0' + i);
  buf[17] = 0;
  int t = transfer_wanted (i);
  char *owned = t ? buf : NULL;
  free (owned);
  char *other = malloc (32);
  if (!other)
    return -1;
  memset (other, '*', 31);
  other[31] = 0;
  if (!t)
    {
      printf ("%s\n", buf);
      free (buf);
    }
  else
    printf ("transferred\n");
  printf ("%.8s\n", other);
  free (other);
  return t;
}

int
main (void)
{
  int n = 0;
  for (int i = 0; i < 4; i++)
    n += round_trip (i);
  printf ("%d\n", n);
  return 0;
}
