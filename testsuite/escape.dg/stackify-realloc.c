/* A block grown by realloc: its slot has stackify-max bytes to grow in,
   realloc copies it to the heap beyond, and its frees skip the slot.  A
   block resized by reallocarray, or by realloc in a function that is not
   inlined, stays.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

int
grown (int i, int j)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes moved to stack; realloc grows it in place up to 256 bytes \\(heap beyond\\)" } */
  p[i] = 1;
  char *q = realloc (p, 32); /* { dg-message "allocation of 32 bytes does not escape; grows a block moved to stack: in its slot up to 256 bytes, on the heap beyond" } */
  q[j] = 2;
  int r = q[i];
  free (q);
  return r;
}

int
grown_in_loop (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  size_t cap = 8, len = 0;
  char *buf = malloc (cap); /* { dg-message "allocation of 8 bytes moved to stack; realloc grows it in place up to 256 bytes \\(heap beyond\\)" } */
  for (; *s; s++)
    {
      if (len + 1 >= cap)
	buf = realloc (buf, cap *= 2); /* { dg-message "allocation of unknown size does not escape; grows a block moved to stack: in its slot up to 256 bytes, on the heap beyond" } */
      buf[len++] = *s;
    }
  int r = len ? buf[len / 2] : 0;
  free (buf);
  return r;
}

int
run_time_start (size_t n, int i)
{
  char *p = malloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\); realloc grows it in place up to 256 bytes \\(heap beyond\\)" } */
  p[i] = 1;
  char *q = realloc (p, n * 2); /* { dg-message "allocation of unknown size does not escape; grows a block moved to stack: in its slot up to 256 bytes, on the heap beyond" } */
  int r = q[i];
  free (q);
  return r;
}

int
by_reallocarray (int i)
{
  int *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: resized by 'reallocarray'" } */
  p[i & 3] = 1;
  int *q = reallocarray (p, 8, sizeof (int)); /* { dg-message "allocation of 32 bytes does not escape; stays on heap: only malloc, calloc, aligned_alloc and the program's allocators are moved" } */
  int r = q[i & 7];
  free (q);
  return r;
}

static __attribute__ ((noinline)) char *
grow (char *p, size_t n) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return realloc (p, n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

int
by_callee (int i)
{
  char *p = malloc (16); /* { dg-message "allocation of 16 bytes does not escape; stays on heap: freed or used as heap memory by a function that was not inlined" } */
  p[i & 15] = 1;
  char *q = grow (p, 64);
  int r = q[i & 63];
  free (q);
  return r;
}
