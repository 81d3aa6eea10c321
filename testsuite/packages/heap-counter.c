/* heap-counter.c -- an LD_PRELOAD library for "make check-packages": counts
   the heap calls of the programs a package's test suite runs, but only of
   executables inside the build tree (ESCAPE_HEAP_ROOT), so that the
   shell, make and the compiler are not counted.

   The heap functions are escape-prof's (tools/heapprof/hooks.c, linked
   in): malloc, calloc, realloc, reallocarray, aligned_alloc, memalign,
   posix_memalign, valloc, pvalloc, strdup and strndup count as
   allocation calls (here, whatever their call site), free of a block
   that is not null as a free.  At exit a line "EXE<TAB>ALLOCS<TAB>FREES"
   is appended to ESCAPE_HEAP_FILE with one write, without stdio (which
   allocates).  A process that ends by _exit or exec is not counted.  */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "heapprof.h"

static unsigned long allocs, frees;

void
heapprof_count (void *site, enum heapprof_kind kind, size_t bytes)
{
  (void) site, (void) kind, (void) bytes;
  __atomic_fetch_add (&allocs, 1, __ATOMIC_RELAXED);
}

void
heapprof_free (void *block)
{
  (void) block;
  __atomic_fetch_add (&frees, 1, __ATOMIC_RELAXED);
}

/* Appends the decimal digits of V to BUF at *LEN.  */
static void
put_number (char *buf, size_t *len, unsigned long v)
{
  char digits[24];
  int n = 0;
  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) && n < (int) sizeof digits);
  while (n > 0)
    buf[(*len)++] = digits[--n];
}

__attribute__ ((destructor)) static void
report (void)
{
  const char *root = getenv ("ESCAPE_HEAP_ROOT");
  const char *file = getenv ("ESCAPE_HEAP_FILE");
  char exe[4096 + 64];
  if (!root || !file)
    return;
  ssize_t n = readlink ("/proc/self/exe", exe, 4096);
  if (n <= 0 || strncmp (exe, root, strlen (root)) != 0)
    return;
  size_t len = (size_t) n;
  exe[len++] = '\t';
  put_number (exe, &len, allocs);
  exe[len++] = '\t';
  put_number (exe, &len, frees);
  exe[len++] = '\n';
  int fd = open (file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0)
    return;
  ssize_t written = write (fd, exe, len);
  (void) written;
  close (fd);
}
