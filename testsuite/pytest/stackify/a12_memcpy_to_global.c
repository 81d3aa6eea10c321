/* The pointer's bytes are copied by memcpy into global memory and copied
   back later.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char g_bytes[sizeof (void *)];
struct rec
{
  int tag;
  char *ptr;
};
static struct rec g_rec;

static __attribute__ ((noinline)) void
scribble (void)
{
  volatile char junk[2048];
  for (int i = 0; i < 2048; i++)
    junk[i] = (char) (i * 11);
}

static __attribute__ ((noinline)) void
make (void)
{
  char *p = malloc (32);
  struct rec r;
  if (!p)
    exit (1);
  strcpy (p, "copied pointer bytes");
  memcpy (g_bytes, &p, sizeof p);
  r.tag = 7;
  r.ptr = malloc (32);
  if (!r.ptr)
    exit (1);
  strcpy (r.ptr, "copied struct");
  memcpy (&g_rec, &r, sizeof r);
}

int
main (void)
{
  make ();
  scribble ();
  char *p;
  memcpy (&p, g_bytes, sizeof p);
  printf ("%s / %s %d\n", p, g_rec.ptr, g_rec.tag);
  free (p);
  free (g_rec.ptr);
  return 0;
}
