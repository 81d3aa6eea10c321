/* A directly recursive function that allocates 200 bytes in each frame.
   The recursion runs 20000 deep on a thread with a 2 MiB stack: enough for
   the frames as written, not if each frame also held the allocation.
   Stackify takes the slots of the first levels from the thread's stack
   budget (stackify-recursive-max, 16 KiB) and leaves the deeper ones on
   the heap, so the stack still holds.  */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) long
walk (int n)
{
  unsigned char *p = malloc (200);
  if (!p)
    return -1;
  memset (p, n & 0x7f, 200);
  long s = n == 0 ? 0 : walk (n - 1);
  s = s * 3 + p[n % 200] - p[(n + 1) % 200] / 2;
  free (p);
  return s % 1000003;
}

static void *
run (void *arg)
{
  static long result;
  result = walk ((int) (long) arg);
  return &result;
}

int
main (void)
{
  pthread_attr_t attr;
  pthread_t t;
  void *ret;
  pthread_attr_init (&attr);
  pthread_attr_setstacksize (&attr, 2 << 20);
  if (pthread_create (&t, &attr, run, (void *) 20000L))
    return 1;
  pthread_join (t, &ret);
  printf ("%ld\n", *(long *) ret);
  return 0;
}
