/* pthread_setspecific keeps the pointer for the thread; another function
   gets it back with pthread_getspecific.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_key_t key;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 89);
}

static __attribute__ ((noinline)) void
remember (int n)
{
  char *p = malloc (32);
  if (!p)
    exit (1);
  snprintf (p, 32, "thread-specific %d", n);
  pthread_setspecific (key, p);
}

int
main (void)
{
  if (pthread_key_create (&key, NULL))
    return 1;
  remember (3);
  scribble ();
  char *p = pthread_getspecific (key);
  printf ("%s\n", p);
  free (p);
  return 0;
}
