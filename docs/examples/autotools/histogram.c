/* The known notes of the autotools example (see docs/build-tools.md).  */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "histogram.h"

void
histogram_add (struct histogram *h, int value)
{
  int bucket = (value - h->low) / h->width;
  if (bucket >= 0 && bucket < BUCKETS)
    h->counts[bucket]++;
}

/* A bar of '#', one per value in BUCKET: the caller frees it.  */
char *
histogram_bar (const struct histogram *h, int bucket)
{
  unsigned length = h->counts[bucket];
  char *bar = malloc (length + 1);
  if (bar)
    {
      memset (bar, '#', length);
      bar[length] = 0;
    }
  return bar;
}
