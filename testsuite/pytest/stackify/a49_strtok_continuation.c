/* strtok keeps the buffer: later calls with NULL go on reading it after
   the function that allocated it returned (the buffer is never freed).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 73);
}

static __attribute__ ((noinline)) size_t
first_word_length (void)
{
  char *buf = malloc (64);
  if (!buf)
    exit (1);
  strcpy (buf, "alpha beta gamma delta");
  return strlen (strtok (buf, " "));
}

int
main (void)
{
  printf ("%zu\n", first_word_length ());
  scribble ();
  for (const char *w; (w = strtok (NULL, " ")) != NULL;)
    {
      printf ("%s\n", w);
      scribble ();
    }
  return 0;
}
