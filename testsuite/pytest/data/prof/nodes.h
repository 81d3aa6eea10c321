/* nodes.h -- part of the program of test_escape_prof.py.  */
#ifndef NODES_H
#define NODES_H

#include <stdlib.h>
#include <string.h>

struct node
{
  int value;
  struct node *next;
};

struct node *node_new (int value, struct node *next);
long scratch_sum (int k);
char *label_for (const struct node *list, int i);
void *kinds (void);

/* Inlined into its callers even at -O0: its malloc is counted at this
   line, inside the caller's code.  */
static inline __attribute__ ((always_inline)) char *
copy_text (const char *text, size_t length)
{
  char *copy = malloc (length + 1);
  memcpy (copy, text, length);
  copy[length] = '\0';
  return copy;
}

#endif
