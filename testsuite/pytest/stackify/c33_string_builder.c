/* A small string builder (static, inlined): sb_new, sb_add, sb_free.  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb
{
  size_t len;
  char *buf;
};

#define SB_CAP 128

static inline void
sb_init (struct sb *s)
{
  s->buf = malloc (SB_CAP);
  if (!s->buf)
    abort ();
  s->len = 0;
  s->buf[0] = 0;
}

static inline void
sb_add (struct sb *s, const char *t)
{
  size_t n = strlen (t);
  if (s->len + n + 1 > SB_CAP)
    n = SB_CAP - 1 - s->len;
  memcpy (s->buf + s->len, t, n);
  s->len += n;
  s->buf[s->len] = 0;
}

static inline void
sb_done (struct sb *s)
{
  free (s->buf);
}

int
main (void)
{
  static const char *const words[] = { "stack", "heap", "slot", "frame",
				       "escape", "budget" };
  for (int round = 0; round < 3; round++)
    {
      struct sb s;
      sb_init (&s);
      for (int i = 0; i < 6; i++)
	{
	  sb_add (&s, words[(i + round) % 6]);
	  sb_add (&s, i < 5 ? "," : ".");
	}
      printf ("%zu %s\n", s.len, s.buf);
      sb_done (&s);
    }
  return 0;
}
