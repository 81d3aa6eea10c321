/* A generic swap with a temporary buffer of the element size: once
   inlined, the size is a constant and the temporary is moved.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec
{
  char name[20];
  int score;
  double weight;
};

static inline void
swap (void *a, void *b, size_t size)
{
  void *tmp = malloc (size);
  if (!tmp)
    abort ();
  memcpy (tmp, a, size);
  memcpy (a, b, size);
  memcpy (b, tmp, size);
  free (tmp);
}

int
main (void)
{
  struct rec r[5] = {
    { "delta", 4, 1.5 }, { "alpha", 1, 2.5 }, { "echo", 5, 0.5 },
    { "bravo", 2, 3.0 }, { "charlie", 3, 4.25 } };
  /* A bubble sort by score.  */
  for (int i = 0; i < 5; i++)
    for (int j = 0; j + 1 < 5 - i; j++)
      if (r[j].score > r[j + 1].score)
	swap (&r[j], &r[j + 1], sizeof r[j]);
  for (int i = 0; i < 5; i++)
    printf ("%s %d %.2f\n", r[i].name, r[i].score, r[i].weight);
  return 0;
}
