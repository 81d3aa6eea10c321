/* The program's own allocators: declared with the malloc and alloc_size
   attributes (freed by the deallocator the malloc attribute names, or by
   free), found as wrappers in this file, or named by the user
   (stackify-allocators-named.c).  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdio.h>
#include <stdlib.h>

void arena_free (void *);
__attribute__ ((malloc, malloc (arena_free, 1), alloc_size (1))) void *
arena_alloc (size_t);
__attribute__ ((malloc, alloc_size (1))) void *plain_alloc (size_t);
__attribute__ ((malloc, alloc_size (1, 2))) void *array_alloc (size_t,
							      size_t);
__attribute__ ((malloc, alloc_size (2), alloc_align (1))) void *
aligned_get (size_t, size_t);
void *no_size_attribute (size_t); /* neither malloc nor alloc_size */
void ctx_free (void *ctx, void *p);
__attribute__ ((malloc (ctx_free, 2), alloc_size (2))) void *
ctx_alloc (void *ctx, size_t);

int
declared_pair (int i)
{
  int *v = arena_alloc (8 * sizeof (int)); /* { dg-message "allocation of 32 bytes moved to stack" } */
  v[i & 7] = i;
  int r = v[0];
  arena_free (v);
  return r;
}

int
declared_with_free (unsigned long n, int i)
{
  char *p = plain_alloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0];
  free (p);
  return r;
}

int
declared_product (int i)
{
  short *v = array_alloc (10, sizeof (short)); /* { dg-message "allocation of 20 bytes moved to stack" } */
  v[i % 10] = 1;
  int r = v[0];
  free (v);
  return r;
}

int
declared_alignment (int i)
{
  char *p = aligned_get (64, 100); /* { dg-message "allocation of 100 bytes moved to stack" } */
  p[i % 100] = 1;
  int r = ((unsigned long) p & 63) == 0;
  free (p);
  return r;
}

int
declared_bad_alignment (int i)
{
  char *p = aligned_get (48, 100); /* { dg-message "allocation of 100 bytes does not escape; stays on heap: alignment is not a constant power of two up to 4096" } */
  p[i % 100] = 1;
  int r = p[0];
  free (p);
  return r;
}

/* The deallocator frees its second argument; the slot's address never
   reaches it.  */
int
second_argument_freed (void *ctx, unsigned long n, int i) /* { dg-message "parameter 'ctx' escapes: passed to 'ctx_alloc' \\(argument 1\\), which keeps it" } */
{
  char *p = ctx_alloc (ctx, n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0];
  ctx_free (ctx, p);
  return r;
}

int
not_an_allocator (int i)
{
  char *p = no_size_attribute (16); /* { dg-bogus "allocation" } */
  p[i & 15] = 1;
  int r = p[0];
  free (p);
  return r;
}

/* A wrapper: its body only returns malloc's result, after a null check
   that exits.  */
static __attribute__ ((noinline)) void *
xmalloc (size_t n)
{
  void *p = malloc (n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
  if (!p)
    {
      fputs ("out of memory\n", stderr);
      exit (1);
    }
  return p;
}

/* Called with two sizes: a clone of xmalloc for one constant size (IPA-CP)
   takes no arguments, and is no longer seen as the wrapper.  */
int
found_wrapper (int i)
{
  char *p = xmalloc (48); /* { dg-message "allocation of 48 bytes moved to stack" } */
  char *q = xmalloc (24); /* { dg-message "allocation of 24 bytes moved to stack" } */
  p[i % 48] = 1;
  q[i % 24] = 2;
  int r = p[0] + q[0];
  free (p);
  free (q);
  return r;
}

/* A wrapper of calloc clears its slot; a wrapper of a wrapper.  */
static __attribute__ ((noinline)) void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n, size); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
  if (p == NULL)
    abort ();
  return p;
}

static __attribute__ ((noinline)) void *
xzero (size_t n, size_t size)
{
  return xcalloc (n, size); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

int
found_wrapper_of_wrapper (unsigned long n, int i)
{
  int *p = xzero (n, sizeof (int)); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[1];
  free (p);
  return r;
}

/* A wrapper with a constant size factor: calloc (1, n).  */
static __attribute__ ((noinline)) void *
xzalloc (size_t n)
{
  return xcalloc (1, n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

int
found_wrapper_with_factor (unsigned long n, int i)
{
  char *p = xzalloc (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[1];
  free (p);
  return r;
}

/* Not wrappers: one counts, one refuses large sizes.  */
static long allocations;

static __attribute__ ((noinline)) void *
counting_malloc (size_t n)
{
  allocations++;
  return malloc (n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

static __attribute__ ((noinline)) void *
limited_malloc (size_t n)
{
  if (n > 100)
    return NULL;
  return malloc (n); /* { dg-message "allocation of unknown size escapes: returned to caller" } */
}

int
not_wrappers (int i)
{
  char *p = counting_malloc (16); /* { dg-bogus "allocation" } */
  char *q = limited_malloc (16); /* { dg-bogus "allocation" } */
  p[i & 15] = 1;
  q[i & 15] = 2;
  int r = p[0] + q[0];
  free (p);
  free (q);
  return r;
}
