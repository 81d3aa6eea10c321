/* Each thread allocates and frees its own scratch buffer (not the
   thread's argument): the scratch buffer is moved onto the thread's
   stack.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static long results[4];

static void *
worker (void *arg)
{
  long id = (long) arg;
  int *scratch = malloc (32 * sizeof (int));
  if (!scratch)
    return NULL;
  for (int i = 0; i < 32; i++)
    scratch[i] = (int) (id * 1000 + i * i);
  long s = 0;
  for (int i = 0; i < 32; i++)
    s += scratch[i] % (id + 3);
  free (scratch);
  results[id] = s;
  return NULL;
}

int
main (void)
{
  pthread_t t[4];
  for (long i = 0; i < 4; i++)
    if (pthread_create (&t[i], NULL, worker, (void *) i))
      return 1;
  for (int i = 0; i < 4; i++)
    pthread_join (t[i], NULL);
  for (int i = 0; i < 4; i++)
    printf ("%ld ", results[i]);
  printf ("\n");
  return 0;
}
