/* The self-pipe trick: messages holding pointers are written to a pipe
   (with write, and with fwrite_unlocked on a stream of the pipe) and read
   back later.  */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct msg
{
  long kind;
  char *payload;
};

static int fds[2];
static FILE *out;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 101);
}

static __attribute__ ((noinline)) void
post_write (int n)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "sent with write %d", n);
  struct msg m = { 1, p };
  if (write (fds[1], &m, sizeof m) != sizeof m)
    exit (1);
}

static __attribute__ ((noinline)) void
post_fwrite_unlocked (int n)
{
  char *q = malloc (32);
  if (!q)
    exit (1);
  snprintf (q, 32, "sent with fwrite_unlocked %d", n);
  struct msg m = { 2, q };
  if (fwrite_unlocked (&m, sizeof m, 1, out) != 1)
    exit (1);
  fflush (out);
}

int
main (void)
{
  if (pipe (fds))
    return 1;
  out = fdopen (fds[1], "w");
  if (!out)
    return 1;
  post_write (1);
  post_fwrite_unlocked (2);
  scribble ();
  for (int i = 0; i < 2; i++)
    {
      struct msg m;
      if (read (fds[0], &m, sizeof m) != sizeof m)
	return 1;
      printf ("%ld: %s\n", m.kind, m.payload);
      free (m.payload);
    }
  return 0;
}
