/* Allocations in functions that recurse: each call takes a region for its
   slots from the thread's stack budget (16 KiB by default) while it lasts,
   and the heap beyond.  Every block is filled with a pattern of its own
   and checked after the recursive calls: two levels sharing a slot would
   show.

   - a tree walk, 6 and 200 levels deep (past the budget), twice in a row
     (the budget given back);
   - run-time sizes 255, 256, 257 and a realloc across 256 at each level;
   - a calloc'd block, a loop whose blocks outlive their iteration (a flag
     on the region's slot);
   - two threads recursing at once (a budget each);
   - a recursion left by longjmp from deep inside, then run again.  */
#include <pthread.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
fill (unsigned char *p, size_t n, unsigned tag)
{
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (tag * 7 + i);
}

static long
check (const unsigned char *p, size_t n, unsigned tag)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char) (tag * 7 + i))
      return -1000000;
  return (long) n + tag;
}

static __attribute__ ((noinline)) long
walk (int depth)
{
  unsigned char *p = malloc (96);
  if (!p)
    return -1;
  fill (p, 96, (unsigned) depth);
  long below = depth > 0 ? walk (depth - 1) : 0;
  long s = below * 3 % 1000003 + check (p, 96, (unsigned) depth);
  free (p);
  return s;
}

static __attribute__ ((noinline)) long
sized (int depth, size_t n)
{
  unsigned char *p = malloc (n);
  if (!p)
    return -1;
  fill (p, n, (unsigned) depth);
  long below = depth > 0 ? sized (depth - 1, n) : 0;
  unsigned char *q = realloc (p, n + 2);
  if (!q)
    return -1;
  long s = below * 5 % 1000003 + check (q, n, (unsigned) depth);
  free (q);
  return s;
}

static __attribute__ ((noinline)) long
cleared_and_looped (int depth)
{
  int *zeros = calloc (8, sizeof (int));
  unsigned char *prev = NULL;
  long s = 0;
  if (!zeros)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      unsigned char *p = malloc (24);
      if (!p)
	return -1;
      fill (p, 24, (unsigned) (depth * 10 + i));
      if (prev)
	{
	  s += check (prev, 24, (unsigned) (depth * 10 + i - 1));
	  free (prev);
	}
      prev = p;
    }
  for (int i = 0; i < 8; i++)
    s += zeros[i];
  zeros[depth & 7] = depth;
  long below = depth > 0 ? cleared_and_looped (depth - 1) : 0;
  s += check (prev, 24, (unsigned) (depth * 10 + 3)) + zeros[depth & 7];
  free (prev);
  free (zeros);
  return (s + below * 3) % 1000003;
}

static void *
in_thread (void *arg)
{
  static long results[2];
  long which = (long) arg;
  results[which] = walk (150 + (int) which) + cleared_and_looped (40);
  return &results[which];
}

static jmp_buf out;

static __attribute__ ((noinline)) long
deep_then_leave (int depth)
{
  unsigned char *p = malloc (64);
  if (!p)
    return -1;
  fill (p, 64, (unsigned) depth);
  if (depth == 0)
    longjmp (out, 1);
  long s = deep_then_leave (depth - 1) + check (p, 64, (unsigned) depth);
  free (p);
  return s;
}

static __attribute__ ((noinline)) long
leave_by_longjmp (void)
{
  if (setjmp (out))
    return 11;
  return deep_then_leave (30);
}

int
main (void)
{
  printf ("walk %ld %ld %ld\n", walk (6), walk (200), walk (200));
  for (size_t n = 255; n <= 257; n++)
    printf ("sized %zu %ld\n", n, sized (40, n));
  printf ("cleared %ld %ld\n", cleared_and_looped (3),
	  cleared_and_looped (90));
  pthread_t t[2];
  for (long i = 0; i < 2; i++)
    if (pthread_create (&t[i], NULL, in_thread, (void *) i))
      return 1;
  for (int i = 0; i < 2; i++)
    {
      void *r;
      pthread_join (t[i], &r);
      printf ("thread %d %ld\n", i, *(long *) r);
    }
  for (int i = 0; i < 3; i++)
    printf ("longjmp %ld %ld\n", leave_by_longjmp (), walk (100));
  return 0;
}
