/* setjmp in main; longjmp from a callee of a function whose allocation is
   moved (its frame is simply abandoned).  main calls setjmp, so its own
   allocation stays on the heap.  */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static jmp_buf env;
static int depth;

static __attribute__ ((noinline)) void
maybe_bail (int i)
{
  depth++;
  if (i == 3)
    longjmp (env, i * 10 + 1);
}

static __attribute__ ((noinline)) int
work (int i)
{
  char *p = malloc (32);
  if (!p)
    return -1;
  snprintf (p, 32, "work %d", i);
  maybe_bail (i);
  int n = (int) strlen (p) + p[5];
  printf ("%s -> %d\n", p, n);
  free (p);
  return n;
}

int
main (void)
{
  char *log = malloc (64);
  if (!log)
    return 1;
  strcpy (log, "log:");
  volatile int i = 0;
  int r = setjmp (env);
  if (r)
    {
      printf ("longjmp returned %d at i=%d\n", r, i);
      strcat (log, " jumped");
      i++;
    }
  for (; i < 6; i++)
    if (work (i) < 0)
      return 1;
  printf ("%s, depth %d\n", log, depth);
  free (log);
  return 0;
}
