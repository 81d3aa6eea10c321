/* main.c -- the program of test_escape_prof.py, with known heap calls per
   site: scratch_sum's malloc 100 times (does not escape), node_new's 40
   (returned to caller), copy_text's, inlined into label_for, 25, the
   shared library's calloc 15.  "child" runs itself again as "leaf" (fork
   and exec), which calls node_new 7 times; "kinds" calls each other heap
   function once; "exit N" exits with status N.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nodes.h"
#include "shape.h"

static int
leaf (void)
{
  long sum = 0;
  for (int i = 0; i < 7; i++)
    {
      struct node *n = node_new (i, NULL);
      sum += n->value;
      free (n);
    }
  return sum == 21 ? 0 : 1;
}

static int
run_child (const char *self)
{
  fflush (stdout);
  pid_t pid = fork ();
  if (pid == 0)
    {
      execl (self, self, "leaf", (char *) NULL);
      _exit (127);
    }
  int status;
  return waitpid (pid, &status, 0) == pid && WIFEXITED (status)
	 ? WEXITSTATUS (status) : 1;
}

int
main (int argc, char **argv)
{
  const char *mode = argc > 1 ? argv[1] : "";
  if (strcmp (mode, "leaf") == 0)
    return leaf ();
  if (strcmp (mode, "exit") == 0 && argc > 2)
    return atoi (argv[2]);
  long total = 0;
  for (int i = 0; i < 100; i++)
    total += scratch_sum (i);
  struct node *list = NULL;
  for (int i = 0; i < 40; i++)
    list = node_new (i, list);
  for (int i = 0; i < 25; i++)
    {
      char *label = label_for (list, i);
      total += (long) strlen (label);
      free (label);
    }
  for (int i = 0; i < 15; i++)
    {
      struct shape *s = shape_new (i);
      total += shape_area (s);
      shape_free (s);
    }
  while (list)
    {
      struct node *next = list->next;
      free (list);
      list = next;
    }
  if (strcmp (mode, "kinds") == 0)
    free (kinds ());
  printf ("%ld\n", total);
  if (strcmp (mode, "child") == 0)
    return run_child ("/proc/self/exe");
  return 0;
}
