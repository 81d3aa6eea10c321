/* A pointer into a field of a heap struct is kept in a global: the whole
   record must stay on the heap, while a record of the same shape that is
   only read and freed may move.  */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

struct rec
{
  unsigned long id;
  unsigned char name[16];
  unsigned long score;
};

static unsigned long *g_score;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) unsigned long
make (unsigned long id)
{
  struct rec *kept = malloc (sizeof *kept);
  struct rec *tmp = malloc (sizeof *tmp);
  if (!kept || !tmp)
    exit (1);
  kept->id = id;
  tmp->id = id * 3;
  for (int i = 0; i < 16; i++)
    {
      kept->name[i] = (unsigned char) (id + i);
      tmp->name[i] = (unsigned char) (id * i);
    }
  kept->score = id * 1000 + 7;
  tmp->score = id + 5;
  g_score = &kept->score;
  unsigned long s = tmp->id + tmp->score;
  for (int i = 0; i < 16; i++)
    s = s * 31 + tmp->name[i];
  free (tmp);
  return s;
}

int
main (void)
{
  unsigned long sum = make (42);
  scribble ();
  struct rec *r = (struct rec *) ((unsigned char *) g_score
				  - offsetof (struct rec, score));
  sum = sum * 31 + *g_score + r->id;
  for (int i = 0; i < 16; i++)
    sum = sum * 31 + r->name[i];
  free (r);
  printf ("%lu\n", sum);
  return 0;
}
