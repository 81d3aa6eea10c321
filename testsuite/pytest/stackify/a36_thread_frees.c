/* Handed to a thread that fills and frees it; the creator joins.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long total;

static void *
consume (void *arg)
{
  int *v = arg;
  long s = 0;
  for (int i = 0; i < 8; i++)
    s += v[i] * (i + 1);
  total += s;
  free (v);
  return NULL;
}

int
main (void)
{
  for (int r = 0; r < 3; r++)
    {
      pthread_t t;
      int *v = malloc (8 * sizeof (int));
      if (!v)
	return 1;
      for (int i = 0; i < 8; i++)
	v[i] = r * 8 + i;
      if (pthread_create (&t, NULL, consume, v))
	return 1;
      pthread_join (t, NULL);
      printf ("round %d total %ld\n", r, total);
    }
  return 0;
}
