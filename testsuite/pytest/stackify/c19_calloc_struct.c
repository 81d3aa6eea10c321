/* calloc of a struct: every field must read as zero.  */
#include <stdio.h>
#include <stdlib.h>

struct stats
{
  int count;
  long sum;
  double mean;
  char tag[12];
  int *last;
};

static __attribute__ ((noinline)) void
show (const struct stats *s)
{
  printf ("count %d sum %ld mean %.3f tag '%s' last %s\n", s->count, s->sum,
	  s->mean, s->tag, s->last ? "set" : "null");
}

int
main (void)
{
  struct stats *s = calloc (1, sizeof *s);
  if (!s)
    return 1;
  show (s);
  for (int i = 1; i <= 10; i++)
    {
      s->count++;
      s->sum += i * i;
    }
  s->mean = (double) s->sum / s->count;
  s->tag[0] = 'o';
  s->tag[1] = 'k';
  show (s);
  free (s);
  return 0;
}
