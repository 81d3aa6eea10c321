/* Allocators named with -fplugin-arg-escape-allocator=ALLOC:DEALLOC (a
   list, and the argument repeated): a size from the one integer parameter
   or from alloc_size; without either, the size is not known.  */
/* { dg-escape-args "report stackify allocator=pool_get:pool_put,obj_new:obj_release allocator=ctx_alloc:ctx_free" } */
/* { dg-options "-O2" } */

#include <stddef.h>

void *pool_get (size_t);
void pool_put (void *);
void *obj_new (int kind, size_t size);
void obj_release (void *);
__attribute__ ((alloc_size (2))) void *ctx_alloc (void *ctx, size_t size);
void ctx_free (void *ctx, void *p);

int
one_integer_parameter (int i)
{
  char *p = pool_get (40); /* { dg-message "allocation of 40 bytes moved to stack" } */
  p[i % 40] = 1;
  int r = p[0];
  pool_put (p);
  return r;
}

int
run_time_size (size_t n, int i)
{
  char *p = pool_get (n); /* { dg-message "allocation of run-time size moved to stack when it fits 256 bytes \\(heap otherwise\\)" } */
  p[i] = 1;
  int r = p[0];
  pool_put (p);
  return r;
}

int
size_not_known (int i)
{
  char *p = obj_new (3, 40); /* { dg-message "allocation of unknown size does not escape; stays on heap: the size 'obj_new' allocates is not known: declare it with alloc_size" } */
  p[i % 40] = 1;
  int r = p[0];
  obj_release (p);
  return r;
}

/* A named allocator keeps its pointer arguments (its context), as far as
   the analysis knows; a named deallocator frees its first argument and
   keeps the others (a deallocator of another argument is declared with
   the malloc attribute: stackify-allocators.c).  */
int
context_escapes (void *ctx, int i) /* { dg-message "parameter 'ctx' escapes: passed to 'ctx_alloc' \\(argument 1\\), which keeps it" } */
{
  char *p = ctx_alloc (ctx, 24); /* { dg-message "allocation of 24 bytes escapes: passed to 'ctx_free' \\(argument 2\\), which keeps it" } */
  p[i % 24] = 1;
  int r = p[0];
  ctx_free (ctx, p);
  return r;
}

/* The size, a number read from the caller's struct (one cell with the
   pointer stored there), is not kept by the allocator: the block is stored
   through the parameter, and that is all.  */
struct table
{
  unsigned order;
  char **slots;
};

int
init_table (struct table *t) /* { dg-message "parameter 't' does not escape" } */
{
  t->order = 3;
  t->slots = pool_get (sizeof (char *) << t->order); /* { dg-message "allocation of unknown size escapes: stored through parameter 't'" } */
  return t->slots == 0;
}
