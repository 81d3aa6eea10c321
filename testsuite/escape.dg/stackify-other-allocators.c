/* stackify moves only malloc, calloc, aligned_alloc and the program's own
   allocators: other allocators that do not escape stay on the heap with
   their reason (realloc: stackify-realloc.c).  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#define _GNU_SOURCE
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

int
dup_literal (int i)
{
  char *p = strdup ("hello"); /* { dg-message "allocation of 6 bytes does not escape; stays on heap: only malloc, calloc, aligned_alloc and the program's allocators are moved" } */
  int r = p[i];
  free (p);
  return r;
}

int
ndup_literal (int i)
{
  char *p = strndup ("hello, world", 4); /* { dg-message "allocation of 5 bytes does not escape; stays on heap: only malloc, calloc, aligned_alloc and the program's allocators are moved" } */
  int r = p[i];
  free (p);
  return r;
}

int
with_memalign (int i, int j)
{
  char *p = memalign (16, 32); /* { dg-message "allocation of 32 bytes does not escape; stays on heap: only malloc, calloc, aligned_alloc and the program's allocators are moved" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}

int
with_valloc (int i, int j)
{
  char *p = valloc (64); /* { dg-message "allocation of 64 bytes does not escape; stays on heap: only malloc, calloc, aligned_alloc and the program's allocators are moved" } */
  p[i] = 1;
  int r = p[j];
  free (p);
  return r;
}
