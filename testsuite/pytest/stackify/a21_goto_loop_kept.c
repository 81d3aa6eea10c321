/* A goto loop whose allocations are chained together and all freed at the
   end.  */
#include <stdio.h>
#include <stdlib.h>

struct link
{
  struct link *up;
  int depth;
  char name[8];
};

int
main (void)
{
  struct link *top = NULL;
  int d = 0;
more:;
  struct link *l = malloc (sizeof *l);
  if (!l)
    return 1;
  l->up = top;
  l->depth = d;
  snprintf (l->name, sizeof l->name, "L%d", d * 3);
  top = l;
  if (++d < 7)
    goto more;
  int sum = 0;
  for (struct link *x = top; x; x = x->up)
    {
      printf ("%s ", x->name);
      sum += x->depth * (x->up ? x->up->depth + 1 : 1);
    }
  printf ("\n%d\n", sum);
free_one:
  if (top)
    {
      struct link *up = top->up;
      free (top);
      top = up;
      goto free_one;
    }
  return 0;
}
