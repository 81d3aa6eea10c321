/* A linked list built in a loop: every node outlives its iteration.  */
#include <stdio.h>
#include <stdlib.h>

struct node
{
  int v;
  struct node *next;
};

int
main (void)
{
  struct node *head = NULL;
  for (int i = 0; i < 10; i++)
    {
      struct node *n = malloc (sizeof *n);
      if (!n)
	return 1;
      n->v = i * i - 3 * i;
      n->next = head;
      head = n;
    }
  long s = 0;
  for (struct node *n = head; n; n = n->next)
    {
      s = s * 3 + n->v;
      printf ("%d ", n->v);
    }
  printf ("\n%ld\n", s);
  while (head)
    {
      struct node *next = head->next;
      free (head);
      head = next;
    }
  return 0;
}
