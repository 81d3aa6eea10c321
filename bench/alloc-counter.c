/* alloc-counter.c -- an LD_PRELOAD library that counts heap allocations.

   Wraps malloc, calloc, realloc, aligned_alloc, posix_memalign, memalign
   and free; the real ones are found with dlsym (RTLD_NEXT).  dlsym itself
   may call calloc (for its error state) before the real calloc is known:
   those few requests are served from a static arena and never freed.
   bench_alloc_count () (looked up by driver.c with dlsym) returns the
   number of allocation calls so far; realloc counts only when it
   allocates (its pointer argument is null).  BENCH_ALLOC_REPORT=1 prints
   the totals at exit.  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *(*real_malloc) (size_t);
static void *(*real_calloc) (size_t, size_t);
static void *(*real_realloc) (void *, size_t);
static void *(*real_aligned_alloc) (size_t, size_t);
static int (*real_posix_memalign) (void **, size_t, size_t);
static void *(*real_memalign) (size_t, size_t);
static void (*real_free) (void *);

static unsigned long allocs, frees;
static int resolving;

/* For dlsym's own requests while resolving.  */
static _Alignas (16) unsigned char arena[8192];
static size_t arena_used;

static int
in_arena (void *p)
{
  return (unsigned char *) p >= arena && (unsigned char *) p < arena + sizeof arena;
}

static void *
arena_alloc (size_t n)
{
  n = (n + 15) & ~(size_t) 15;
  if (arena_used + n > sizeof arena)
    return NULL;
  void *p = arena + arena_used;
  arena_used += n;
  memset (p, 0, n);
  return p;
}

static void
resolve (void)
{
  if (real_free || resolving)
    return;
  resolving = 1;
  real_malloc = dlsym (RTLD_NEXT, "malloc");
  real_calloc = dlsym (RTLD_NEXT, "calloc");
  real_realloc = dlsym (RTLD_NEXT, "realloc");
  real_aligned_alloc = dlsym (RTLD_NEXT, "aligned_alloc");
  real_posix_memalign = dlsym (RTLD_NEXT, "posix_memalign");
  real_memalign = dlsym (RTLD_NEXT, "memalign");
  real_free = dlsym (RTLD_NEXT, "free");
  resolving = 0;
}

unsigned long
bench_alloc_count (void)
{
  return allocs;
}

void *
malloc (size_t n)
{
  resolve ();
  if (!real_malloc)
    return arena_alloc (n);
  allocs++;
  return real_malloc (n);
}

void *
calloc (size_t n, size_t size)
{
  resolve ();
  if (!real_calloc)
    return size && n > SIZE_MAX / size ? NULL : arena_alloc (n * size);
  allocs++;
  return real_calloc (n, size);
}

void *
realloc (void *p, size_t n)
{
  resolve ();
  if (in_arena (p))
    {
      /* The old size is unknown: copy what the arena may hold.  */
      size_t left = (size_t) (arena + sizeof arena - (unsigned char *) p);
      void *q = malloc (n);
      if (q)
	memcpy (q, p, n < left ? n : left);
      return q;
    }
  if (!real_realloc)
    return p ? NULL : arena_alloc (n);
  if (!p)
    allocs++;
  return real_realloc (p, n);
}

void *
aligned_alloc (size_t align, size_t n)
{
  resolve ();
  allocs++;
  return real_aligned_alloc (align, n);
}

void *
memalign (size_t align, size_t n)
{
  resolve ();
  allocs++;
  return real_memalign (align, n);
}

int
posix_memalign (void **out, size_t align, size_t n)
{
  resolve ();
  allocs++;
  return real_posix_memalign (out, align, n);
}

void
free (void *p)
{
  if (!p || in_arena (p))
    return;
  resolve ();
  frees++;
  real_free (p);
}

__attribute__ ((destructor)) static void
report (void)
{
  const char *e = getenv ("BENCH_ALLOC_REPORT");
  if (e && *e == '1')
    fprintf (stderr, "alloc-counter: %lu allocations, %lu frees\n", allocs,
	     frees);
}
