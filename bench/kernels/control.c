/* control -- an object that does escape: each entry is allocated,
   published in a global ring of recent entries (evicting and freeing the
   oldest) and looked up there.  Nothing may be moved: every variant of
   the gcc build must give the same code, and the hand variant is the same
   source (there is no stack version of it).  */
#include <stdlib.h>
#include <string.h>

#include "../bench.h"

const char kernel_name[] = "control";

#define RING 64

struct entry
{
  uint64_t key;
  uint64_t value;
  char tag[16];
};

static struct entry *ring[RING];
static char tags[16][16];

void
kernel_init (unsigned seed)
{
  uint64_t st = seed;
  for (int i = 0; i < 16; i++)
    for (int j = 0; j < 15; j++)
      tags[i][j] = (char) ('a' + bench_rand (&st) % 26);
}

static uint64_t
lookup (uint64_t key)
{
  struct entry *e = ring[key & (RING - 1)];
  return e && e->key == key ? e->value + (unsigned char) e->tag[3] : 0;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    {
      struct entry *e = malloc (sizeof *e);
      if (!e)
	abort ();
      e->key = (uint64_t) i;
      e->value = (uint64_t) i * 2654435761u;
      memcpy (e->tag, tags[i & 15], sizeof e->tag);
      free (ring[i & (RING - 1)]);
      ring[i & (RING - 1)] = e;
      sum += lookup ((uint64_t) (i - (i & 3)));
    }
  for (int i = 0; i < RING; i++)
    {
      free (ring[i]);
      ring[i] = NULL;
    }
  return sum;
}
