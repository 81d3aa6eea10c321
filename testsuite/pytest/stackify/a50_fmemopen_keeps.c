/* fmemopen keeps the buffer it is given until fclose: the stream is read
   after the function that allocated the buffer returned.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 79);
}

static __attribute__ ((noinline)) FILE *
open_text (void)
{
  char *buf = malloc (64);
  if (!buf)
    exit (1);
  strcpy (buf, "10 20 30 40 50");
  return fmemopen (buf, strlen (buf), "r");
}

int
main (void)
{
  FILE *f = open_text ();
  if (!f)
    return 1;
  scribble ();
  int x, sum = 0, n = 0;
  while (fscanf (f, "%d", &x) == 1)
    {
      sum += x;
      n++;
      scribble ();
    }
  fclose (f);
  printf ("%d numbers, sum %d\n", n, sum);
  return 0;
}
