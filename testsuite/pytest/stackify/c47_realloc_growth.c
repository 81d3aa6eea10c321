/* Buffers grown with realloc: a string builder that starts at 16 bytes
   and doubles (it crosses the slot's 256 bytes for long strings); a vector
   of run-time initial size kept in a struct and grown by one element at a
   time; a realloc that shrinks; realloc (p, 0); sizes K-1, K and K+1 for
   the first growth; a free through a copy; a longjmp out of a function
   that holds a grown block.  */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__ ((noinline)) size_t
build (int count, char *out, size_t outlen)
{
  size_t cap = 16, len = 0;
  char *buf = malloc (cap);
  if (!buf)
    return 0;
  buf[0] = 0;
  for (int i = 0; i < count; i++)
    {
      char item[32];
      int n = snprintf (item, sizeof item, "%d,", i * 7);
      if (len + n + 1 > cap)
	{
	  while (len + n + 1 > cap)
	    cap *= 2;
	  char *grown = realloc (buf, cap);
	  if (!grown)
	    {
	      free (buf);
	      return 0;
	    }
	  buf = grown;
	}
      memcpy (buf + len, item, n);
      len += n;
      buf[len] = 0;
    }
  snprintf (out, outlen, "%s", buf);
  char *copy = buf;
  free (copy);
  return len;
}

struct vec
{
  long *items;
  size_t len, cap;
};

static __attribute__ ((noinline)) long
vector_sum (size_t first_cap, int count)
{
  struct vec v = { malloc (first_cap * sizeof (long)), 0, first_cap };
  if (!v.items)
    return -1;
  for (int i = 0; i < count; i++)
    {
      if (v.len == v.cap)
	{
	  v.cap = v.cap + 1;
	  long *grown = realloc (v.items, v.cap * sizeof (long));
	  if (!grown)
	    {
	      free (v.items);
	      return -1;
	    }
	  v.items = grown;
	}
      v.items[v.len++] = (long) i * i - 3;
    }
  long s = 0;
  for (size_t i = 0; i < v.len; i++)
    s = s * 31 + v.items[i];
  free (v.items);
  return s;
}

/* Grows from N bytes to N + 1, then shrinks to at most 8: the first bytes
   stay.  */
static __attribute__ ((noinline)) long
grow_then_shrink (size_t n)
{
  unsigned char *p = malloc (n);
  if (!p)
    return -1;
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (i * 3 + 1);
  unsigned char *q = realloc (p, n + 1);
  if (!q)
    {
      free (p);
      return -1;
    }
  q[n] = 200;
  long s = 0;
  for (size_t i = 0; i <= n; i++)
    s += q[i] * (long) (i + 1);
  size_t kept = n + 1 < 8 ? n + 1 : 8;
  unsigned char *r = realloc (q, kept);
  if (!r)
    {
      free (q);
      return -1;
    }
  for (size_t i = 0; i < kept; i++)
    s = s * 7 + r[i];
  free (r);
  return s;
}

static __attribute__ ((noinline)) int
realloc_to_zero (int i)
{
  char *p = malloc (32);
  if (!p)
    return -1;
  p[i & 31] = 1;
  char *q = realloc (p, 0);
  /* glibc frees p and gives NULL; otherwise q is a block of its own.  */
  int r = q == NULL;
  free (q);
  return r;
}

static jmp_buf env;

static __attribute__ ((noinline)) void
bail (const char *p)
{
  if (p[0] == 'x')
    longjmp (env, 1);
}

static __attribute__ ((noinline)) int
grow_and_jump (size_t n)
{
  char *p = malloc (16);
  if (!p)
    return -1;
  char *q = realloc (p, n);
  if (!q)
    {
      free (p);
      return -1;
    }
  memset (q, 'x', n);
  bail (q);
  free (q);
  return 0;
}

int
main (int argc, char **argv)
{
  char out[8192];
  for (int c = 0; c < 400; c += 37)
    {
      size_t l = build (c, out, sizeof out);
      printf ("build %d: %zu %.60s\n", c, l, out + (l > 60 ? l - 60 : 0));
    }
  size_t k = (size_t) (argc + 255);
  size_t firsts[] = { 1, 4, k / 8 - 1, k / 8, k / 8 + 1, 100 };
  for (unsigned i = 0; i < sizeof firsts / sizeof *firsts; i++)
    printf ("vector %zu: %ld %ld\n", firsts[i], vector_sum (firsts[i], 20),
	    vector_sum (firsts[i], 70));
  size_t sizes[] = { 1, 8, k - 1, k, k + 1, 600 };
  for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++)
    printf ("grow %zu: %ld\n", sizes[i], grow_then_shrink (sizes[i]));
  printf ("zero: %d\n", realloc_to_zero (argc));
  if (!setjmp (env))
    grow_and_jump (k / 2);
  if (!setjmp (env))
    grow_and_jump (k * 2);
  puts ("after longjmp");
  (void) argv;
  return 0;
}
