/* Three nodes linked to each other, none escaping: all moved.  */
#include <stdio.h>
#include <stdlib.h>

struct node
{
  int value;
  struct node *next;
};

int
main (int argc, char **argv)
{
  (void) argv;
  struct node *a = malloc (sizeof *a);
  struct node *b = malloc (sizeof *b);
  struct node *c = malloc (sizeof *c);
  if (!a || !b || !c)
    return 1;
  a->value = 10 * argc;
  b->value = 20 + argc;
  c->value = 30 - argc;
  a->next = b;
  b->next = c;
  c->next = NULL;
  if (argc > 3)
    {
      /* Never taken: a different order.  */
      a->next = c;
      c->next = b;
      b->next = NULL;
    }
  int sum = 0, n = 0;
  for (struct node *p = a; p; p = p->next)
    {
      sum = sum * 7 + p->value;
      n++;
    }
  printf ("%d nodes, sum %d\n", n, sum);
  free (c);
  free (b);
  free (a);
  return 0;
}
