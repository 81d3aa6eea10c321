/* Constructs whose GIMPLE or whose headers could differ between -O levels
   and other options, for test_matrix.py: only the stability of the notes
   across the matrix is checked here, not their text (which depends on the
   plugin's C library table).  C89 like verdicts.c, but uses GNU and POSIX
   extensions.  */
#define _GNU_SOURCE 1
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <setjmp.h>
#include <alloca.h>

struct big { int a[32]; int *p; };
union u { int *p; unsigned long n; };

int *g;
static jmp_buf env;

/* An inline definition in C99 and later, an ordinary external definition
   in gnu89.  */
__inline__ int *
plain_inline (int *p)
{
  g = p;
  return p;
}

extern __inline__ __attribute__ ((__gnu_inline__)) int *
gnu_inline (int *p)
{
  g = p;
  return p;
}

static __inline__ __attribute__ ((__always_inline__)) int *
always (int *p)
{
  return p;
}

static __attribute__ ((__noinline__)) int *
never (int *p)
{
  return p;
}

static void *
worker (void *arg)
{
  return arg;
}

static int
compare (const void *a, const void *b)
{
  return *(const int *) a - *(const int *) b;
}

static int
variadic (int n, ...)
{
  va_list ap;
  int *p;
  int sum = 0;
  va_start (ap, n);
  while (n-- > 0)
    {
      p = va_arg (ap, int *);
      sum += *p;
    }
  va_end (ap);
  return sum;
}

static struct big
by_value (int *p)
{
  struct big b;
  memset (&b, 0, sizeof b);
  b.p = p;
  return b;
}

static int
stdio_things (FILE *f, const char *name)
{
  char line[128];
  char *dyn = 0;
  size_t cap = 0;
  int c;
  int n = 0;
  while ((c = getc (f)) != EOF && c != '\n')
    n++;
  putchar (n);
  if (fgets (line, sizeof line, f))
    n += (int) strlen (line);
  if (getline (&dyn, &cap, f) > 0)
    n += (int) strlen (dyn);
  free (dyn);
  fputs (name, stdout);
  setvbuf (f, line, _IOFBF, sizeof line);
  return n + (strchr (name, 'x') != 0);
}

static int
strings (const char *src)
{
  char buf[64];
  char *copy = strdup (src);
  char *lit = strdup ("literal");
  char *grown = realloc (copy, 100);
  char *end;
  long v = strtol (src, &end, 10);
  strcpy (buf, src);
  /* A variable size: a constant one is folded into a copy unless
     _FORTIFY_SOURCE keeps the call (docs/notes.md).  */
  memcpy (buf + 10, &v, (size_t) src[0] & 7);
  __builtin_memcpy (buf + 20, &end, sizeof end);
  free (lit);
  free (grown);
  return buf[0] + (int) v;
}

static int
threads (void)
{
  pthread_t t;
  int arg = 1;
  void *ret;
  if (pthread_create (&t, 0, worker, &arg))
    return 0;
  pthread_join (t, &ret);
  return *(int *) ret;
}

static int
builtins (int n)
{
  int x = n;
  int y = n;
  int *vla_p;
  int *a = alloca (n * sizeof (int));
  int arr[4];
  a[0] = 1;
  if (__builtin_constant_p (&x))
    return 1;
  if (__builtin_expect (&y != 0, 1))
    n++;
  vla_p = arr;
  vla_p[0] = n;
  return (int) __builtin_object_size (&x, 0) + a[0] + vla_p[0];
}

static int
jumps (int n)
{
  volatile int v = n;
  int saved = n;
  int *p = &saved;
  void *target = &&out;
  if (setjmp (env))
    return v;
  if (n > 3)
    goto *target;
  longjmp (env, *p);
out:
  return (int) (long) &v;
}

/* Never called: GCC drops it before SSA when optimizing only.  */
static void
unused (int *p)
{
  g = p;
}


static int
unions (int n)
{
  union u u;
  int x = n;
  u.p = &x;
  return (int) u.n;
}

int
main (int argc, char **argv)
{
  int a = argc;
  int b = argc;
  int c = argc;
  int d = argc;
  int vals[3];
  int vla[argc + 1];
  struct big big;
  vals[0] = 3; vals[1] = 1; vals[2] = 2;
  vla[0] = 0;
  plain_inline (&a);
  gnu_inline (&b);
  always (&c);
  never (&d);
  qsort (vals, 3, sizeof vals[0], compare);
  big = by_value (vla);
  return variadic (2, &a, &b) + stdio_things (stdin, argv[0])
	 + strings (argv[0]) + threads () + builtins (argc) + jumps (argc)
	 + unions (argc) + big.a[0];
}
