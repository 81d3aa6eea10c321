/* hooks.c -- the heap functions of libescape-prof.so: each counts the call
   at its caller's return address (heapprof_count) and passes it on to the
   next definition in the lookup order (dlsym (RTLD_NEXT): glibc's, or the
   program's own allocator if it links one).

   strdup, strndup and reallocarray are defined here too, on top of the
   next malloc and realloc: glibc's call malloc from inside libc, which
   would count them at a return address in libc instead of at the
   program's call (the one the plugin's notes are about).

   dlsym may itself allocate (glibc's error state) before the next
   functions are known: those requests are served from a static arena,
   which free and realloc recognize.  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "heapprof.h"

static struct
{
  void *(*malloc) (size_t);
  void *(*calloc) (size_t, size_t);
  void *(*realloc) (void *, size_t);
  void *(*aligned_alloc) (size_t, size_t);
  int (*posix_memalign) (void **, size_t, size_t);
  void *(*memalign) (size_t, size_t);
  void *(*valloc) (size_t);
  void *(*pvalloc) (size_t);
  void (*free) (void *);
} next;

/* The arena for dlsym's own requests; each block is preceded by its size
   (realloc needs it to copy a block out).  */
#define ARENA_ALIGN 16
static _Alignas (ARENA_ALIGN) unsigned char arena[16384];
static size_t arena_used;

static int
in_arena (const void *p)
{
  return (const unsigned char *) p >= arena
	 && (const unsigned char *) p < arena + sizeof arena;
}

static void *
arena_alloc (size_t n)
{
  size_t need = ARENA_ALIGN + ((n + ARENA_ALIGN - 1) & ~(size_t) (ARENA_ALIGN - 1));
  size_t at = __atomic_fetch_add (&arena_used, need, __ATOMIC_RELAXED);
  if (n > sizeof arena || at + need > sizeof arena)
    return NULL;
  *(size_t *) (arena + at) = n;
  return arena + at + ARENA_ALIGN;	/* zeroed: the arena is never reused */
}

static size_t
arena_size (const void *p)
{
  return *(const size_t *) ((const unsigned char *) p - ARENA_ALIGN);
}

static int resolving;

/* Looks the next functions up, once (a constructor does it before main;
   the first heap call, if it comes earlier, from another library's
   constructor).  While it runs, heap calls get the arena.  */
static void
resolve (void)
{
  if (next.free || __atomic_exchange_n (&resolving, 1, __ATOMIC_ACQ_REL))
    return;
  next.malloc = dlsym (RTLD_NEXT, "malloc");
  next.calloc = dlsym (RTLD_NEXT, "calloc");
  next.realloc = dlsym (RTLD_NEXT, "realloc");
  next.aligned_alloc = dlsym (RTLD_NEXT, "aligned_alloc");
  next.posix_memalign = dlsym (RTLD_NEXT, "posix_memalign");
  next.memalign = dlsym (RTLD_NEXT, "memalign");
  next.valloc = dlsym (RTLD_NEXT, "valloc");
  next.pvalloc = dlsym (RTLD_NEXT, "pvalloc");
  __atomic_store_n (&next.free, dlsym (RTLD_NEXT, "free"), __ATOMIC_RELEASE);
}

__attribute__ ((constructor (101))) static void
resolve_early (void)
{
  resolve ();
}

/* True when the next functions are known; false while resolving (the
   caller then uses the arena).  */
static int
ready (void)
{
  if (__builtin_expect (__atomic_load_n (&next.free, __ATOMIC_ACQUIRE) != NULL, 1))
    return 1;
  resolve ();
  return __atomic_load_n (&next.free, __ATOMIC_ACQUIRE) != NULL;
}

static size_t
product (size_t n, size_t size)
{
  size_t bytes;
  return __builtin_mul_overflow (n, size, &bytes) ? SIZE_MAX : bytes;
}

void *
malloc (size_t n)
{
  if (!ready ())
    return arena_alloc (n);
  heapprof_count (__builtin_return_address (0), HEAPPROF_MALLOC, n);
  return next.malloc (n);
}

void *
calloc (size_t n, size_t size)
{
  if (!ready ())
    return product (n, size) == SIZE_MAX ? NULL : arena_alloc (n * size);
  heapprof_count (__builtin_return_address (0), HEAPPROF_CALLOC,
		  product (n, size));
  return next.calloc (n, size);
}

/* realloc of a block that came from the arena: copied to a new block.  */
static void *
realloc_from_arena (void *p, size_t n)
{
  void *q = ready () ? next.malloc (n) : arena_alloc (n);
  if (q)
    {
      size_t old = arena_size (p);
      memcpy (q, p, old < n ? old : n);
    }
  return q;
}

void *
realloc (void *p, size_t n)
{
  if (p && in_arena (p))
    return realloc_from_arena (p, n);
  if (!ready ())
    return arena_alloc (n);
  heapprof_count (__builtin_return_address (0), HEAPPROF_REALLOC, n);
  return next.realloc (p, n);
}

void *
reallocarray (void *p, size_t n, size_t size)
{
  size_t bytes = product (n, size);
  if (!ready ())
    return arena_alloc (bytes);
  heapprof_count (__builtin_return_address (0), HEAPPROF_REALLOCARRAY, bytes);
  if (bytes == SIZE_MAX)
    {
      errno = ENOMEM;
      return NULL;
    }
  if (p && in_arena (p))
    return realloc_from_arena (p, bytes);
  return next.realloc (p, bytes);
}

void *
aligned_alloc (size_t align, size_t n)
{
  if (!ready ())
    return align <= ARENA_ALIGN ? arena_alloc (n) : NULL;
  heapprof_count (__builtin_return_address (0), HEAPPROF_ALIGNED_ALLOC, n);
  return next.aligned_alloc (align, n);
}

int
posix_memalign (void **out, size_t align, size_t n)
{
  if (!ready ())
    return align <= ARENA_ALIGN && (*out = arena_alloc (n)) ? 0 : ENOMEM;
  heapprof_count (__builtin_return_address (0), HEAPPROF_POSIX_MEMALIGN, n);
  return next.posix_memalign (out, align, n);
}

void *
memalign (size_t align, size_t n)
{
  if (!ready ())
    return align <= ARENA_ALIGN ? arena_alloc (n) : NULL;
  heapprof_count (__builtin_return_address (0), HEAPPROF_MEMALIGN, n);
  return next.memalign (align, n);
}

void *
valloc (size_t n)
{
  if (!ready ())
    return NULL;
  heapprof_count (__builtin_return_address (0), HEAPPROF_VALLOC, n);
  return next.valloc (n);
}

void *
pvalloc (size_t n)
{
  if (!ready ())
    return NULL;
  heapprof_count (__builtin_return_address (0), HEAPPROF_PVALLOC, n);
  return next.pvalloc (n);
}

/* strdup and strndup of S, LEN bytes long, counted at SITE.  */
static char *
copy_string (void *site, enum heapprof_kind kind, const char *s, size_t len)
{
  char *copy;
  if (ready ())
    {
      heapprof_count (site, kind, len + 1);
      copy = next.malloc (len + 1);
    }
  else
    copy = arena_alloc (len + 1);
  if (copy)
    {
      memcpy (copy, s, len);
      copy[len] = '\0';
    }
  return copy;
}

char *
strdup (const char *s)
{
  return copy_string (__builtin_return_address (0), HEAPPROF_STRDUP, s,
		      strlen (s));
}

char *
strndup (const char *s, size_t max)
{
  return copy_string (__builtin_return_address (0), HEAPPROF_STRNDUP, s,
		      strnlen (s, max));
}

void
free (void *p)
{
  if (!p || in_arena (p))
    return;
  if (heapprof_free)
    heapprof_free (p);
  if (ready ())
    next.free (p);
}
