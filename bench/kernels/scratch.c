/* scratch -- a per-request scratch buffer: each request formats its
   request line into a 128-byte buffer with snprintf and hashes it.  */
#include <stdio.h>
#include <stdlib.h>

#include "../bench.h"

const char kernel_name[] = "scratch";

#define SCRATCH 128

static char users[16][12];
static char paths[16][24];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < 16; i++)
    {
      snprintf (users[i], sizeof users[i], "u%u", bench_rand (&st) % 100000);
      snprintf (paths[i], sizeof paths[i], "api/v%u/items",
		bench_rand (&st) % 4);
    }
}

static uint64_t
fnv1a (const char *s, int n)
{
  uint64_t h = 14695981039346656037ULL;
  for (int i = 0; i < n; i++)
    h = (h ^ (unsigned char) s[i]) * 1099511628211ULL;
  return h;
}

static uint64_t
handle_request (unsigned id, const char *user, const char *path)
{
#ifdef BENCH_HAND
  char buf[SCRATCH];
#else
  char *buf = malloc (SCRATCH);
  if (!buf)
    return 0;
#endif
  int n = snprintf (buf, SCRATCH, "GET /%s/%u?user=%s HTTP/1.1", path, id,
		    user);
  if (n < 0)
    n = 0;
  if (n >= SCRATCH)
    n = SCRATCH - 1;
  uint64_t h = fnv1a (buf, n);
#ifndef BENCH_HAND
  free (buf);
#endif
  return h;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += handle_request ((unsigned) i, users[i & 15], paths[(i >> 4) & 15]);
  return sum;
}
