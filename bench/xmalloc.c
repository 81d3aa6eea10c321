/* xmalloc.c -- the program's own allocator of the xmalloc kernel, in
   another translation unit (linked into every driver, compiled without
   the plugin): malloc that aborts instead of returning NULL, and its
   deallocator.  bench.h declares them with the malloc and alloc_size
   attributes.  */
#include <stdio.h>
#include <stdlib.h>

#include "bench.h"

void *
bench_xmalloc (size_t size)
{
  void *p = malloc (size);
  if (!p)
    {
      fputs ("out of memory\n", stderr);
      abort ();
    }
  return p;
}

void
bench_xfree (void *p)
{
  free (p);
}
