/* treewalk -- a recursive function with a scratch block at each level: a
   tree of 63 nodes is printed depth first, each node's label formatted
   into a 32-byte block before its children are visited.  The function
   recurses, so stackify takes the block from the thread's stack budget
   (a region per call, while the budget lasts).  The hand variant has the
   array in the frame.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "treewalk";

#define NNODES 63

static int values[NNODES];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < NNODES; i++)
    values[i] = (int) (bench_rand (&st) % 1000);
}

static __attribute__ ((noinline)) uint64_t
walk (int node, int depth)
{
  if (node >= NNODES)
    return 0;
#ifdef BENCH_HAND
  char label[32];
#else
  char *label = malloc (32);
  if (!label)
    abort ();
#endif
  int n = snprintf (label, 32, "%d.%d", depth, values[node]);
  uint64_t h = (uint64_t) n * 31 + (unsigned char) label[n / 2];
  h += walk (2 * node + 1, depth + 1) * 3;
  h += walk (2 * node + 2, depth + 1) * 5;
  h ^= (unsigned char) label[0];
#ifndef BENCH_HAND
  free (label);
#endif
  return h;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum += walk ((int) (i & 1), 0);
  return sum;
}
