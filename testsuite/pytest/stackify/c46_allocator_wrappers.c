/* The program's own allocators: xmalloc, a wrapper of this file (found by
   its body, not inlined); zalloc/zfree of another file, declared with the
   malloc and alloc_size attributes (zalloc clears its memory, and the
   program relies on it); pool_get/pool_put of another file, which the
   +named variant names with -fplugin-arg-escape-allocator (pool_put aborts
   on a pointer it did not give, a null one included).  Sizes K-1, K and
   K+1 around the slot (256 bytes), a free through a copy, and a longjmp
   out of a function holding a slot.  */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void zfree (void *);
__attribute__ ((malloc, malloc (zfree, 1), alloc_size (1))) void *
zalloc (size_t);

void *pool_get (size_t);
void pool_put (void *);

static __attribute__ ((noinline)) void *
xmalloc (size_t n)
{
  void *p = malloc (n);
  if (!p)
    {
      fputs ("out of memory\n", stderr);
      exit (2);
    }
  return p;
}

static __attribute__ ((noinline)) long
x_sum (size_t n, int seed)
{
  unsigned char *p = xmalloc (n);
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (seed * 7 + i);
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * (long) (i % 13 + 1);
  unsigned char *copy = p;
  free (copy);
  return s;
}

/* zalloc's memory is cleared: only every third byte is written.  */
static __attribute__ ((noinline)) long
z_sum (size_t n)
{
  unsigned char *p = zalloc (n);
  for (size_t i = 0; i < n; i += 3)
    p[i] = (unsigned char) i;
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i] * (long) (i + 1);
  zfree (p);
  return s;
}

static __attribute__ ((noinline)) long
z_fixed (int seed)
{
  int *v = zalloc (24 * sizeof (int));
  for (int i = 0; i < 24; i += 2)
    v[i] = seed + i;
  long s = 0;
  for (int i = 0; i < 24; i++)
    s = s * 3 + v[i];
  zfree (v);
  return s;
}

static __attribute__ ((noinline)) long
pool_sum (size_t n)
{
  unsigned char *p = pool_get (n);
  if (!p)
    return -1;
  memset (p, 3, n);
  long s = 0;
  for (size_t i = 0; i < n; i++)
    s += p[i];
  pool_put (p);
  return s;
}

static jmp_buf env;

static __attribute__ ((noinline)) void
bail (unsigned char *p, size_t n)
{
  if (p[n - 1] == 9)
    longjmp (env, 1);
}

static __attribute__ ((noinline)) int
z_longjmp (size_t n)
{
  unsigned char *p = zalloc (n);
  p[n - 1] = 9;
  bail (p, n);
  zfree (p);
  return 0;
}

int
main (int argc, char **argv)
{
  /* Sizes the compiler cannot see.  */
  size_t k = (size_t) (argc + 255);
  size_t sizes[] = { 1, 17, k - 1, k, k + 1, 1000 };
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf ("n=%zu x=%ld z=%ld pool=%ld\n", sizes[i],
	    x_sum (sizes[i], (int) i), z_sum (sizes[i]), pool_sum (sizes[i]));
  printf ("fixed %ld %ld\n", z_fixed (argc), z_fixed (argc + 5));
  if (!setjmp (env))
    z_longjmp (k / 2);
  if (!setjmp (env))
    z_longjmp (k + 40);
  puts ("after longjmp");
  (void) argv;
  return 0;
}
