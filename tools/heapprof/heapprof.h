/* heapprof.h -- between the heap hooks (hooks.c) and what counts the
   calls: the profile (profile.c) of libescape-prof.so, the LD_PRELOAD
   library of tools/escape-prof, or the counter of "make check-packages"
   (testsuite/packages/heap-counter.c).  */
#ifndef HEAPPROF_H
#define HEAPPROF_H

#include <stddef.h>

/* The function a heap call called; its name is written with the site.  */
enum heapprof_kind
{
  HEAPPROF_MALLOC,
  HEAPPROF_CALLOC,
  HEAPPROF_REALLOC,
  HEAPPROF_REALLOCARRAY,
  HEAPPROF_ALIGNED_ALLOC,
  HEAPPROF_POSIX_MEMALIGN,
  HEAPPROF_MEMALIGN,
  HEAPPROF_VALLOC,
  HEAPPROF_PVALLOC,
  HEAPPROF_STRDUP,
  HEAPPROF_STRNDUP,
  HEAPPROF_KINDS
};

/* Both are hidden: resolved when the library is linked, never by the
   dynamic linker to a function of the program's that has the name.  */
#define HEAPPROF_INTERNAL __attribute__ ((visibility ("hidden")))

/* Counts one heap call of KIND asking for BYTES, made by the call whose
   return address is SITE.  Allocates nothing, takes no lock.  */
HEAPPROF_INTERNAL void heapprof_count (void *site, enum heapprof_kind kind,
				       size_t bytes);

/* Called for each free of a block that is not null, when a library
   built on hooks.c defines it (testsuite/packages/heap-counter.c counts
   frees; the profile does not: null here).  */
HEAPPROF_INTERNAL extern void heapprof_free (void *block)
  __attribute__ ((weak));

#endif
