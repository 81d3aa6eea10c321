/* Allocations in a loop: freed in the iteration on one path, kept in a
   list on the other.  The kept ones outlive their iteration and the
   function.  A buffer freed in every iteration beside them may move.  */
#include <stdio.h>
#include <stdlib.h>

struct item
{
  struct item *next;
  unsigned long value;
  unsigned char bytes[24];
};

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile unsigned char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (unsigned char) (i * 97 + 13);
}

static __attribute__ ((noinline)) struct item *
collect (unsigned n, unsigned long *sum)
{
  struct item *list = NULL;
  for (unsigned i = 0; i < n; i++)
    {
      struct item *it = malloc (sizeof *it);
      unsigned char *tmp = malloc (16);
      if (!it || !tmp)
	exit (1);
      it->value = i * 17;
      for (unsigned j = 0; j < 24; j++)
	it->bytes[j] = (unsigned char) (i + j);
      for (unsigned j = 0; j < 16; j++)
	tmp[j] = (unsigned char) (i * j);
      *sum = *sum * 131 + tmp[i % 16];
      free (tmp);
      if (i % 3 == 1)
	{
	  *sum = *sum * 131 + it->bytes[5];
	  free (it);
	  continue;
	}
      it->next = list;
      list = it;
    }
  return list;
}

int
main (void)
{
  unsigned long sum = 0;
  struct item *list = collect (10, &sum);
  scribble ();
  while (list)
    {
      struct item *next = list->next;
      sum = sum * 131 + list->value;
      for (unsigned j = 0; j < 24; j++)
	sum = sum * 131 + list->bytes[j];
      free (list);
      list = next;
    }
  printf ("%lu\n", sum);
  return 0;
}
