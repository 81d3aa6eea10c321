/* Allocation and release through a constant table of function pointers
   (malloc and free): GCC turns the indirect calls into direct ones before
   stackify runs.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct allocator
{
  void *(*alloc) (size_t);
  void (*release) (void *);
};

static const struct allocator std_allocator = { malloc, free };

static __attribute__ ((noinline)) int
use (const char *word)
{
  const struct allocator *a = &std_allocator;
  char *p = a->alloc (48);
  if (!p)
    return -1;
  int n = snprintf (p, 48, "[%s|%s]", word, word + 1);
  puts (p);
  a->release (p);
  return n;
}

int
main (void)
{
  int s = use ("alpha") + use ("beta") + use ("gamma");
  printf ("%d\n", s);
  return 0;
}
