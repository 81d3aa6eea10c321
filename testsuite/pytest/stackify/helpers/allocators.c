/* Compiled WITHOUT the plugin and linked with c46_allocator_wrappers: the
   program's own allocators, in another translation unit.  zalloc clears
   what it gives (the program relies on it); pool_get fills its blocks
   with 0x5a, and pool_put aborts on a null pointer or any pointer it did
   not hand out (a slot's address reaching it).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *
zalloc (size_t n)
{
  return calloc (1, n ? n : 1);
}

void
zfree (void *p)
{
  free (p);
}

#define POOL_BLOCKS 8
#define POOL_BLOCK 512
static unsigned char pool[POOL_BLOCKS][POOL_BLOCK];
static int pool_used[POOL_BLOCKS];

void *
pool_get (size_t n)
{
  if (n > POOL_BLOCK)
    return NULL;
  for (int i = 0; i < POOL_BLOCKS; i++)
    if (!pool_used[i])
      {
	pool_used[i] = 1;
	memset (pool[i], 0x5a, POOL_BLOCK);
	return pool[i];
      }
  return NULL;
}

void
pool_put (void *p)
{
  for (int i = 0; i < POOL_BLOCKS; i++)
    if (p == pool[i] && pool_used[i])
      {
	pool_used[i] = 0;
	return;
      }
  fprintf (stderr, "pool_put: %p is not a pool block\n", p);
  abort ();
}
