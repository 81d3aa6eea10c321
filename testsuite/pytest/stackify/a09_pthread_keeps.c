/* Handed to a thread by pthread_create (joined before the creating
   function returns); the thread publishes it in a global.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *published;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 3 + 1);
}

static void *
run (void *arg)
{
  char *p = arg;
  strcat (p, " + thread");
  published = p;
  return NULL;
}

static __attribute__ ((noinline)) void
spawn (int n)
{
  pthread_t t;
  char *p = malloc (48);
  if (!p)
    exit (1);
  snprintf (p, 48, "object %d", n);
  if (pthread_create (&t, NULL, run, p))
    exit (1);
  pthread_join (t, NULL);
}

int
main (void)
{
  spawn (5);
  scribble ();
  printf ("%s\n", published);
  free (published);
  return 0;
}
