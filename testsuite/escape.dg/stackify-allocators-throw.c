/* With -fexceptions, a call of the program's allocator may throw: its
   exception edges would have to go too, so it stays.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2 -fexceptions" } */

#include <stddef.h>

void arena_free (void *);
__attribute__ ((malloc (arena_free, 1), alloc_size (1))) void *
arena_alloc (size_t);
__attribute__ ((malloc (arena_free, 1), alloc_size (1), nothrow)) void *
arena_alloc_nothrow (size_t);

int
may_throw (int i)
{
  char *p = arena_alloc (32); /* { dg-message "allocation of 32 bytes does not escape; stays on heap: the allocator may throw an exception" } */
  p[i & 31] = 1;
  int r = p[0];
  arena_free (p);
  return r;
}

/* Its deallocator may throw: that call cannot be removed, and it frees the
   block.  */
int
does_not_throw (int i)
{
  char *p = arena_alloc_nothrow (32); /* { dg-message "allocation of 32 bytes does not escape; stays on heap: freed or used as heap memory by a function that was not inlined" } */
  p[i & 31] = 1;
  int r = p[0];
  arena_free (p);
  return r;
}
