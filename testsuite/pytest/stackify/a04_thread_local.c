/* Stored in a thread-local variable.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __thread char *tl_buf;
__thread int *tl_nums;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i ^ 0x3C);
}

static __attribute__ ((noinline)) void
init (void)
{
  char *p = malloc (48);
  int *n = malloc (8 * sizeof (int));
  if (!p || !n)
    exit (1);
  strcpy (p, "thread-local buffer");
  for (int i = 0; i < 8; i++)
    n[i] = i * i;
  tl_buf = p;
  tl_nums = n;
}

int
main (void)
{
  init ();
  scribble ();
  printf ("%s %d %d\n", tl_buf, tl_nums[3], tl_nums[7]);
  free (tl_buf);
  free (tl_nums);
  return 0;
}
