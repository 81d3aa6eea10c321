/* nodes.c -- part of the program of test_escape_prof.py: allocation
   sites whose verdicts the test knows.  */
#include <stdio.h>

#include "nodes.h"

/* Escapes: returned to caller.  */
struct node *
node_new (int value, struct node *next)
{
  struct node *n = malloc (sizeof *n);
  n->value = value;
  n->next = next;
  return n;
}

/* Does not escape: stackify moves it.  */
long
scratch_sum (int k)
{
  int *squares = malloc (16 * sizeof *squares);
  long sum = 0;
  for (int i = 0; i < 16; i++)
    squares[i] = i * k;
  for (int i = 15; i >= 0; i--)
    sum += squares[i];
  free (squares);
  return sum;
}

/* The node's value as text, copied by the inlined copy_text.  */
char *
label_for (const struct node *list, int i)
{
  char text[32];
  int length = snprintf (text, sizeof text, "%d:%d", list->value, i);
  return copy_text (text, (size_t) length);
}

/* One call of each other heap function, for the call names.  */
void *
kinds (void)
{
  void **all = calloc (4, sizeof *all);
  all = realloc (all, 8 * sizeof *all);
  all[0] = strdup ("strdup");
  all[1] = strndup ("strndup", 3);
  all[2] = aligned_alloc (64, 128);
  if (posix_memalign (&all[3], 32, 96) != 0)
    all[3] = NULL;
  all[4] = reallocarray (NULL, 5, 8);
  return all;
}
