/* setvbuf keeps the buffer it is given as stdout's buffer.  */
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (char) ('A' + i % 26);
}

static __attribute__ ((noinline)) void
buffer_stdout (void)
{
  char *buf = malloc (256);
  if (!buf)
    exit (1);
  setvbuf (stdout, buf, _IOFBF, 256);
}

int
main (void)
{
  buffer_stdout ();
  for (int i = 0; i < 20; i++)
    {
      printf ("line %d: %d\n", i, i * i);
      scribble ();
    }
  return 0;
}
