/* Compiled WITHOUT the plugin and linked with the programs that name it:
   functions of another translation unit that keep or free the pointers
   they are given.  */
#include <stdlib.h>

static void *kept[16];
static int nkept;

void
keeper_put (void *p)
{
  if (nkept < 16)
    kept[nkept++] = p;
}

void *
keeper_get (int i)
{
  return i < nkept ? kept[i] : NULL;
}

void
keeper_free_all (void)
{
  while (nkept > 0)
    free (kept[--nkept]);
}

void
keeper_release (void *p)
{
  free (p);
}

/* The pointer comes in two 32-bit halves.  */
void
keeper_put_halves (unsigned lo, unsigned hi)
{
  keeper_put ((void *) (((unsigned long) hi << 32) | lo));
}
