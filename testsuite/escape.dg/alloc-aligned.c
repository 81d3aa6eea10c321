/* Aligned allocators: aligned_alloc and memalign take the size as their
   second argument, posix_memalign as its third and stores the new pointer
   through its first.  */
/* At -O1 and up GCC's lowering gives posix_memalign the address of a
   temporary of its own instead of &p (gimple-low.cc), so p is no longer
   address-taken there: this test runs at -O0 only (docs/notes.md).  */
/* { dg-options "-O0" } */

#include <malloc.h>
#include <stdlib.h>

void *g;

void
aligned_alloc_freed (void)
{
  free (aligned_alloc (16, 64)); /* { dg-message "allocation of 64 bytes does not escape" } */
}

void *
aligned_alloc_returned (void)
{
  return aligned_alloc (64, 256); /* { dg-message "allocation of 256 bytes escapes: returned to caller" } */
}

void
memalign_kept (void)
{
  g = memalign (32, 48); /* { dg-message "allocation of 48 bytes escapes: stored in global 'g'" } */
}

void
memalign_freed (unsigned long n)
{
  free (memalign (32, n)); /* { dg-message "allocation of unknown size does not escape" } */
}

void
posix_memalign_freed (void)
{
  void *p; /* { dg-message "address of 'p' does not escape" } */
  if (posix_memalign (&p, 64, 128) == 0) /* { dg-message "allocation of 128 bytes does not escape" } */
    free (p);
}

void *
posix_memalign_returned (void)
{
  void *p; /* { dg-message "address of 'p' does not escape" } */
  if (posix_memalign (&p, 64, 32)) /* { dg-message "allocation of 32 bytes escapes: returned to caller" } */
    return 0;
  return p;
}

int
posix_memalign_out (void **out) /* { dg-message "parameter 'out' does not escape" } */
{
  return posix_memalign (out, 16, 8); /* { dg-message "allocation of 8 bytes escapes: stored through parameter 'out'" } */
}

void
posix_memalign_global (void)
{
  posix_memalign (&g, 16, 24); /* { dg-message "allocation of 24 bytes escapes: stored in global 'g'" } */
}
