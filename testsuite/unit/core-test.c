/* core-test.c -- unit tests for the escape analysis core (escape-core.c).

   Build and run from the top of the tree:

     cc -std=c11 -Wall -Wextra -Werror -fsanitize=address,undefined -g \
	-Iplugin testsuite/unit/core-test.c plugin/escape-core.c \
	-o /tmp/core-test && /tmp/core-test

   Each test encodes a small C scenario (in the comment above it) the way
   escape-extract.cc maps GIMPLE onto the core's API:

     p = &x		esc_addr (p, x)
     p = q		esc_copy (p, q)
     p = *q		esc_load (p, q)
     *p = q		esc_store (p, q)
     x.f = p		esc_copy (x, p)		(direct access to a local's cell)
     p = x.f		esc_copy (p, x)
     g = &x		t = cell; esc_addr (t, x); esc_copy (G, t)
     return p		esc_return (p)
     r = callee (a, b)	esc_call (callee, r, {a, b})
     p = malloc (..)	o = esc_object; esc_addr (p, o)

   Locals whose verdict is asked for are esc_object nodes; the node of a
   global is created where the function first mentions it (as the
   extractor does).  Every failed check prints one line with its file:line
   and what was expected; the last line is "core: N passed, N failed".  */

#include "escape-core.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Checks.  */

static int n_passed, n_failed;

static void
check_at (int ok, const char *file, int line, const char *fmt, ...)
{
  if (ok)
    {
      n_passed++;
      return;
    }
  n_failed++;
  va_list ap;
  va_start (ap, fmt);
  printf ("%s:%d: FAIL: ", file, line);
  vprintf (fmt, ap);
  putchar ('\n');
  va_end (ap);
  fflush (stdout);
}

#define CHECK(cond) \
  check_at (!!(cond), __FILE__, __LINE__, "expected %s", #cond)
#define CHECK_MSG(cond, ...) \
  check_at (!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static const char *const kind_names[] = {
  "NONE", "RETURNED", "GLOBAL", "PARAM_STORE", "MEMORY", "CALL_KEEPS",
  "CALL_UNKNOWN", "INDIRECT_CALL", "THREAD", "INT_CAST", "ASM", "NESTED",
  "UNSUPPORTED"
};

static const char *
kind_name (enum esc_reason_kind k)
{
  if ((unsigned) k < sizeof kind_names / sizeof kind_names[0])
    return kind_names[k];
  return "<bad kind>";
}

static int
same_name (const char *a, const char *b)
{
  if (!a || !b)
    return a == b;
  return strcmp (a, b) == 0;
}

static int
reason_is (struct esc_reason got, enum esc_reason_kind kind,
	   const char *name, int argno)
{
  return got.kind == kind && same_name (got.name, name) && got.argno == argno;
}

static void
expect_reason_at (const char *file, int line, const char *what,
		  struct esc_reason got, enum esc_reason_kind kind,
		  const char *name, int argno)
{
  char want_text[256], got_text[256];
  struct esc_reason want = { kind, name, argno };
  check_at (reason_is (got, kind, name, argno), file, line,
	    "%s: expected %s (name %s, argno %d: \"%s\"), got %s (name %s, "
	    "argno %d: \"%s\")",
	    what, kind_name (kind), name ? name : "NULL", argno,
	    esc_reason_text (want, want_text, sizeof want_text),
	    kind_name (got.kind), got.name ? got.name : "NULL", got.argno,
	    esc_reason_text (got, got_text, sizeof got_text));
}

/* The verdict of object O of function F.  */
#define EXPECT_OBJ(u, f, o, kind, name, argno)				\
  expect_reason_at (__FILE__, __LINE__, "verdict of object " #o,	\
		    esc_object_verdict ((u), (f), (o)), (kind), (name),	\
		    (argno))
#define EXPECT_NOESC(u, f, o) EXPECT_OBJ (u, f, o, ESC_R_NONE, NULL, 0)
#define EXPECT_ESCAPES(u, f, o)						\
  CHECK_MSG (esc_object_verdict ((u), (f), (o)).kind != ESC_R_NONE,	\
	     "verdict of object %s: expected it to escape (any reason)", #o)

static const char *const param_kind_names[] = {
  "NO_ESCAPE", "LEAKS_TO_RETURN", "ESCAPES"
};

static void
expect_param_at (const char *file, int line, const char *what,
		 struct esc_param_verdict got, enum esc_param_kind pkind,
		 enum esc_reason_kind kind, const char *name, int argno)
{
  char got_text[256];
  int ok = got.kind == pkind && reason_is (got.reason, kind, name, argno);
  check_at (ok, file, line,
	    "%s: expected %s with reason %s (name %s, argno %d), got %s with "
	    "reason %s (name %s, argno %d: \"%s\")",
	    what, param_kind_names[pkind], kind_name (kind),
	    name ? name : "NULL", argno,
	    (unsigned) got.kind < 3 ? param_kind_names[got.kind] : "<bad>",
	    kind_name (got.reason.kind),
	    got.reason.name ? got.reason.name : "NULL", got.reason.argno,
	    esc_reason_text (got.reason, got_text, sizeof got_text));
}

/* The verdict of parameter I of function F.  */
#define EXPECT_PARAM(u, f, i, pkind, kind, name, argno)			\
  expect_param_at (__FILE__, __LINE__, "verdict of parameter " #i " of " #f, \
		   esc_param_verdict ((u), (f), (i)), (pkind), (kind),	\
		   (name), (argno))
#define EXPECT_PARAM_NOESC(u, f, i)					\
  EXPECT_PARAM (u, f, i, ESC_PARAM_NO_ESCAPE, ESC_R_NONE, NULL, 0)
#define EXPECT_PARAM_LEAKS(u, f, i)					\
  EXPECT_PARAM (u, f, i, ESC_PARAM_LEAKS_TO_RETURN, ESC_R_NONE, NULL, 0)
#define EXPECT_PARAM_ESC(u, f, i, kind, name, argno)			\
  EXPECT_PARAM (u, f, i, ESC_PARAM_ESCAPES, kind, name, argno)

#define EXPECT_STR(got, want)						\
  do {									\
    const char *got_ = (got), *want_ = (want);				\
    CHECK_MSG (got_ && strcmp (got_, want_) == 0,			\
	       "expected \"%s\", got \"%s\"", want_,			\
	       got_ ? got_ : "(null)");					\
  } while (0)

/* ------------------------------------------------------------------ */
/* Building programs.  */

/* Declares function NAME; its key is its interned name.  */
static esc_fn
decl (struct esc_unit *u, const char *name)
{
  return esc_fn_declare (u, esc_intern (u, name), name);
}

/* Begins the body of F with NPARAMS parameters named P0, P1, P2.  */
static void
begin (struct esc_unit *u, esc_fn f, unsigned nparams, const char *p0,
       const char *p1, const char *p2)
{
  const char *names[3] = { p0, p1, p2 };
  esc_fn_begin (u, f, nparams, names);
}

/* Declares function NAME and begins its body.  */
static esc_fn
define (struct esc_unit *u, const char *name, unsigned nparams,
	const char *p0, const char *p1, const char *p2)
{
  esc_fn f = decl (u, name);
  begin (u, f, nparams, p0, p1, p2);
  return f;
}

/* A fresh value holding &OBJ.  */
static esc_node
addr_of (struct esc_unit *u, esc_fn f, esc_node obj)
{
  esc_node t = esc_cell (u, f);
  esc_addr (u, f, t, obj);
  return t;
}

/* G = &OBJ, for the cell G of a global (or a local).  */
static void
set_addr (struct esc_unit *u, esc_fn f, esc_node g, esc_node obj)
{
  esc_copy (u, f, g, addr_of (u, f, obj));
}

/* LHS = CALLEE (args...).  */
#define CALL(u, f, callee, lhs, ...)					\
  do {									\
    esc_node args_[] = { __VA_ARGS__ };					\
    esc_call ((u), (f), (callee), (lhs), args_,				\
	      (unsigned) (sizeof args_ / sizeof args_[0]));		\
  } while (0)

/* Solving must stay near-linear: at most this much work (esc_unit_work)
   per function or node of a test's program.  */
enum { WORK_PER_ITEM = 32 };

/* ------------------------------------------------------------------ */
/* Strings and functions.  */

static void
test_intern (void)
{
  struct esc_unit *u = esc_unit_new ();
  char buf[16];
  strcpy (buf, "hello");
  const char *a = esc_intern (u, buf);
  const char *b = esc_intern (u, "hello");
  CHECK (a == b);
  CHECK (a != buf);			/* a copy, not the argument */
  EXPECT_STR (a, "hello");
  strcpy (buf, "HELLO");		/* the copy does not follow */
  EXPECT_STR (a, "hello");
  CHECK (esc_intern (u, "world") != a);
  CHECK (esc_intern (u, "") == esc_intern (u, ""));
  CHECK (esc_intern (u, "") != a);
  CHECK (esc_intern (u, NULL) == NULL);

  /* Many strings: the table grows, and old pointers stay valid.  */
  const char *first[1000];
  for (int i = 0; i < 1000; i++)
    {
      snprintf (buf, sizeof buf, "s%d", i);
      first[i] = esc_intern (u, buf);
    }
  int same = 1, distinct = 1;
  for (int i = 0; i < 1000; i++)
    {
      snprintf (buf, sizeof buf, "s%d", i);
      if (esc_intern (u, buf) != first[i] || strcmp (first[i], buf))
	same = 0;
      if (i && first[i] == first[i - 1])
	distinct = 0;
    }
  CHECK_MSG (same, "expected esc_intern to return the same pointer for "
	     "equal strings after the table grew");
  CHECK (distinct);
  CHECK (esc_intern (u, "hello") == a);
  esc_unit_free (u);
  esc_unit_free (NULL);		/* allowed */
}

static void
test_declare (void)
{
  struct esc_unit *u = esc_unit_new ();
  static const char k1, k2, k3;
  esc_fn a = esc_fn_declare (u, &k1, "a");
  esc_fn b = esc_fn_declare (u, &k2, "b");
  CHECK (a == 0 && b == 1);
  CHECK (esc_fn_declare (u, &k1, "a") == a);
  CHECK (esc_fn_declare (u, &k1, "other name") == a);
  CHECK (esc_fn_declare (u, &k2, NULL) == b);
  esc_fn c = esc_fn_declare (u, &k3, NULL);	/* anonymous */
  CHECK (c == 2);

  /* Many keys: the table grows and ids stay stable.  */
  static char keys[3000];
  int ok = 1;
  for (int i = 0; i < 3000; i++)
    if (esc_fn_declare (u, &keys[i], "many") != 3 + i)
      ok = 0;
  for (int i = 0; i < 3000; i++)
    if (esc_fn_declare (u, &keys[i], "many") != 3 + i)
      ok = 0;
  CHECK_MSG (ok, "expected redeclaring each of 3000 keys to give its id");
  CHECK (esc_fn_declare (u, &k2, "b") == b);

  /* The param and return nodes are distinct.  */
  begin (u, a, 2, "x", "y", NULL);
  esc_node p0 = esc_param_value (u, a, 0);
  esc_node p1 = esc_param_value (u, a, 1);
  esc_node r = esc_return_value (u, a);
  CHECK (p0 != p1 && p0 != r && p1 != r);
  CHECK (p0 != ESC_NO_NODE && r != ESC_NO_NODE);
  esc_node c1 = esc_cell (u, a), c2 = esc_cell (u, a);
  CHECK (c1 != c2 && c1 != p0 && c1 != p1 && c1 != r);
  esc_unit_solve (u);
  EXPECT_PARAM_NOESC (u, a, 0);
  EXPECT_PARAM_NOESC (u, a, 1);
  esc_unit_free (u);

  /* A unit that is never solved is freed cleanly.  */
  u = esc_unit_new ();
  esc_fn h = define (u, "h", 1, "p", NULL, NULL);
  esc_fn e = decl (u, "e");
  esc_node o = esc_object (u, h);
  CALL (u, h, e, esc_cell (u, h), addr_of (u, h, o),
	esc_param_value (u, h, 0));
  esc_copy (u, h, esc_global (u, h, "g"), addr_of (u, h, o));
  esc_unit_free (u);

  /* An empty unit solves.  */
  u = esc_unit_new ();
  esc_unit_solve (u);
  esc_unit_free (u);
}

/* ------------------------------------------------------------------ */
/* Reason texts.  */

static void
test_reason_text (void)
{
  char buf[128];
  struct
  {
    struct esc_reason r;
    const char *text;
  } cases[] = {
    { { ESC_R_NONE, NULL, 0 }, "does not escape" },
    { { ESC_R_RETURNED, NULL, 0 }, "returned to caller" },
    { { ESC_R_GLOBAL, "g", 0 }, "stored in global 'g'" },
    { { ESC_R_PARAM_STORE, "pp", 0 }, "stored through parameter 'pp'" },
    { { ESC_R_MEMORY, NULL, 0 }, "stored in memory that escapes" },
    { { ESC_R_CALL_KEEPS, "keep", 2 },
      "passed to 'keep' (argument 2), which keeps it" },
    { { ESC_R_CALL_UNKNOWN, "ext", 1 },
      "passed to 'ext' (argument 1), which may keep it" },
    { { ESC_R_INDIRECT_CALL, NULL, 0 },
      "passed to a function through a pointer" },
    { { ESC_R_THREAD, "pthread_create", 0 },
      "handed to another thread by 'pthread_create'" },
    { { ESC_R_INT_CAST, NULL, 0 }, "converted to an integer" },
    { { ESC_R_ASM, NULL, 0 }, "used by inline assembly" },
    { { ESC_R_NESTED, "inner", 0 }, "captured by nested function 'inner'" },
    { { ESC_R_UNSUPPORTED, "vla", 0 }, "unsupported construct (vla)" },
    /* A missing name.  */
    { { ESC_R_GLOBAL, NULL, 0 }, "stored in global '?'" },
    { { ESC_R_PARAM_STORE, NULL, 0 }, "stored through parameter '?'" },
    { { ESC_R_CALL_UNKNOWN, NULL, 3 },
      "passed to '?' (argument 3), which may keep it" },
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      memset (buf, 'X', sizeof buf);
      char *ret = esc_reason_text (cases[i].r, buf, sizeof buf);
      CHECK_MSG (ret == buf, "esc_reason_text (%s): expected it to return "
		 "its buffer", kind_name (cases[i].r.kind));
      CHECK_MSG (strcmp (buf, cases[i].text) == 0,
		 "esc_reason_text (%s): expected \"%s\", got \"%s\"",
		 kind_name (cases[i].r.kind), cases[i].text, buf);
    }

  /* Every kind has a text of its own.  */
  char texts[ESC_R_UNSUPPORTED + 1][128];
  for (int k = ESC_R_NONE; k <= ESC_R_UNSUPPORTED; k++)
    {
      struct esc_reason r = { (enum esc_reason_kind) k, "n", 1 };
      esc_reason_text (r, texts[k], sizeof texts[k]);
      CHECK_MSG (texts[k][0] != '\0', "expected a text for kind %s",
		 kind_name ((enum esc_reason_kind) k));
      for (int j = ESC_R_NONE; j < k; j++)
	CHECK_MSG (strcmp (texts[j], texts[k]) != 0,
		   "expected kinds %s and %s to have different texts",
		   kind_name ((enum esc_reason_kind) j),
		   kind_name ((enum esc_reason_kind) k));
    }

  /* A short buffer truncates and stays terminated.  */
  struct esc_reason g = { ESC_R_GLOBAL, "some_global", 0 };
  char small[8];
  memset (small, 'X', sizeof small);
  CHECK (esc_reason_text (g, small, sizeof small) == small);
  EXPECT_STR (small, "stored ");
  char one[1] = { 'X' };
  esc_reason_text (g, one, 1);
  CHECK (one[0] == '\0');
}

/* ------------------------------------------------------------------ */
/* Each reason kind through the core.  */

/* int *f (void) { int x; int *p = &x; int *q = p; return q; }
   int *h (void) { int *o = malloc (4); return o; }  */
static void
test_returned (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_node p = esc_cell (u, f), q = esc_cell (u, f);
  esc_addr (u, f, p, x);
  esc_copy (u, f, q, p);
  esc_return (u, f, q);

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node o = esc_object (u, h);
  esc_node po = addr_of (u, h, o);
  esc_return (u, h, po);

  /* Through esc_return_value directly: return_value = &y.  */
  esc_fn k = define (u, "k", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, k);
  esc_copy (u, k, esc_return_value (u, k), addr_of (u, k, y));

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, x, ESC_R_RETURNED, NULL, 0);
  EXPECT_OBJ (u, h, o, ESC_R_RETURNED, NULL, 0);
  EXPECT_OBJ (u, k, y, ESC_R_RETURNED, NULL, 0);
  char buf[64];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf), "returned to caller");
  esc_unit_free (u);
}

/* int *g;
   void f (void) { int x; g = &x; }
   void h (void) { int y; int **p = &g; *p = &y; }
   void k (void) { int z; int *t = &z; int **s; s = t; g = s; }  (copies)  */
static void
test_global (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_node g = esc_global (u, f, "g");
  set_addr (u, f, g, x);

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, h);
  esc_node gh = esc_global (u, h, "g");
  esc_node p = addr_of (u, h, gh);
  esc_store (u, h, p, addr_of (u, h, y));

  esc_fn k = define (u, "k", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, k);
  esc_node t = addr_of (u, k, z);
  esc_node s = esc_cell (u, k);
  esc_copy (u, k, s, t);
  esc_node gk = esc_global (u, k, "g");
  esc_copy (u, k, gk, s);

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, x, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, h, y, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, k, z, ESC_R_GLOBAL, "g", 0);
  char buf[64];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf), "stored in global 'g'");
  esc_unit_free (u);
}

/* void f (int **pp) { int x; *pp = &x; }
   void h (int *a, struct s *b) { int y; b->p = &y; }  (second parameter)  */
static void
test_param_store (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 1, "pp", NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_store (u, f, esc_param_value (u, f, 0), addr_of (u, f, x));

  esc_fn h = define (u, "h", 2, "a", "b", NULL);
  esc_node y = esc_object (u, h);
  esc_store (u, h, esc_param_value (u, h, 1), addr_of (u, h, y));

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, x, ESC_R_PARAM_STORE, "pp", 0);
  EXPECT_PARAM_NOESC (u, f, 0);
  EXPECT_OBJ (u, h, y, ESC_R_PARAM_STORE, "b", 0);
  EXPECT_PARAM_NOESC (u, h, 0);
  EXPECT_PARAM_NOESC (u, h, 1);
  char buf[64];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf), "stored through parameter 'pp'");
  esc_unit_free (u);
}

/* struct s { int *p; } *g;
   void f (void) { int x; struct s *o = malloc (..); g = o; o->p = &x; }
   void h (void) { int y; struct s s1; g = &s1; s1.p = &y; }
   int *h2 (void) { int z; struct s *o = malloc (..); o->p = &z; return o; }
   void h3 (struct s **out) { int w; struct s *o = malloc; o->p = &w;
			      *out = o; }  */
static void
test_memory (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_node o = esc_object (u, f);
  esc_node po = addr_of (u, f, o);
  esc_node g = esc_global (u, f, "g");
  esc_copy (u, f, g, po);
  esc_store (u, f, po, addr_of (u, f, x));

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, h);
  esc_node s1 = esc_object (u, h);
  esc_node gh = esc_global (u, h, "g");
  set_addr (u, h, gh, s1);
  set_addr (u, h, s1, y);

  esc_fn h2 = define (u, "h2", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, h2);
  esc_node o2 = esc_object (u, h2);
  esc_node po2 = addr_of (u, h2, o2);
  esc_store (u, h2, po2, addr_of (u, h2, z));
  esc_return (u, h2, po2);

  esc_fn h3 = define (u, "h3", 1, "out", NULL, NULL);
  esc_node w = esc_object (u, h3);
  esc_node o3 = esc_object (u, h3);
  esc_node po3 = addr_of (u, h3, o3);
  esc_store (u, h3, po3, addr_of (u, h3, w));
  esc_store (u, h3, esc_param_value (u, h3, 0), po3);

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, o, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, f, x, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, h, s1, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, h, y, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, h2, o2, ESC_R_RETURNED, NULL, 0);
  EXPECT_OBJ (u, h2, z, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, h3, o3, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_OBJ (u, h3, w, ESC_R_MEMORY, NULL, 0);
  char buf[64];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf), "stored in memory that escapes");
  esc_unit_free (u);
}

/* int *g;
   void keep (int *p) { g = p; }
   void keep2 (int *a, int *b) { g = b; }
   void f (void) { int x, y, z; keep (&x); keep2 (&y, &z); }  */
static void
test_call_keeps (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn keep = define (u, "keep", 1, "p", NULL, NULL);
  esc_node g = esc_global (u, keep, "g");
  esc_copy (u, keep, g, esc_param_value (u, keep, 0));

  esc_fn keep2 = define (u, "keep2", 2, "a", "b", NULL);
  esc_node g2 = esc_global (u, keep2, "g");
  esc_copy (u, keep2, g2, esc_param_value (u, keep2, 1));

  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f), y = esc_object (u, f), z = esc_object (u, f);
  CALL (u, f, keep, ESC_NO_NODE, addr_of (u, f, x));
  CALL (u, f, keep2, ESC_NO_NODE, addr_of (u, f, y), addr_of (u, f, z));

  esc_unit_solve (u);
  EXPECT_PARAM_ESC (u, keep, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_NOESC (u, keep2, 0);
  EXPECT_PARAM_ESC (u, keep2, 1, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, f, x, ESC_R_CALL_KEEPS, "keep", 1);
  EXPECT_NOESC (u, f, y);
  EXPECT_OBJ (u, f, z, ESC_R_CALL_KEEPS, "keep2", 2);
  char buf[80];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, z), buf,
			       sizeof buf),
	      "passed to 'keep2' (argument 2), which keeps it");
  esc_unit_free (u);
}

/* extern void ext (int, int *);  extern int **ext2 (void);
   void f (void) { int x; ext (0, &x); }
   void h (void) { int y; int **p = ext2 (); *p = &y; }
   void k (void) { int z; int **p = ext2 (); int *q = *p; ... }  (q unused)
   int v (int *a, ...) { return 0; }   void w (void) { int t, s; v (&t, &s); }
   The unknown callee is declared but its body is never begun.  */
static void
test_call_unknown (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext = decl (u, "ext");
  esc_fn ext2 = decl (u, "ext2");

  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  CALL (u, f, ext, ESC_NO_NODE, ESC_NO_NODE, addr_of (u, f, x));

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, h);
  esc_node p = esc_cell (u, h);
  esc_call (u, h, ext2, p, NULL, 0);
  esc_store (u, h, p, addr_of (u, h, y));

  esc_fn k = define (u, "k", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, k);
  esc_node pk = esc_cell (u, k), q = esc_cell (u, k);
  esc_call (u, k, ext2, pk, NULL, 0);
  esc_load (u, k, q, pk);
  esc_node loc = esc_object (u, k);	/* int *loc = &z; (a local) */
  set_addr (u, k, loc, z);

  esc_fn v = define (u, "v", 1, "a", NULL, NULL);
  esc_fn w = define (u, "w", 0, NULL, NULL, NULL);
  esc_node t = esc_object (u, w), s = esc_object (u, w);
  CALL (u, w, v, ESC_NO_NODE, addr_of (u, w, t), addr_of (u, w, s));

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, x, ESC_R_CALL_UNKNOWN, "ext", 2);
  EXPECT_OBJ (u, h, y, ESC_R_MEMORY, NULL, 0);
  EXPECT_NOESC (u, k, z);
  EXPECT_NOESC (u, k, loc);
  EXPECT_NOESC (u, w, t);
  EXPECT_OBJ (u, w, s, ESC_R_CALL_UNKNOWN, "v", 2);
  char buf[80];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf),
	      "passed to 'ext' (argument 2), which may keep it");
  esc_unit_free (u);
}

/* esc_escape with the reasons the extractor produces itself:
     pthread_create (&t, 0, fn, &a);	THREAD 'pthread_create'
     (long) &b;				INT_CAST
     asm ("" :: "r" (&c));		ASM
     fp (&d);				INDIRECT_CALL
     nested function using e		NESTED 'inner'
     something odd with &h_		UNSUPPORTED 'vla'
     libc keeps &i_ (setvbuf ...)	CALL_KEEPS 'setvbuf' 2
   A struct holding &j escapes with INT_CAST: j is stored in memory that
   escapes.  */
static void
test_escape_reasons (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  char name[32];
  esc_node objs[7];
  struct esc_reason reasons[7] = {
    { ESC_R_THREAD, NULL, 0 },
    { ESC_R_INT_CAST, NULL, 0 },
    { ESC_R_ASM, NULL, 0 },
    { ESC_R_INDIRECT_CALL, NULL, 0 },
    { ESC_R_NESTED, NULL, 0 },
    { ESC_R_UNSUPPORTED, NULL, 0 },
    { ESC_R_CALL_KEEPS, NULL, 2 },
  };
  const char *names[7] = { "pthread_create", NULL, NULL, NULL, "inner",
			   "vla", "setvbuf" };
  for (int i = 0; i < 7; i++)
    {
      objs[i] = esc_object (u, f);
      /* The name is passed in a buffer that is then overwritten: the
	 core must keep its own copy.  */
      struct esc_reason r = reasons[i];
      if (names[i])
	{
	  strcpy (name, names[i]);
	  r.name = name;
	}
      esc_escape (u, f, addr_of (u, f, objs[i]), r);
      strcpy (name, "clobbered");
    }
  esc_node j = esc_object (u, f), st = esc_object (u, f);
  set_addr (u, f, st, j);
  struct esc_reason ic = { ESC_R_INT_CAST, NULL, 0 };
  esc_escape (u, f, addr_of (u, f, st), ic);

  esc_unit_solve (u);
  for (int i = 0; i < 7; i++)
    {
      struct esc_reason got = esc_object_verdict (u, f, objs[i]);
      char buf[96];
      CHECK_MSG (reason_is (got, reasons[i].kind, names[i], reasons[i].argno),
		 "esc_escape with %s '%s': expected the object to escape for "
		 "that reason, got %s (\"%s\")", kind_name (reasons[i].kind),
		 names[i] ? names[i] : "NULL", kind_name (got.kind),
		 esc_reason_text (got, buf, sizeof buf));
    }
  EXPECT_OBJ (u, f, st, ESC_R_INT_CAST, NULL, 0);
  EXPECT_OBJ (u, f, j, ESC_R_MEMORY, NULL, 0);
  struct esc_reason th = esc_object_verdict (u, f, objs[0]);
  CHECK (th.name && th.name == esc_intern (u, "pthread_create"));
  char buf[96];
  EXPECT_STR (esc_reason_text (th, buf, sizeof buf),
	      "handed to another thread by 'pthread_create'");
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, objs[1]), buf,
			       sizeof buf), "converted to an integer");
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, objs[2]), buf,
			       sizeof buf), "used by inline assembly");
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, objs[3]), buf,
			       sizeof buf),
	      "passed to a function through a pointer");
  esc_unit_free (u);
}

/* void use (int *p) { int v = *p; }	(reads, keeps nothing)
   void f (void) { int x; use (&x); }
   void h (void) { int y; int *p = &y; int **pp = &p; struct s s1;
		   s1.f = &y; int *q = s1.f; }
   void k (void) { int z; int *a = &z; int **pa = &a; int *b = *pa;
		   *pa = b; int *c; int **pc = &c; *pc = *pa; }  */
static void
test_no_escape (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn use = define (u, "use", 1, "p", NULL, NULL);
  esc_node v = esc_cell (u, use);
  esc_load (u, use, v, esc_param_value (u, use, 0));

  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  CALL (u, f, use, ESC_NO_NODE, addr_of (u, f, x));

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, h);
  esc_node p = esc_object (u, h);	/* address taken below */
  set_addr (u, h, p, y);
  esc_node pp = addr_of (u, h, p);
  esc_node s1 = esc_object (u, h);
  set_addr (u, h, s1, y);
  esc_node q = esc_cell (u, h);
  esc_copy (u, h, q, s1);
  (void) pp;

  esc_fn k = define (u, "k", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, k);
  esc_node a = esc_object (u, k);
  set_addr (u, k, a, z);
  esc_node pa = addr_of (u, k, a);
  esc_node b = esc_cell (u, k);
  esc_load (u, k, b, pa);
  esc_store (u, k, pa, b);
  esc_node c = esc_object (u, k);
  esc_node pc = addr_of (u, k, c);
  esc_node t = esc_cell (u, k);
  esc_load (u, k, t, pa);
  esc_store (u, k, pc, t);

  esc_unit_solve (u);
  EXPECT_PARAM_NOESC (u, use, 0);
  EXPECT_NOESC (u, f, x);
  EXPECT_NOESC (u, h, y);
  EXPECT_NOESC (u, h, p);
  EXPECT_NOESC (u, h, s1);
  EXPECT_NOESC (u, k, z);
  EXPECT_NOESC (u, k, a);
  EXPECT_NOESC (u, k, c);
  char buf[64];
  EXPECT_STR (esc_reason_text (esc_object_verdict (u, f, x), buf,
			       sizeof buf), "does not escape");
  esc_unit_free (u);
}

/* Parameter verdicts.
   void none (int *p) { int v = *p; }
   int *ret (int *p) { return p; }
   int **retmem (int *p) { int **m = malloc (..); *m = p; return m; }
   void glob (int *p) { g = p; }
   void put (int **dst, int *v) { *dst = v; }
   void deep (int ***dst, int *v) { **dst = v; }
   void unk (int *p) { ext (p); }
   void content (int **pp) { g = *pp; }	(pp itself does not escape)
   void anon (int *, int *);  with the second stored through the first
   int *mixed (int *a, int *b, int *c) { g = b; return c; }  */
static void
test_param_verdicts (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext = decl (u, "ext");

  esc_fn none = define (u, "none", 1, "p", NULL, NULL);
  esc_node v = esc_cell (u, none);
  esc_load (u, none, v, esc_param_value (u, none, 0));

  esc_fn ret = define (u, "ret", 1, "p", NULL, NULL);
  esc_return (u, ret, esc_param_value (u, ret, 0));

  esc_fn retmem = define (u, "retmem", 1, "p", NULL, NULL);
  esc_node m = esc_object (u, retmem);
  esc_node pm = addr_of (u, retmem, m);
  esc_store (u, retmem, pm, esc_param_value (u, retmem, 0));
  esc_return (u, retmem, pm);

  esc_fn glob = define (u, "glob", 1, "p", NULL, NULL);
  esc_copy (u, glob, esc_global (u, glob, "g"), esc_param_value (u, glob, 0));

  esc_fn put = define (u, "put", 2, "dst", "v", NULL);
  esc_store (u, put, esc_param_value (u, put, 0), esc_param_value (u, put, 1));

  esc_fn deep = define (u, "deep", 2, "dst", "v", NULL);
  esc_node d1 = esc_cell (u, deep);
  esc_load (u, deep, d1, esc_param_value (u, deep, 0));
  esc_store (u, deep, d1, esc_param_value (u, deep, 1));

  esc_fn unk = define (u, "unk", 1, "p", NULL, NULL);
  CALL (u, unk, ext, ESC_NO_NODE, esc_param_value (u, unk, 0));

  esc_fn content = define (u, "content", 1, "pp", NULL, NULL);
  esc_node c1 = esc_cell (u, content);
  esc_load (u, content, c1, esc_param_value (u, content, 0));
  esc_copy (u, content, esc_global (u, content, "g"), c1);

  esc_fn anon = decl (u, "anon");
  esc_fn_begin (u, anon, 2, NULL);
  esc_store (u, anon, esc_param_value (u, anon, 0),
	     esc_param_value (u, anon, 1));

  esc_fn mixed = define (u, "mixed", 3, "a", "b", "c");
  esc_copy (u, mixed, esc_global (u, mixed, "g2"),
	    esc_param_value (u, mixed, 1));
  esc_return (u, mixed, esc_param_value (u, mixed, 2));

  esc_unit_solve (u);
  EXPECT_PARAM_NOESC (u, none, 0);
  EXPECT_PARAM_LEAKS (u, ret, 0);
  EXPECT_PARAM_LEAKS (u, retmem, 0);
  EXPECT_OBJ (u, retmem, m, ESC_R_RETURNED, NULL, 0);
  EXPECT_PARAM_ESC (u, glob, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_NOESC (u, put, 0);
  EXPECT_PARAM_ESC (u, put, 1, ESC_R_PARAM_STORE, "dst", 0);
  EXPECT_PARAM_NOESC (u, deep, 0);
  EXPECT_PARAM_ESC (u, deep, 1, ESC_R_PARAM_STORE, "dst", 0);
  EXPECT_PARAM_ESC (u, unk, 0, ESC_R_CALL_UNKNOWN, "ext", 1);
  EXPECT_PARAM_NOESC (u, content, 0);
  /* What pp points to holds the pointer that goes to g: its contents
     escape, with that reason; none's, put's and deep's do not.  */
  struct esc_param_verdict cv = esc_param_verdict (u, content, 0);
  CHECK (cv.contents_escape && cv.contents_reason.kind == ESC_R_GLOBAL
	 && !strcmp (cv.contents_reason.name, "g"));
  CHECK (!esc_param_verdict (u, none, 0).contents_escape);
  CHECK (!esc_param_verdict (u, put, 0).contents_escape);
  CHECK (!esc_param_verdict (u, deep, 0).contents_escape);
  EXPECT_PARAM_NOESC (u, anon, 0);
  EXPECT_PARAM_ESC (u, anon, 1, ESC_R_PARAM_STORE, NULL, 0);
  EXPECT_PARAM_NOESC (u, mixed, 0);
  EXPECT_PARAM_ESC (u, mixed, 1, ESC_R_GLOBAL, "g2", 0);
  EXPECT_PARAM_LEAKS (u, mixed, 2);
  esc_unit_free (u);
}

/* Summaries across three levels.
   void c (int *p) { g = p; }     void b (int *p) { c (p); }
   void a (int *p) { b (p); }     void m (void) { int x; a (&x); }
   void c2 (int *p) { int v = *p; }   void b2 (int *p) { c2 (p); }
   void a2 (int *p) { b2 (p); }       void m2 (void) { int y; a2 (&y); }
   int *c3 (int *p) { return p; }  int *b3 (int *p) { return c3 (p); }
   int *a3 (int *p) { return b3 (p); }
   int *m3 (void) { int z; return a3 (&z); }
   void m4 (void) { int w; int *r = a3 (&w); }
   void c5 (int **d, int *v) { *d = v; }
   void b5 (int **d, int *v) { c5 (d, v); }
   void a5 (int **d, int *v) { b5 (d, v); }
   void m5 (void) { int s; a5 (&g, &s); }   void m6 (int **out)
   { int t; a5 (out, &t); }   void m7 (void) { int q; int *l; a5 (&l, &q); }
   Declared leaves first, callers last, and bodies in the other order.  */
static void
test_three_levels (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn m = decl (u, "m"), a = decl (u, "a"), b = decl (u, "b");
  esc_fn c = decl (u, "c");

  begin (u, m, 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m);
  CALL (u, m, a, ESC_NO_NODE, addr_of (u, m, x));
  begin (u, a, 1, "p", NULL, NULL);
  CALL (u, a, b, ESC_NO_NODE, esc_param_value (u, a, 0));
  begin (u, b, 1, "p", NULL, NULL);
  CALL (u, b, c, ESC_NO_NODE, esc_param_value (u, b, 0));
  begin (u, c, 1, "p", NULL, NULL);
  esc_copy (u, c, esc_global (u, c, "g"), esc_param_value (u, c, 0));

  esc_fn c2 = define (u, "c2", 1, "p", NULL, NULL);
  esc_load (u, c2, esc_cell (u, c2), esc_param_value (u, c2, 0));
  esc_fn b2 = define (u, "b2", 1, "p", NULL, NULL);
  CALL (u, b2, c2, ESC_NO_NODE, esc_param_value (u, b2, 0));
  esc_fn a2 = define (u, "a2", 1, "p", NULL, NULL);
  CALL (u, a2, b2, ESC_NO_NODE, esc_param_value (u, a2, 0));
  esc_fn m2 = define (u, "m2", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, m2);
  CALL (u, m2, a2, ESC_NO_NODE, addr_of (u, m2, y));

  esc_fn c3 = define (u, "c3", 1, "p", NULL, NULL);
  esc_return (u, c3, esc_param_value (u, c3, 0));
  esc_fn b3 = define (u, "b3", 1, "p", NULL, NULL);
  esc_node rb = esc_cell (u, b3);
  CALL (u, b3, c3, rb, esc_param_value (u, b3, 0));
  esc_return (u, b3, rb);
  esc_fn a3 = define (u, "a3", 1, "p", NULL, NULL);
  esc_node ra = esc_cell (u, a3);
  CALL (u, a3, b3, ra, esc_param_value (u, a3, 0));
  esc_return (u, a3, ra);
  esc_fn m3 = define (u, "m3", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, m3);
  esc_node rm = esc_cell (u, m3);
  CALL (u, m3, a3, rm, addr_of (u, m3, z));
  esc_return (u, m3, rm);
  esc_fn m4 = define (u, "m4", 0, NULL, NULL, NULL);
  esc_node w = esc_object (u, m4);
  CALL (u, m4, a3, esc_cell (u, m4), addr_of (u, m4, w));

  esc_fn c5 = define (u, "c5", 2, "d", "v", NULL);
  esc_store (u, c5, esc_param_value (u, c5, 0), esc_param_value (u, c5, 1));
  esc_fn b5 = define (u, "b5", 2, "d", "v", NULL);
  CALL (u, b5, c5, ESC_NO_NODE, esc_param_value (u, b5, 0),
	esc_param_value (u, b5, 1));
  esc_fn a5 = define (u, "a5", 2, "d", "v", NULL);
  CALL (u, a5, b5, ESC_NO_NODE, esc_param_value (u, a5, 0),
	esc_param_value (u, a5, 1));
  esc_fn m5 = define (u, "m5", 0, NULL, NULL, NULL);
  esc_node s = esc_object (u, m5);
  esc_node g5 = esc_global (u, m5, "g");
  CALL (u, m5, a5, ESC_NO_NODE, addr_of (u, m5, g5), addr_of (u, m5, s));
  esc_fn m6 = define (u, "m6", 1, "out", NULL, NULL);
  esc_node t = esc_object (u, m6);
  CALL (u, m6, a5, ESC_NO_NODE, esc_param_value (u, m6, 0),
	addr_of (u, m6, t));
  esc_fn m7 = define (u, "m7", 0, NULL, NULL, NULL);
  esc_node q = esc_object (u, m7), l = esc_object (u, m7);
  CALL (u, m7, a5, ESC_NO_NODE, addr_of (u, m7, l), addr_of (u, m7, q));

  esc_unit_solve (u);
  EXPECT_PARAM_ESC (u, c, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, b, 0, ESC_R_CALL_KEEPS, "c", 1);
  EXPECT_PARAM_ESC (u, a, 0, ESC_R_CALL_KEEPS, "b", 1);
  EXPECT_OBJ (u, m, x, ESC_R_CALL_KEEPS, "a", 1);

  EXPECT_PARAM_NOESC (u, c2, 0);
  EXPECT_PARAM_NOESC (u, b2, 0);
  EXPECT_PARAM_NOESC (u, a2, 0);
  EXPECT_NOESC (u, m2, y);

  EXPECT_PARAM_LEAKS (u, c3, 0);
  EXPECT_PARAM_LEAKS (u, b3, 0);
  EXPECT_PARAM_LEAKS (u, a3, 0);
  EXPECT_OBJ (u, m3, z, ESC_R_RETURNED, NULL, 0);
  EXPECT_NOESC (u, m4, w);

  EXPECT_PARAM_NOESC (u, a5, 0);
  EXPECT_PARAM_ESC (u, a5, 1, ESC_R_PARAM_STORE, "d", 0);
  EXPECT_PARAM_ESC (u, b5, 1, ESC_R_PARAM_STORE, "d", 0);
  EXPECT_OBJ (u, m5, s, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, m6, t, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_NOESC (u, m7, q);
  EXPECT_NOESC (u, m7, l);
  esc_unit_free (u);
}

/* int *id (int *p) { return p; }
   void f0 (void) { int x; id (&x); }
   void f1 (void) { int x; int *r = id (&x); }
   int *f2 (void) { int x; int *r = id (&x); return r; }
   void f3 (void) { int x; g = id (&x); }
   void f4 (void) { int x, y; g = id (&x); int *r = id (&y); }
		(each call site is instantiated on its own)
   void f5 (void) { int x; int *l; l = id (&x); int **pl = &l; }
   int *get (int **pp) { return *pp; }
   void f6 (void) { int x; int *p = &x; g = get (&p); }
   void f7 (void) { int x; int *p = &x; int *r = get (&p); }  */
static void
test_returns_argument (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn id = define (u, "id", 1, "p", NULL, NULL);
  esc_return (u, id, esc_param_value (u, id, 0));

  esc_fn f0 = define (u, "f0", 0, NULL, NULL, NULL);
  esc_node x0 = esc_object (u, f0);
  CALL (u, f0, id, ESC_NO_NODE, addr_of (u, f0, x0));

  esc_fn f1 = define (u, "f1", 0, NULL, NULL, NULL);
  esc_node x1 = esc_object (u, f1);
  CALL (u, f1, id, esc_cell (u, f1), addr_of (u, f1, x1));

  esc_fn f2 = define (u, "f2", 0, NULL, NULL, NULL);
  esc_node x2 = esc_object (u, f2);
  esc_node r2 = esc_cell (u, f2);
  CALL (u, f2, id, r2, addr_of (u, f2, x2));
  esc_return (u, f2, r2);

  esc_fn f3 = define (u, "f3", 0, NULL, NULL, NULL);
  esc_node x3 = esc_object (u, f3);
  esc_node r3 = esc_cell (u, f3);
  CALL (u, f3, id, r3, addr_of (u, f3, x3));
  esc_copy (u, f3, esc_global (u, f3, "g"), r3);

  esc_fn f4 = define (u, "f4", 0, NULL, NULL, NULL);
  esc_node x4 = esc_object (u, f4), y4 = esc_object (u, f4);
  esc_node r4 = esc_cell (u, f4), s4 = esc_cell (u, f4);
  CALL (u, f4, id, r4, addr_of (u, f4, x4));
  esc_copy (u, f4, esc_global (u, f4, "g"), r4);
  CALL (u, f4, id, s4, addr_of (u, f4, y4));

  esc_fn f5 = define (u, "f5", 0, NULL, NULL, NULL);
  esc_node x5 = esc_object (u, f5), l5 = esc_object (u, f5);
  esc_node r5 = esc_cell (u, f5);
  CALL (u, f5, id, r5, addr_of (u, f5, x5));
  esc_copy (u, f5, l5, r5);
  (void) addr_of (u, f5, l5);

  esc_fn get = define (u, "get", 1, "pp", NULL, NULL);
  esc_node gv = esc_cell (u, get);
  esc_load (u, get, gv, esc_param_value (u, get, 0));
  esc_return (u, get, gv);

  esc_fn f6 = define (u, "f6", 0, NULL, NULL, NULL);
  esc_node x6 = esc_object (u, f6), p6 = esc_object (u, f6);
  set_addr (u, f6, p6, x6);
  esc_node r6 = esc_cell (u, f6);
  CALL (u, f6, get, r6, addr_of (u, f6, p6));
  esc_copy (u, f6, esc_global (u, f6, "g"), r6);

  esc_fn f7 = define (u, "f7", 0, NULL, NULL, NULL);
  esc_node x7 = esc_object (u, f7), p7 = esc_object (u, f7);
  set_addr (u, f7, p7, x7);
  CALL (u, f7, get, esc_cell (u, f7), addr_of (u, f7, p7));

  esc_unit_solve (u);
  EXPECT_PARAM_LEAKS (u, id, 0);
  EXPECT_NOESC (u, f0, x0);
  EXPECT_NOESC (u, f1, x1);
  EXPECT_OBJ (u, f2, x2, ESC_R_RETURNED, NULL, 0);
  EXPECT_OBJ (u, f3, x3, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, f4, x4, ESC_R_GLOBAL, "g", 0);
  EXPECT_NOESC (u, f4, y4);
  EXPECT_NOESC (u, f5, x5);
  EXPECT_NOESC (u, f5, l5);
  EXPECT_PARAM_NOESC (u, get, 0);
  EXPECT_OBJ (u, f6, x6, ESC_R_GLOBAL, "g", 0);
  EXPECT_NOESC (u, f6, p6);
  EXPECT_NOESC (u, f7, x7);
  EXPECT_NOESC (u, f7, p7);
  esc_unit_free (u);
}

/* void put (int **dst, int *v) { *dst = v; }
   int *g;
   void a (void) { int x; put (&g, &x); }	   x escapes: stored in g
   void b (void) { int y; int *l; put (&l, &y); }  no escape
   int *c (void) { int z; int *l; put (&l, &z); return l; }
   void d (int **out) { int w; put (out, &w); }
   void e (void) { int v; int *l; put (&l, &v); g = l; }
   void h (void) { int s; int **pg; pg = &g; put (pg, &s); }  */
static void
test_store_through_arg (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn put = define (u, "put", 2, "dst", "v", NULL);
  esc_store (u, put, esc_param_value (u, put, 0), esc_param_value (u, put, 1));

  esc_fn a = define (u, "a", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, a);
  esc_node ga = esc_global (u, a, "g");
  CALL (u, a, put, ESC_NO_NODE, addr_of (u, a, ga), addr_of (u, a, x));

  esc_fn b = define (u, "b", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, b), lb = esc_object (u, b);
  CALL (u, b, put, ESC_NO_NODE, addr_of (u, b, lb), addr_of (u, b, y));

  esc_fn c = define (u, "c", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, c), lc = esc_object (u, c);
  CALL (u, c, put, ESC_NO_NODE, addr_of (u, c, lc), addr_of (u, c, z));
  esc_node rc = esc_cell (u, c);
  esc_copy (u, c, rc, lc);
  esc_return (u, c, rc);

  esc_fn d = define (u, "d", 1, "out", NULL, NULL);
  esc_node w = esc_object (u, d);
  CALL (u, d, put, ESC_NO_NODE, esc_param_value (u, d, 0), addr_of (u, d, w));

  esc_fn e = define (u, "e", 0, NULL, NULL, NULL);
  esc_node v = esc_object (u, e), le = esc_object (u, e);
  CALL (u, e, put, ESC_NO_NODE, addr_of (u, e, le), addr_of (u, e, v));
  esc_node te = esc_cell (u, e);
  esc_copy (u, e, te, le);
  esc_copy (u, e, esc_global (u, e, "g"), te);

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node s = esc_object (u, h);
  esc_node pg = esc_cell (u, h);
  esc_addr (u, h, pg, esc_global (u, h, "g"));
  CALL (u, h, put, ESC_NO_NODE, pg, addr_of (u, h, s));

  esc_unit_solve (u);
  EXPECT_PARAM_NOESC (u, put, 0);
  EXPECT_PARAM_ESC (u, put, 1, ESC_R_PARAM_STORE, "dst", 0);
  EXPECT_OBJ (u, a, x, ESC_R_GLOBAL, "g", 0);
  EXPECT_NOESC (u, b, y);
  EXPECT_NOESC (u, b, lb);
  EXPECT_OBJ (u, c, z, ESC_R_RETURNED, NULL, 0);
  EXPECT_NOESC (u, c, lc);
  EXPECT_OBJ (u, d, w, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_OBJ (u, e, v, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, h, s, ESC_R_GLOBAL, "g", 0);
  esc_unit_free (u);
}

/* int **g;
   void f (void) { int x; int **p = g; *p = &x; }   x: stored in memory that
   escapes (g's pointee is outside the function).
   void h (void) { int y; int **p; p = g; int **q = p; *q = &y; }
   void k (void) { int *t; int z; int **p = g; t = *p; *t... }   (loads only:
   z, whose address is never stored, does not escape)
   void n (void) { int w; int *p = (int *) 0x1234; *(int **) p = &w; }
   (unknown memory)  */
static void
test_loaded_global (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_node p = esc_cell (u, f);
  esc_copy (u, f, p, esc_global (u, f, "g"));
  esc_store (u, f, p, addr_of (u, f, x));

  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, h);
  esc_node ph = esc_cell (u, h), qh = esc_cell (u, h);
  esc_copy (u, h, ph, esc_global (u, h, "g"));
  esc_copy (u, h, qh, ph);
  esc_store (u, h, qh, addr_of (u, h, y));

  esc_fn k = define (u, "k", 0, NULL, NULL, NULL);
  esc_node z = esc_object (u, k);
  esc_node pk = esc_cell (u, k), tk = esc_cell (u, k);
  esc_copy (u, k, pk, esc_global (u, k, "g"));
  esc_load (u, k, tk, pk);
  esc_node lz = esc_object (u, k);
  set_addr (u, k, lz, z);

  esc_fn n = define (u, "n", 0, NULL, NULL, NULL);
  esc_node wv = esc_object (u, n);
  esc_node pn = addr_of (u, n, esc_unknown (u, n));
  esc_store (u, n, pn, addr_of (u, n, wv));

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, x, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, h, y, ESC_R_MEMORY, NULL, 0);
  EXPECT_NOESC (u, k, z);
  EXPECT_NOESC (u, k, lz);
  EXPECT_OBJ (u, n, wv, ESC_R_MEMORY, NULL, 0);
  esc_unit_free (u);
}

/* Recursion.
   void r1 (int *p, int n) { if (n) r1 (p, n - 1); }    (keeps nothing)
   void r2 (int *p) { r2 (p); g = p; }		   (call before the store)
   void a (int *p) { b (p); }  void b (int *q) { g = q; a (q); }
   void m (void) { int x, y, z; r1 (&x, 3); r2 (&y); a (&z); }
   void c (int *p, int *q) { d (q, p); }
   void d (int *s, int *t) { g = s; c (t, s); }
   (d's first and c's second parameter escape; the others do not)
   void k (int *p) { l (p); }   void l (int *p) { k (p); keep (p); }
   void keep (int *p) { g = p; }  (escape from outside the component)
   int *rr (int *p, int n) { int loc; if (n) return rr (&loc, n - 1);
			     return p; }   (loc really escapes)  */
static void
test_recursion (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn r1 = define (u, "r1", 2, "p", "n", NULL);
  CALL (u, r1, r1, ESC_NO_NODE, esc_param_value (u, r1, 0), ESC_NO_NODE);

  esc_fn r2 = define (u, "r2", 1, "p", NULL, NULL);
  CALL (u, r2, r2, ESC_NO_NODE, esc_param_value (u, r2, 0));
  esc_copy (u, r2, esc_global (u, r2, "g"), esc_param_value (u, r2, 0));

  esc_fn a = decl (u, "a"), b = decl (u, "b");
  begin (u, a, 1, "p", NULL, NULL);
  CALL (u, a, b, ESC_NO_NODE, esc_param_value (u, a, 0));
  begin (u, b, 1, "q", NULL, NULL);
  esc_copy (u, b, esc_global (u, b, "g"), esc_param_value (u, b, 0));
  CALL (u, b, a, ESC_NO_NODE, esc_param_value (u, b, 0));

  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m), y = esc_object (u, m), z = esc_object (u, m);
  CALL (u, m, r1, ESC_NO_NODE, addr_of (u, m, x), ESC_NO_NODE);
  CALL (u, m, r2, ESC_NO_NODE, addr_of (u, m, y));
  CALL (u, m, a, ESC_NO_NODE, addr_of (u, m, z));

  esc_fn c = decl (u, "c"), d = decl (u, "d");
  begin (u, c, 2, "p", "q", NULL);
  CALL (u, c, d, ESC_NO_NODE, esc_param_value (u, c, 1),
	esc_param_value (u, c, 0));
  begin (u, d, 2, "s", "t", NULL);
  esc_copy (u, d, esc_global (u, d, "g"), esc_param_value (u, d, 0));
  CALL (u, d, c, ESC_NO_NODE, esc_param_value (u, d, 1),
	esc_param_value (u, d, 0));
  esc_fn mc = define (u, "mc", 0, NULL, NULL, NULL);
  esc_node cp = esc_object (u, mc), cq = esc_object (u, mc);
  CALL (u, mc, c, ESC_NO_NODE, addr_of (u, mc, cp), addr_of (u, mc, cq));

  esc_fn keep = decl (u, "keep");
  esc_fn k = define (u, "k", 1, "p", NULL, NULL);
  esc_fn l = decl (u, "l");
  CALL (u, k, l, ESC_NO_NODE, esc_param_value (u, k, 0));
  begin (u, l, 1, "p", NULL, NULL);
  CALL (u, l, k, ESC_NO_NODE, esc_param_value (u, l, 0));
  CALL (u, l, keep, ESC_NO_NODE, esc_param_value (u, l, 0));
  begin (u, keep, 1, "p", NULL, NULL);
  esc_copy (u, keep, esc_global (u, keep, "g"), esc_param_value (u, keep, 0));
  esc_fn mk = define (u, "mk", 0, NULL, NULL, NULL);
  esc_node kx = esc_object (u, mk);
  CALL (u, mk, k, ESC_NO_NODE, addr_of (u, mk, kx));

  esc_fn rr = define (u, "rr", 2, "p", "n", NULL);
  esc_node loc = esc_object (u, rr);
  esc_node rres = esc_cell (u, rr);
  CALL (u, rr, rr, rres, addr_of (u, rr, loc), ESC_NO_NODE);
  esc_return (u, rr, rres);
  esc_return (u, rr, esc_param_value (u, rr, 0));

  /* void sr (int *p) { int x; sr (&x); }: x is only the callee's
     pointee.  */
  esc_fn sr = define (u, "sr", 1, "p", NULL, NULL);
  esc_node srx = esc_object (u, sr);
  CALL (u, sr, sr, ESC_NO_NODE, addr_of (u, sr, srx));

  esc_unit_solve (u);
  EXPECT_NOESC (u, sr, srx);
  EXPECT_PARAM_NOESC (u, sr, 0);
  EXPECT_PARAM_NOESC (u, r1, 0);
  EXPECT_NOESC (u, m, x);
  EXPECT_PARAM_ESC (u, r2, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, m, y, ESC_R_CALL_KEEPS, "r2", 1);
  EXPECT_PARAM_ESC (u, a, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, b, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, m, z, ESC_R_CALL_KEEPS, "a", 1);

  EXPECT_PARAM_NOESC (u, c, 0);
  EXPECT_PARAM_ESC (u, c, 1, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, d, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_NOESC (u, d, 1);
  EXPECT_NOESC (u, mc, cp);
  EXPECT_OBJ (u, mc, cq, ESC_R_CALL_KEEPS, "c", 2);

  EXPECT_PARAM_ESC (u, keep, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, l, 0, ESC_R_CALL_KEEPS, "keep", 1);
  EXPECT_PARAM_ESC (u, k, 0, ESC_R_CALL_KEEPS, "keep", 1);
  EXPECT_OBJ (u, mk, kx, ESC_R_CALL_KEEPS, "k", 1);

  EXPECT_OBJ (u, rr, loc, ESC_R_RETURNED, NULL, 0);
  EXPECT_PARAM_LEAKS (u, rr, 0);
  esc_unit_free (u);
}

/* The same mutual recursion with the bodies in every order, and the
   storing function first or second:
   void a (int *p) { b (p); }   void b (int *q) { g = q; a (q); }
   void m (void) { int x; a (&x); int y; b (&y); }  */
static void
test_recursion_orders (void)
{
  for (int order = 0; order < 6; order++)
    {
      struct esc_unit *u = esc_unit_new ();
      esc_fn fa = 0, fb = 0, fm = 0;
      /* Declaration order.  */
      static const int perms[6][3] = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
				       { 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };
      for (int i = 0; i < 3; i++)
	switch (perms[order][i])
	  {
	  case 0: fa = decl (u, "a"); break;
	  case 1: fb = decl (u, "b"); break;
	  default: fm = decl (u, "m"); break;
	  }
      esc_node x = 0, y = 0;
      /* Body order: the reverse of the declaration order.  */
      for (int i = 2; i >= 0; i--)
	switch (perms[order][i])
	  {
	  case 0:
	    begin (u, fa, 1, "p", NULL, NULL);
	    CALL (u, fa, fb, ESC_NO_NODE, esc_param_value (u, fa, 0));
	    break;
	  case 1:
	    begin (u, fb, 1, "q", NULL, NULL);
	    esc_copy (u, fb, esc_global (u, fb, "g"),
		      esc_param_value (u, fb, 0));
	    CALL (u, fb, fa, ESC_NO_NODE, esc_param_value (u, fb, 0));
	    break;
	  default:
	    begin (u, fm, 0, NULL, NULL, NULL);
	    x = esc_object (u, fm);
	    CALL (u, fm, fa, ESC_NO_NODE, addr_of (u, fm, x));
	    y = esc_object (u, fm);
	    CALL (u, fm, fb, ESC_NO_NODE, addr_of (u, fm, y));
	    break;
	  }
      esc_unit_solve (u);
      EXPECT_PARAM_ESC (u, fa, 0, ESC_R_GLOBAL, "g", 0);
      EXPECT_PARAM_ESC (u, fb, 0, ESC_R_GLOBAL, "g", 0);
      EXPECT_OBJ (u, fm, x, ESC_R_CALL_KEEPS, "a", 1);
      EXPECT_OBJ (u, fm, y, ESC_R_CALL_KEEPS, "b", 1);
      esc_unit_free (u);
    }
}

/* Declaration order does not matter: the caller's body is complete before
   the callee is even declared, or declared but begun afterwards.
   void m (void) { int x; keep (&x); int y; noop (&y); }
   void keep (int *p) { g = p; }   void noop (int *p) { }  */
static void
test_callee_after_caller (void)
{
  for (int variant = 0; variant < 2; variant++)
    {
      struct esc_unit *u = esc_unit_new ();
      esc_fn keep = 0, noop = 0;
      if (variant == 1)
	{
	  keep = decl (u, "keep");
	  noop = decl (u, "noop");
	}
      esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
      if (variant == 0)
	{
	  keep = decl (u, "keep");
	  noop = decl (u, "noop");
	}
      esc_node x = esc_object (u, m), y = esc_object (u, m);
      CALL (u, m, keep, ESC_NO_NODE, addr_of (u, m, x));
      CALL (u, m, noop, ESC_NO_NODE, addr_of (u, m, y));
      begin (u, noop, 1, "p", NULL, NULL);
      begin (u, keep, 1, "p", NULL, NULL);
      esc_copy (u, keep, esc_global (u, keep, "g"),
		esc_param_value (u, keep, 0));
      esc_unit_solve (u);
      EXPECT_OBJ (u, m, x, ESC_R_CALL_KEEPS, "keep", 1);
      EXPECT_NOESC (u, m, y);
      esc_unit_free (u);
    }
}

/* Determinism: the first reason in statement order wins.
   void f1 (void) { int x; pthread_create (.., &x); (long) &x; }  THREAD
   void f2 (void) { int x; (long) &x; pthread_create (.., &x); }  INT_CAST
   void f3 (void) { int x; g1 = &x; g2 = &x; }			 g1
   void f4 (void) { int x; g2 = &x; g1 = &x; }			 g2
   void f5 (void) { int x; g = &x; pthread_create (.., &x); }	 GLOBAL
   void f6 (void) { int x; pthread_create (.., &x); g = &x; }	 THREAD
   void f7 (void) { int x; keep1 (&x); keep2 (&x); }		 keep1
   void f8 (void) { int x; keep2 (&x); ext (&x); }		 keep2
   void f9 (void) { int x; ext (&x); keep1 (&x); }		 ext
   void f10 (void) { int x; int *old = g; pthread_create (.., &x); g = &x; }
   THREAD: the global is mentioned before, but stored into after, the
   thread call.
   Solving the same program twice gives the same answers.  */
static void
build_determinism (struct esc_unit *u, esc_fn *fns, esc_node *xs)
{
  struct esc_reason thread = { ESC_R_THREAD, "pthread_create", 0 };
  struct esc_reason cast = { ESC_R_INT_CAST, NULL, 0 };
  esc_fn keep1 = define (u, "keep1", 1, "p", NULL, NULL);
  esc_copy (u, keep1, esc_global (u, keep1, "k1"),
	    esc_param_value (u, keep1, 0));
  esc_fn keep2 = define (u, "keep2", 1, "p", NULL, NULL);
  esc_copy (u, keep2, esc_global (u, keep2, "k2"),
	    esc_param_value (u, keep2, 0));
  esc_fn ext = decl (u, "ext");
  char name[16];
  for (int i = 0; i < 10; i++)
    {
      snprintf (name, sizeof name, "f%d", i + 1);
      esc_fn f = fns[i] = define (u, name, 0, NULL, NULL, NULL);
      esc_node x = xs[i] = esc_object (u, f);
      switch (i + 1)
	{
	case 1:
	  esc_escape (u, f, addr_of (u, f, x), thread);
	  esc_escape (u, f, addr_of (u, f, x), cast);
	  break;
	case 2:
	  esc_escape (u, f, addr_of (u, f, x), cast);
	  esc_escape (u, f, addr_of (u, f, x), thread);
	  break;
	case 3:
	  set_addr (u, f, esc_global (u, f, "g1"), x);
	  set_addr (u, f, esc_global (u, f, "g2"), x);
	  break;
	case 4:
	  set_addr (u, f, esc_global (u, f, "g2"), x);
	  set_addr (u, f, esc_global (u, f, "g1"), x);
	  break;
	case 5:
	  set_addr (u, f, esc_global (u, f, "g"), x);
	  esc_escape (u, f, addr_of (u, f, x), thread);
	  break;
	case 6:
	  esc_escape (u, f, addr_of (u, f, x), thread);
	  set_addr (u, f, esc_global (u, f, "g"), x);
	  break;
	case 7:
	  CALL (u, f, keep1, ESC_NO_NODE, addr_of (u, f, x));
	  CALL (u, f, keep2, ESC_NO_NODE, addr_of (u, f, x));
	  break;
	case 8:
	  CALL (u, f, keep2, ESC_NO_NODE, addr_of (u, f, x));
	  CALL (u, f, ext, ESC_NO_NODE, addr_of (u, f, x));
	  break;
	case 9:
	  CALL (u, f, ext, ESC_NO_NODE, addr_of (u, f, x));
	  CALL (u, f, keep1, ESC_NO_NODE, addr_of (u, f, x));
	  break;
	case 10:
	  {
	    esc_node g = esc_global (u, f, "g");
	    esc_node old = esc_cell (u, f);
	    esc_copy (u, f, old, g);
	    esc_escape (u, f, addr_of (u, f, x), thread);
	    set_addr (u, f, g, x);
	  }
	  break;
	}
    }
}

static void
test_determinism (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn fns[10];
  esc_node xs[10];
  build_determinism (u, fns, xs);
  esc_unit_solve (u);
  EXPECT_OBJ (u, fns[0], xs[0], ESC_R_THREAD, "pthread_create", 0);
  EXPECT_OBJ (u, fns[1], xs[1], ESC_R_INT_CAST, NULL, 0);
  EXPECT_OBJ (u, fns[2], xs[2], ESC_R_GLOBAL, "g1", 0);
  EXPECT_OBJ (u, fns[3], xs[3], ESC_R_GLOBAL, "g2", 0);
  EXPECT_OBJ (u, fns[4], xs[4], ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, fns[5], xs[5], ESC_R_THREAD, "pthread_create", 0);
  EXPECT_OBJ (u, fns[6], xs[6], ESC_R_CALL_KEEPS, "keep1", 1);
  EXPECT_OBJ (u, fns[7], xs[7], ESC_R_CALL_KEEPS, "keep2", 1);
  EXPECT_OBJ (u, fns[8], xs[8], ESC_R_CALL_UNKNOWN, "ext", 1);
  /* A global counts from the first statement that mentions it (here a
     load from g before the thread), not from the store into it.  */
  EXPECT_OBJ (u, fns[9], xs[9], ESC_R_GLOBAL, "g", 0);

  /* A second unit with the same program agrees on every verdict.  */
  struct esc_unit *u2 = esc_unit_new ();
  esc_fn fns2[10];
  esc_node xs2[10];
  build_determinism (u2, fns2, xs2);
  esc_unit_solve (u2);
  int agree = 1;
  for (int i = 0; i < 10; i++)
    {
      struct esc_reason r1 = esc_object_verdict (u, fns[i], xs[i]);
      struct esc_reason r2 = esc_object_verdict (u2, fns2[i], xs2[i]);
      if (!reason_is (r2, r1.kind, r1.name, r1.argno))
	agree = 0;
    }
  CHECK_MSG (agree, "expected two solves of the same program to agree");
  esc_unit_free (u2);
  esc_unit_free (u);
}

/* Unification details.
   void f (void) { int x, y; struct s a, b; a.f = &x; b.f = &y;
		   struct s *p = &a; p = &b; g = p; }
   (a and b become one class, so x and y do too: all escape)
   void f2 (void) { int x; int **p = &g1; p = &g2; *p = &x; }   g1 first
   int **pick (void) { int **p = &g1; p = &g2; return p; }
   void m (void) { int y; int **p = pick (); *p = &y; }	 g1 first too
   int *rec (int n) { int x; int *r = rec (n - 1); g = r; return &x; }
   int *ma (int n) { int *r = mb (n); g = r; return 0; }
   int *mb (int n) { int y; ma (n); return &y; }
   (the results of calls inside a component are followed)  */
static void
test_unification_details (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f), y = esc_object (u, f);
  esc_node a = esc_object (u, f), b = esc_object (u, f);
  set_addr (u, f, a, x);
  set_addr (u, f, b, y);
  esc_node p = esc_cell (u, f);
  esc_addr (u, f, p, a);
  esc_addr (u, f, p, b);
  esc_copy (u, f, esc_global (u, f, "g"), p);

  esc_fn f2 = define (u, "f2", 0, NULL, NULL, NULL);
  esc_node x2 = esc_object (u, f2);
  esc_node p2 = esc_cell (u, f2);
  esc_addr (u, f2, p2, esc_global (u, f2, "g1"));
  esc_addr (u, f2, p2, esc_global (u, f2, "g2"));
  esc_store (u, f2, p2, addr_of (u, f2, x2));

  esc_fn pick = define (u, "pick", 0, NULL, NULL, NULL);
  esc_node pp = esc_cell (u, pick);
  esc_addr (u, pick, pp, esc_global (u, pick, "g1"));
  esc_addr (u, pick, pp, esc_global (u, pick, "g2"));
  esc_return (u, pick, pp);
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node ym = esc_object (u, m);
  esc_node pm = esc_cell (u, m);
  esc_call (u, m, pick, pm, NULL, 0);
  esc_store (u, m, pm, addr_of (u, m, ym));

  esc_fn rec = define (u, "rec", 1, "n", NULL, NULL);
  esc_node xr = esc_object (u, rec);
  esc_node rr = esc_cell (u, rec);
  CALL (u, rec, rec, rr, ESC_NO_NODE);
  esc_copy (u, rec, esc_global (u, rec, "g"), rr);
  esc_return (u, rec, addr_of (u, rec, xr));

  esc_fn ma = decl (u, "ma"), mb = decl (u, "mb");
  begin (u, ma, 1, "n", NULL, NULL);
  esc_node ra = esc_cell (u, ma);
  CALL (u, ma, mb, ra, ESC_NO_NODE);
  esc_copy (u, ma, esc_global (u, ma, "g"), ra);
  begin (u, mb, 1, "n", NULL, NULL);
  esc_node yb = esc_object (u, mb);
  CALL (u, mb, ma, ESC_NO_NODE, ESC_NO_NODE);
  esc_return (u, mb, addr_of (u, mb, yb));

  esc_unit_solve (u);
  EXPECT_OBJ (u, f, a, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, f, b, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, f, x, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, f, y, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, f2, x2, ESC_R_GLOBAL, "g1", 0);
  EXPECT_OBJ (u, m, ym, ESC_R_GLOBAL, "g1", 0);
  EXPECT_OBJ (u, rec, xr, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, mb, yb, ESC_R_GLOBAL, "g", 0);
  esc_unit_free (u);
}

/* Within one call, arguments are considered in order, as for an unknown
   callee: the object passed as both arguments of a callee that keeps both
   is reported for argument 1.
   void both (int *a, int *b) { g1 = a; g2 = b; }   extern void ext ();
   void m (void) { int x; both (&x, &x); }	CALL_KEEPS 'both' 1
   void n (void) { int y; ext (&y, &y); }	CALL_UNKNOWN 'ext' 1  */
static void
test_argument_order (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn both = define (u, "both", 2, "a", "b", NULL);
  esc_copy (u, both, esc_global (u, both, "g1"), esc_param_value (u, both, 0));
  esc_copy (u, both, esc_global (u, both, "g2"), esc_param_value (u, both, 1));
  esc_fn ext = decl (u, "ext");
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m);
  esc_node px = addr_of (u, m, x);
  CALL (u, m, both, ESC_NO_NODE, px, px);
  esc_fn n = define (u, "n", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, n);
  esc_node py = addr_of (u, n, y);
  CALL (u, n, ext, ESC_NO_NODE, py, py);
  esc_unit_solve (u);
  EXPECT_PARAM_ESC (u, both, 0, ESC_R_GLOBAL, "g1", 0);
  EXPECT_PARAM_ESC (u, both, 1, ESC_R_GLOBAL, "g2", 0);
  EXPECT_OBJ (u, n, y, ESC_R_CALL_UNKNOWN, "ext", 1);
  EXPECT_OBJ (u, m, x, ESC_R_CALL_KEEPS, "both", 1);
  esc_unit_free (u);
}

/* Random call graphs against a reference solver.  Each of K functions
   f (p0, p1) makes a few calls g (a0, a1) with each a_i one of p0, p1 or
   nothing, and some store p0 or p1 in a global; m_i (void) { int x, y;
   f_i (&x, &y); }.  The reference (ref_solve) follows the directed flow
   of each argument into its callee, whether the callee is in the same
   component of the call graph (wired directly) or not (a summary).
   Declaration and body orders are random.  */

enum { RK = 9, RMAXCALLS = 3 };

struct rand_prog
{
  int ncalls[RK];
  int callee[RK][RMAXCALLS];
  int arg[RK][RMAXCALLS][2];	/* 0, 1: that parameter; -1: none */
  int stores[RK][2];
};

static unsigned long rng_state;

static unsigned
rng (unsigned n)
{
  rng_state = rng_state * 6364136223846793005ul + 1442695040888963407ul;
  return (unsigned) ((rng_state >> 33) % n);
}

/* Reference verdicts: ESC[f][k] for parameter k of function f.  Flow is
   directed: a parameter escapes if it is stored, or passed to a callee
   whose parameter escapes; to a fixpoint, whatever the components.  */
static void
ref_solve (const struct rand_prog *pr, int esc[RK][2])
{
  for (int f = 0; f < RK; f++)
    for (int k = 0; k < 2; k++)
      esc[f][k] = pr->stores[f][k];
  for (int changed = 1; changed;)
    {
      changed = 0;
      for (int f = 0; f < RK; f++)
	for (int c = 0; c < pr->ncalls[f]; c++)
	  for (int i = 0; i < 2; i++)
	    {
	      int k = pr->arg[f][c][i];
	      if (k >= 0 && !esc[f][k] && esc[pr->callee[f][c]][i])
		esc[f][k] = changed = 1;
	    }
    }
}

static void
test_random_call_graphs (void)
{
  int mismatches = 0, first_seed = -1;
  for (int seed = 1; seed <= 300; seed++)
    {
      struct rand_prog pr;
      memset (&pr, 0, sizeof pr);
      rng_state = (unsigned long) seed;
      for (int f = 0; f < RK; f++)
	{
	  pr.ncalls[f] = (int) rng (RMAXCALLS + 1);
	  for (int c = 0; c < pr.ncalls[f]; c++)
	    {
	      pr.callee[f][c] = (int) rng (RK);
	      pr.arg[f][c][0] = (int) rng (3) - 1;
	      pr.arg[f][c][1] = (int) rng (3) - 1;
	    }
	  pr.stores[f][0] = rng (6) == 0;
	  pr.stores[f][1] = rng (6) == 0;
	}
      int esc[RK][2];
      ref_solve (&pr, esc);

      struct esc_unit *u = esc_unit_new ();
      esc_fn fs[RK], ms[RK];
      esc_node xs[RK][2];
      int perm[RK];
      char name[16];
      for (int i = 0; i < RK; i++)
	perm[i] = i;
      for (int i = RK - 1; i > 0; i--)
	{
	  int j = (int) rng ((unsigned) i + 1), t = perm[i];
	  perm[i] = perm[j];
	  perm[j] = t;
	}
      for (int i = 0; i < RK; i++)
	{
	  snprintf (name, sizeof name, "f%d", perm[i]);
	  fs[perm[i]] = decl (u, name);
	}
      for (int i = RK - 1; i > 0; i--)
	{
	  int j = (int) rng ((unsigned) i + 1), t = perm[i];
	  perm[i] = perm[j];
	  perm[j] = t;
	}
      for (int i = 0; i < RK; i++)
	{
	  int f = perm[i];
	  esc_fn fn = fs[f];
	  begin (u, fn, 2, "p0", "p1", NULL);
	  for (int c = 0; c < pr.ncalls[f]; c++)
	    {
	      esc_node a[2];
	      for (int k = 0; k < 2; k++)
		a[k] = pr.arg[f][c][k] < 0 ? ESC_NO_NODE
		       : esc_param_value (u, fn, (unsigned) pr.arg[f][c][k]);
	      esc_call (u, fn, fs[pr.callee[f][c]], ESC_NO_NODE, a, 2);
	    }
	  for (int k = 0; k < 2; k++)
	    if (pr.stores[f][k])
	      esc_copy (u, fn, esc_global (u, fn, "g"),
			esc_param_value (u, fn, (unsigned) k));
	  snprintf (name, sizeof name, "m%d", f);
	  ms[f] = define (u, name, 0, NULL, NULL, NULL);
	  xs[f][0] = esc_object (u, ms[f]);
	  xs[f][1] = esc_object (u, ms[f]);
	  CALL (u, ms[f], fn, ESC_NO_NODE, addr_of (u, ms[f], xs[f][0]),
		addr_of (u, ms[f], xs[f][1]));
	}
      esc_unit_solve (u);
      int bad = 0;
      for (int f = 0; f < RK; f++)
	for (int k = 0; k < 2; k++)
	  {
	    struct esc_param_verdict pv = esc_param_verdict (u, fs[f],
							     (unsigned) k);
	    struct esc_reason ov = esc_object_verdict (u, ms[f], xs[f][k]);
	    int want = esc[f][k];
	    snprintf (name, sizeof name, "f%d", f);
	    if ((pv.kind == ESC_PARAM_ESCAPES) != want
		|| (pv.kind != ESC_PARAM_ESCAPES
		    && pv.kind != ESC_PARAM_NO_ESCAPE)
		|| (ov.kind != ESC_R_NONE) != want)
	      bad = 1;
	    /* m_f's objects escape by being passed to f.  */
	    if (want && !(ov.kind == ESC_R_CALL_KEEPS && ov.argno >= 1
			  && ov.argno <= 2 && same_name (ov.name, name)))
	      bad = 1;
	  }
      if (bad)
	{
	  mismatches++;
	  if (first_seed < 0)
	    first_seed = seed;
	}
      esc_unit_free (u);
    }
  CHECK_MSG (mismatches == 0, "expected 300 random call graphs to agree "
	     "with the reference solver; %d did not (first: seed %d)",
	     mismatches, first_seed);
}

/* ESC_NO_NODE operands are ignored (constants, values that cannot hold
   an address): nothing crashes and nothing escapes.
   void f (void) { int x; int *p = &x; g = 0; p = 0; *p = 0; ...
		   ext (0, 0); r = ext (..); return 0; }  */
static void
test_no_node (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext = decl (u, "ext");
  esc_fn keep = define (u, "keep", 1, "p", NULL, NULL);
  esc_copy (u, keep, esc_global (u, keep, "g"), esc_param_value (u, keep, 0));

  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, f);
  esc_node p = addr_of (u, f, x);
  esc_node g = esc_global (u, f, "g");
  struct esc_reason thread = { ESC_R_THREAD, "pthread_create", 0 };
  esc_addr (u, f, ESC_NO_NODE, x);
  esc_addr (u, f, g, ESC_NO_NODE);
  esc_addr (u, f, ESC_NO_NODE, ESC_NO_NODE);
  esc_copy (u, f, g, ESC_NO_NODE);
  esc_copy (u, f, ESC_NO_NODE, p);
  esc_copy (u, f, ESC_NO_NODE, ESC_NO_NODE);
  esc_load (u, f, ESC_NO_NODE, p);
  esc_load (u, f, p, ESC_NO_NODE);
  esc_store (u, f, ESC_NO_NODE, p);
  esc_store (u, f, g, ESC_NO_NODE);
  esc_escape (u, f, ESC_NO_NODE, thread);
  esc_return (u, f, ESC_NO_NODE);
  CALL (u, f, ext, ESC_NO_NODE, ESC_NO_NODE, ESC_NO_NODE);
  CALL (u, f, ext, esc_cell (u, f), ESC_NO_NODE);
  CALL (u, f, keep, ESC_NO_NODE, ESC_NO_NODE);
  esc_call (u, f, ext, ESC_NO_NODE, NULL, 0);
  esc_copy (u, f, p, p);	/* p = p: nothing */

  esc_unit_solve (u);
  EXPECT_NOESC (u, f, x);
  esc_unit_free (u);
}

/* Many objects in one function: every third escapes (the lookup by node
   must find each).  */
static void
test_many_objects (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 0, NULL, NULL, NULL);
  enum { N = 3000 };
  static esc_node objs[N];
  esc_node g = esc_global (u, f, "g");
  for (int i = 0; i < N; i++)
    {
      objs[i] = esc_object (u, f);
      esc_cell (u, f);		/* gaps between object nodes */
      if (i % 3 == 0)
	set_addr (u, f, g, objs[i]);
    }
  esc_unit_solve (u);
  int ok = 1;
  for (int i = 0; i < N; i++)
    {
      struct esc_reason r = esc_object_verdict (u, f, objs[i]);
      if (i % 3 == 0 ? !reason_is (r, ESC_R_GLOBAL, "g", 0)
	  : r.kind != ESC_R_NONE)
	ok = 0;
    }
  CHECK_MSG (ok, "expected every third of %d objects to escape to 'g' and "
	     "the others not to", N);
  esc_unit_free (u);
}

/* Summaries with more shape.
   int **getg (void) { return &g; }
   void m1 (void) { int x; int **p = getg (); *p = &x; }   GLOBAL 'g'
   int *mkobj (void) { return ext2 (); }     (unknown memory)
   void m2 (void) { int y; int **p = mkobj (); *p = &y; }  MEMORY
   void mk (struct s **out) { *out = malloc (..); }
   void m3 (void) { int z; struct s *p; mk (&p); p->f = &z; }  no escape
   void m4 (void) { int w; struct s *p; mk (&p); g = p; p->f = &w; } MEMORY
   void link (struct n *a) { a->next = a; }
   void m5 (void) { struct n o; link (&o); }		  no escape
   void m6 (void) { struct n o; link (&o); g = o.next; }   GLOBAL 'g'
   void spawn (void *arg) { pthread_create (.., arg); }
   void m7 (void) { int t; spawn (&t); }	CALL_KEEPS 'spawn' 1
   void inner (int **pp) { g = *pp; }
   void m8 (void) { int x; int *p = &x; inner (&p); }	CALL_KEEPS 'inner' 1  */
static void
test_summary_shapes (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext2 = decl (u, "ext2");

  esc_fn getg = define (u, "getg", 0, NULL, NULL, NULL);
  esc_return (u, getg, addr_of (u, getg, esc_global (u, getg, "g")));
  esc_fn m1 = define (u, "m1", 0, NULL, NULL, NULL);
  esc_node x1 = esc_object (u, m1);
  esc_node p1 = esc_cell (u, m1);
  esc_call (u, m1, getg, p1, NULL, 0);
  esc_store (u, m1, p1, addr_of (u, m1, x1));

  esc_fn mkobj = define (u, "mkobj", 0, NULL, NULL, NULL);
  esc_node r = esc_cell (u, mkobj);
  esc_call (u, mkobj, ext2, r, NULL, 0);
  esc_return (u, mkobj, r);
  esc_fn m2 = define (u, "m2", 0, NULL, NULL, NULL);
  esc_node y2 = esc_object (u, m2);
  esc_node p2 = esc_cell (u, m2);
  esc_call (u, m2, mkobj, p2, NULL, 0);
  esc_store (u, m2, p2, addr_of (u, m2, y2));

  esc_fn mk = define (u, "mk", 1, "out", NULL, NULL);
  esc_node mo = esc_object (u, mk);
  esc_store (u, mk, esc_param_value (u, mk, 0), addr_of (u, mk, mo));
  esc_fn m3 = define (u, "m3", 0, NULL, NULL, NULL);
  esc_node z3 = esc_object (u, m3), p3 = esc_object (u, m3);
  CALL (u, m3, mk, ESC_NO_NODE, addr_of (u, m3, p3));
  esc_node v3 = esc_cell (u, m3);
  esc_copy (u, m3, v3, p3);
  esc_store (u, m3, v3, addr_of (u, m3, z3));
  esc_fn m4 = define (u, "m4", 0, NULL, NULL, NULL);
  esc_node w4 = esc_object (u, m4), p4 = esc_object (u, m4);
  CALL (u, m4, mk, ESC_NO_NODE, addr_of (u, m4, p4));
  esc_node v4 = esc_cell (u, m4);
  esc_copy (u, m4, v4, p4);
  esc_copy (u, m4, esc_global (u, m4, "g"), v4);
  esc_store (u, m4, v4, addr_of (u, m4, w4));

  esc_fn link = define (u, "link", 1, "a", NULL, NULL);
  esc_store (u, link, esc_param_value (u, link, 0),
	     esc_param_value (u, link, 0));
  esc_fn m5 = define (u, "m5", 0, NULL, NULL, NULL);
  esc_node o5 = esc_object (u, m5);
  CALL (u, m5, link, ESC_NO_NODE, addr_of (u, m5, o5));
  esc_fn m6 = define (u, "m6", 0, NULL, NULL, NULL);
  esc_node o6 = esc_object (u, m6);
  CALL (u, m6, link, ESC_NO_NODE, addr_of (u, m6, o6));
  esc_node t6 = esc_cell (u, m6);
  esc_copy (u, m6, t6, o6);
  esc_copy (u, m6, esc_global (u, m6, "g"), t6);

  esc_fn spawn = define (u, "spawn", 1, "arg", NULL, NULL);
  struct esc_reason thread = { ESC_R_THREAD, "pthread_create", 0 };
  esc_escape (u, spawn, esc_param_value (u, spawn, 0), thread);
  esc_fn m7 = define (u, "m7", 0, NULL, NULL, NULL);
  esc_node t7 = esc_object (u, m7);
  CALL (u, m7, spawn, ESC_NO_NODE, addr_of (u, m7, t7));

  esc_fn inner = define (u, "inner", 1, "pp", NULL, NULL);
  esc_node i1 = esc_cell (u, inner);
  esc_load (u, inner, i1, esc_param_value (u, inner, 0));
  esc_copy (u, inner, esc_global (u, inner, "g"), i1);
  esc_fn m8 = define (u, "m8", 0, NULL, NULL, NULL);
  esc_node x8 = esc_object (u, m8), p8 = esc_object (u, m8);
  set_addr (u, m8, p8, x8);
  CALL (u, m8, inner, ESC_NO_NODE, addr_of (u, m8, p8));

  esc_unit_solve (u);
  EXPECT_OBJ (u, m1, x1, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, m2, y2, ESC_R_MEMORY, NULL, 0);
  EXPECT_OBJ (u, mk, mo, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_NOESC (u, m3, z3);
  EXPECT_NOESC (u, m3, p3);
  EXPECT_OBJ (u, m4, w4, ESC_R_MEMORY, NULL, 0);
  EXPECT_NOESC (u, m4, p4);
  EXPECT_PARAM_NOESC (u, link, 0);
  EXPECT_NOESC (u, m5, o5);
  EXPECT_OBJ (u, m6, o6, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, spawn, 0, ESC_R_THREAD, "pthread_create", 0);
  EXPECT_OBJ (u, m7, t7, ESC_R_CALL_KEEPS, "spawn", 1);
  EXPECT_PARAM_NOESC (u, inner, 0);
  EXPECT_OBJ (u, m8, x8, ESC_R_CALL_KEEPS, "inner", 1);
  EXPECT_NOESC (u, m8, p8);
  esc_unit_free (u);
}

/* Summary size limit: a callee that stores the addresses of WIDTH
   objects of its own through its parameter has ESC_PARAM_DEPTH + WIDTH
   summary objects (the levels of the caller's memory, then its own);
   above ESC_MAX_SUMMARY_NODES its calls are solved as calls of an unknown
   function.
   void wide (T **p) { *p = &o1; ...; *p = &oW; }
   void m (void) { T *x; wide (&x); }  */
static struct esc_reason
wide_callee_verdict (int width)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn wide = define (u, "wide", 1, "p", NULL, NULL);
  for (int i = 0; i < width; i++)
    esc_store (u, wide, esc_param_value (u, wide, 0),
	       addr_of (u, wide, esc_object (u, wide)));
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m);
  CALL (u, m, wide, ESC_NO_NODE, addr_of (u, m, x));
  esc_unit_solve (u);
  struct esc_reason r = esc_object_verdict (u, m, x);
  r.name = r.name && !strcmp (r.name, "wide") ? "wide" : r.name ? "?" : NULL;
  esc_unit_free (u);
  return r;
}

static void
test_summary_limit (void)
{
  int at_limit = ESC_MAX_SUMMARY_NODES - ESC_PARAM_DEPTH;
  expect_reason_at (__FILE__, __LINE__, "callee with a summary of exactly "
		    "ESC_MAX_SUMMARY_NODES objects",
		    wide_callee_verdict (at_limit), ESC_R_NONE, NULL, 0);
  expect_reason_at (__FILE__, __LINE__, "callee with a summary of "
		    "ESC_MAX_SUMMARY_NODES + 1 objects",
		    wide_callee_verdict (at_limit + 1), ESC_R_CALL_UNKNOWN,
		    "wide", 1);
  expect_reason_at (__FILE__, __LINE__, "callee with a summary of 2000 "
		    "objects", wide_callee_verdict (2000),
		    ESC_R_CALL_UNKNOWN, "wide", 1);
}

/* void m (void) { int x; int *c0 = &x; int *c1 = c0; ... c100000 = c99999;
		   g = c100000; }
   void h (void) { struct n o0, o1, ...; o0.next = &o1; ...; g = &o0; }
   int *r (void) { ... the same chain ...; return &o0; }
   Two pointer chains 100000 deep unified at the top, stored at the
   bottom: void u2 (T p0, T q0) { p1 = *p0; ...; q1 = *q0; ...; p0 = q0;
   *q100000 = &y; g = p0; }  */
static void
test_long_chains (void)
{
  enum { N = 100000 };
  struct esc_unit *u = esc_unit_new ();

  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m), ok_obj = esc_object (u, m);
  esc_node prev = addr_of (u, m, x);
  for (int i = 0; i < N; i++)
    {
      esc_node c = esc_cell (u, m);
      esc_copy (u, m, c, prev);
      prev = c;
    }
  esc_copy (u, m, esc_global (u, m, "g"), prev);
  /* A long chain that ends in a local does not escape.  */
  prev = addr_of (u, m, ok_obj);
  for (int i = 0; i < N; i++)
    {
      esc_node c = esc_cell (u, m);
      esc_copy (u, m, c, prev);
      prev = c;
    }
  esc_node sink = esc_object (u, m);
  esc_copy (u, m, sink, prev);

  static esc_node objs[N], robjs[N], pobjs[N];
  esc_fn h = define (u, "h", 0, NULL, NULL, NULL);
  for (int i = 0; i < N; i++)
    objs[i] = esc_object (u, h);
  for (int i = 0; i + 1 < N; i++)
    set_addr (u, h, objs[i], objs[i + 1]);
  set_addr (u, h, esc_global (u, h, "g"), objs[0]);

  esc_fn r = define (u, "r", 0, NULL, NULL, NULL);
  for (int i = 0; i < N; i++)
    robjs[i] = esc_object (u, r);
  for (int i = N - 1; i > 0; i--)
    set_addr (u, r, robjs[i - 1], robjs[i]);
  esc_return (u, r, addr_of (u, r, robjs[0]));

  /* The same, stored through a parameter (its summary is too big).  */
  esc_fn ps = define (u, "ps", 1, "out", NULL, NULL);
  for (int i = 0; i < N; i++)
    pobjs[i] = esc_object (u, ps);
  for (int i = 0; i + 1 < N; i++)
    set_addr (u, ps, pobjs[i], pobjs[i + 1]);
  esc_store (u, ps, esc_param_value (u, ps, 0), addr_of (u, ps, pobjs[0]));

  esc_fn u2 = define (u, "u2", 2, "p0", "q0", NULL);
  esc_node y = esc_object (u, u2);
  esc_node p = esc_param_value (u, u2, 0), q = esc_param_value (u, u2, 1);
  esc_node p0 = p, q0 = q;
  for (int i = 0; i < N; i++)
    {
      esc_node np = esc_cell (u, u2), nq = esc_cell (u, u2);
      esc_load (u, u2, np, p);
      esc_load (u, u2, nq, q);
      p = np;
      q = nq;
    }
  esc_copy (u, u2, p0, q0);
  esc_store (u, u2, q, addr_of (u, u2, y));
  esc_copy (u, u2, esc_global (u, u2, "g"), p0);

  esc_unit_solve (u);
  EXPECT_OBJ (u, m, x, ESC_R_GLOBAL, "g", 0);
  EXPECT_NOESC (u, m, ok_obj);
  EXPECT_NOESC (u, m, sink);
  EXPECT_OBJ (u, h, objs[0], ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, r, robjs[0], ESC_R_RETURNED, NULL, 0);
  EXPECT_OBJ (u, ps, pobjs[0], ESC_R_PARAM_STORE, "out", 0);
  int all = 1, rall = 1, pall = 1;
  for (int i = 1; i < N; i++)
    {
      if (!reason_is (esc_object_verdict (u, h, objs[i]), ESC_R_MEMORY,
		      NULL, 0))
	all = 0;
      if (!reason_is (esc_object_verdict (u, r, robjs[i]), ESC_R_MEMORY,
		      NULL, 0))
	rall = 0;
      if (!reason_is (esc_object_verdict (u, ps, pobjs[i]), ESC_R_MEMORY,
		      NULL, 0))
	pall = 0;
    }
  CHECK_MSG (all, "expected all %d objects below a global to be stored "
	     "in memory that escapes", N - 1);
  CHECK_MSG (rall, "expected all %d objects below a returned one to be "
	     "stored in memory that escapes", N - 1);
  CHECK_MSG (pall, "expected all %d objects below one stored through a "
	     "parameter to be stored in memory that escapes", N - 1);
  EXPECT_OBJ (u, u2, y, ESC_R_MEMORY, NULL, 0);
  EXPECT_PARAM_ESC (u, u2, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_ESC (u, u2, 1, ESC_R_GLOBAL, "g", 0);
  size_t work = esc_unit_work (u);
  esc_unit_free (u);
  CHECK_MSG (work < (size_t) WORK_PER_ITEM * 6 * N, "expected long chains "
	     "to be solved in linear work, took %zu for 6 chains of %d",
	     work, N);
}

/* 100000 functions calling each other in a chain:
   void f0 (int *p) { f1 (p); }  ...  void f99999 (int *p) { g = p; }
   void m (void) { int x; f0 (&x); }
   and a second chain that keeps nothing, declared callee first.  */
static void
test_long_call_chain (void)
{
  enum { N = 100000 };
  static char keys[2][N];
  static esc_fn fs[N], hs[N];
  struct esc_unit *u = esc_unit_new ();
  char name[16];
  for (int i = 0; i < N; i++)
    {
      snprintf (name, sizeof name, "f%d", i);
      fs[i] = esc_fn_declare (u, &keys[0][i], name);
    }
  for (int i = 0; i < N; i++)
    {
      begin (u, fs[i], 1, "p", NULL, NULL);
      if (i + 1 < N)
	CALL (u, fs[i], fs[i + 1], ESC_NO_NODE, esc_param_value (u, fs[i], 0));
      else
	esc_copy (u, fs[i], esc_global (u, fs[i], "g"),
		  esc_param_value (u, fs[i], 0));
    }
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m);
  CALL (u, m, fs[0], ESC_NO_NODE, addr_of (u, m, x));

  /* h0 (int *p) { return h1 (p); } ... h99999 (int *p) { return p; },
     declared and begun last first.  */
  for (int i = N - 1; i >= 0; i--)
    {
      snprintf (name, sizeof name, "h%d", i);
      hs[i] = esc_fn_declare (u, &keys[1][i], name);
    }
  for (int i = 0; i < N; i++)
    {
      begin (u, hs[i], 1, "p", NULL, NULL);
      if (i + 1 < N)
	{
	  esc_node r = esc_cell (u, hs[i]);
	  CALL (u, hs[i], hs[i + 1], r, esc_param_value (u, hs[i], 0));
	  esc_return (u, hs[i], r);
	}
      else
	esc_return (u, hs[i], esc_param_value (u, hs[i], 0));
    }
  esc_fn mh = define (u, "mh", 0, NULL, NULL, NULL);
  esc_node y = esc_object (u, mh), z = esc_object (u, mh);
  CALL (u, mh, hs[0], esc_cell (u, mh), addr_of (u, mh, y));
  esc_node rz = esc_cell (u, mh);
  CALL (u, mh, hs[0], rz, addr_of (u, mh, z));
  esc_return (u, mh, rz);

  esc_unit_solve (u);
  EXPECT_OBJ (u, m, x, ESC_R_CALL_KEEPS, "f0", 1);
  EXPECT_PARAM_ESC (u, fs[0], 0, ESC_R_CALL_KEEPS, "f1", 1);
  EXPECT_PARAM_ESC (u, fs[N - 2], 0, ESC_R_CALL_KEEPS, "f99999", 1);
  EXPECT_PARAM_ESC (u, fs[N - 1], 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_PARAM_LEAKS (u, hs[0], 0);
  EXPECT_PARAM_LEAKS (u, hs[N / 2], 0);
  EXPECT_NOESC (u, mh, y);
  EXPECT_OBJ (u, mh, z, ESC_R_RETURNED, NULL, 0);
  size_t work = esc_unit_work (u);
  esc_unit_free (u);
  CHECK_MSG (work < (size_t) WORK_PER_ITEM * 2 * N, "expected two chains "
	     "of %d calls to be solved in linear work, took %zu", N, work);
}

/* A large component must cost about as much as the same functions
   without the cycle.  N functions each calling the next,
   void f0 (int *p) { f1 (p); } ... void fN-1 (int *p) { g = p; }
   against the ring where fN-1 also calls f0 (one component of N
   functions); in both, m (void) { int x; f0 (&x); } makes x escape.  */
static size_t
solve_chain_or_ring (int n, int ring, int *ok)
{
  char *keys = malloc ((size_t) n);
  esc_fn *fs = malloc ((size_t) n * sizeof *fs);
  struct esc_unit *u = esc_unit_new ();
  char name[16];
  for (int i = 0; i < n; i++)
    {
      snprintf (name, sizeof name, "f%d", i);
      fs[i] = esc_fn_declare (u, &keys[i], name);
    }
  for (int i = 0; i < n; i++)
    {
      begin (u, fs[i], 1, "p", NULL, NULL);
      if (ring || i + 1 < n)
	CALL (u, fs[i], fs[(i + 1) % n], ESC_NO_NODE,
	      esc_param_value (u, fs[i], 0));
    }
  esc_copy (u, fs[n - 1], esc_global (u, fs[n - 1], "g"),
	    esc_param_value (u, fs[n - 1], 0));
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node x = esc_object (u, m);
  CALL (u, m, fs[0], ESC_NO_NODE, addr_of (u, m, x));
  esc_unit_solve (u);
  size_t work = esc_unit_work (u);
  *ok = reason_is (esc_object_verdict (u, m, x), ESC_R_CALL_KEEPS, "f0", 1)
	&& esc_param_verdict (u, fs[n / 2], 0).kind == ESC_PARAM_ESCAPES;
  esc_unit_free (u);
  free (keys);
  free (fs);
  return work;
}

static void
test_large_component (void)
{
  enum { N = 40000 };
  int chain_ok, ring_ok;
  size_t chain = solve_chain_or_ring (N, 0, &chain_ok);
  size_t ring = solve_chain_or_ring (N, 1, &ring_ok);
  CHECK_MSG (chain_ok, "chain of %d calls: expected x to escape through "
	     "'f0' (argument 1) and every parameter to escape", N);
  CHECK_MSG (ring_ok, "ring of %d calls: expected x to escape through "
	     "'f0' (argument 1) and every parameter to escape", N);
  CHECK_MSG (ring < 5 * chain && ring < (size_t) WORK_PER_ITEM * N,
	     "expected a component of %d functions to be solved with about as "
	     "much work as a chain of them: chain %zu, ring %zu", N, chain,
	     ring);
}

/* A component of 20 functions shares the caller's memory below the first
   level (ESC_SHARED_LEVELS_MIN_FNS): sound, and precise at the first.
   void fI (int **pp, int *x) { fI+1 (pp, x); }   ...
   void f19 (int **pp, int *x) { *pp = x; keep (*pp); f0 (pp, x); }
   void keep (int *k) { if (k_is_global) g = k; }
   void m (void) { int *slot; int v; f0 (&slot, &v); }
   m2 keeps through a ring whose last member stores *pp in a global.  */
static void
ring_of (struct esc_unit *u, const char *prefix, int n, int to_global,
	 esc_fn *first)
{
  enum { MAX = 32 };
  esc_fn fs[MAX];
  char name[32];
  static char keys[2][MAX];
  for (int i = 0; i < n; i++)
    {
      snprintf (name, sizeof name, "%s%d", prefix, i);
      fs[i] = esc_fn_declare (u, &keys[to_global][i], name);
    }
  for (int i = 0; i < n; i++)
    {
      begin (u, fs[i], 2, "pp", "x", NULL);
      esc_node pp = esc_param_value (u, fs[i], 0);
      esc_node x = esc_param_value (u, fs[i], 1);
      if (i == n - 1)
	{
	  esc_store (u, fs[i], pp, x);
	  if (to_global)
	    {
	      esc_node v = esc_cell (u, fs[i]);
	      esc_load (u, fs[i], v, pp);
	      esc_copy (u, fs[i], esc_global (u, fs[i], "g"), v);
	    }
	}
      CALL (u, fs[i], fs[(i + 1) % n], ESC_NO_NODE, pp, x);
    }
  *first = fs[0];
}

static void
test_large_component_levels (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f0, h0;
  ring_of (u, "f", 20, 0, &f0);
  ring_of (u, "h", 20, 1, &h0);
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node slot = esc_object (u, m), v = esc_object (u, m);
  CALL (u, m, f0, ESC_NO_NODE, addr_of (u, m, slot), addr_of (u, m, v));
  esc_fn m2 = define (u, "m2", 0, NULL, NULL, NULL);
  esc_node slot2 = esc_object (u, m2), v2 = esc_object (u, m2);
  CALL (u, m2, h0, ESC_NO_NODE, addr_of (u, m2, slot2), addr_of (u, m2, v2));
  esc_unit_solve (u);
  EXPECT_NOESC (u, m, slot);
  EXPECT_NOESC (u, m, v);
  EXPECT_PARAM_ESC (u, f0, 1, ESC_R_PARAM_STORE, "pp", 0);
  EXPECT_PARAM_NOESC (u, f0, 0);
  EXPECT_NOESC (u, m2, slot2);
  EXPECT_OBJ (u, m2, v2, ESC_R_CALL_KEEPS, "h0", 2);
  EXPECT_PARAM_ESC (u, h0, 1, ESC_R_GLOBAL, "g", 0);
  esc_unit_free (u);
}

/* A component of 16 functions folds escaped objects into unknown memory
   (escape-propagate.c, folded): what reaches escaped memory, directly or
   through a pointer loaded from it, still escapes, a global keeps its own
   reason, and what stays local stays local.
   void f0 (void) {
     int e, x, y, t, z, k, h; int *s;
     g = &e;		 e escapes: stored in global 'g'
     int **q = g; *q = &x;	 x escapes: stored where e was, and e escaped
     int **r = *q; *r = &y;	 y escapes: stored in memory loaded from e
     int **u = ext (); *u = &t;	 t escapes: stored in unknown memory
     int *w = &z; *w = 0;	 z does not escape
     int **p2 = &s; *p2 = &k;	 neither s nor k escapes
     g2 = &h;			 h escapes: stored in global 'g2'
     f1 (); }
   void fI (void) { fI+1 (); } ... f15 calls f0.  */
static void
test_large_component_folding (void)
{
  struct esc_unit *u = esc_unit_new ();
  enum { N = 16 };
  esc_fn fs[N];
  char name[16];
  for (int i = 0; i < N; i++)
    {
      snprintf (name, sizeof name, "fold%d", i);
      fs[i] = decl (u, name);
    }
  esc_fn ext = decl (u, "ext");
  esc_fn f = fs[0];
  begin (u, f, 0, NULL, NULL, NULL);
  esc_node e = esc_object (u, f), x = esc_object (u, f);
  esc_node y = esc_object (u, f), t = esc_object (u, f);
  esc_node z = esc_object (u, f), k = esc_object (u, f);
  esc_node h = esc_object (u, f), s = esc_object (u, f);
  esc_node g = esc_global (u, f, "g");
  set_addr (u, f, g, e);
  esc_node q = esc_cell (u, f);
  esc_copy (u, f, q, g);
  esc_store (u, f, q, addr_of (u, f, x));
  esc_node r = esc_cell (u, f);
  esc_load (u, f, r, q);
  esc_store (u, f, r, addr_of (u, f, y));
  esc_node un = esc_cell (u, f);
  CALL (u, f, ext, un);
  esc_store (u, f, un, addr_of (u, f, t));
  esc_store (u, f, addr_of (u, f, z), esc_cell (u, f));
  esc_store (u, f, addr_of (u, f, s), addr_of (u, f, k));
  set_addr (u, f, esc_global (u, f, "g2"), h);
  CALL (u, f, fs[1], ESC_NO_NODE);
  for (int i = 1; i < N; i++)
    {
      begin (u, fs[i], 0, NULL, NULL, NULL);
      CALL (u, fs[i], fs[(i + 1) % N], ESC_NO_NODE);
    }
  esc_unit_solve (u);
  EXPECT_OBJ (u, f, e, ESC_R_GLOBAL, "g", 0);
  EXPECT_ESCAPES (u, f, x);
  EXPECT_ESCAPES (u, f, y);
  EXPECT_ESCAPES (u, f, t);
  EXPECT_NOESC (u, f, z);
  EXPECT_NOESC (u, f, s);
  EXPECT_NOESC (u, f, k);
  EXPECT_OBJ (u, f, h, ESC_R_GLOBAL, "g2", 0);
  esc_unit_free (u);
}

/* ------------------------------------------------------------------ */
/* Fields.  */

static void
buf_fields (struct esc_unit *u, esc_fn f, esc_node obj)
{
  static const uint64_t offsets[2] = { 0, 8 }, sizes[2] = { 8, 8 };
  esc_object_fields (u, f, obj, offsets, sizes, 2);
}

/* struct buf { char *data; long len; };  (fields at 0 and 8)
   long a (void) { struct buf b; b.data = malloc (64); return b.len; }
						the allocation does not escape
   char *r (void) { struct buf b; b.data = malloc (64); return b.data; }
						returned
   void w (void) { struct buf b; b.len = 0; *(char **) &b = m; g = b.len; }
						a store at 0, read at 8: m stays
   void c (void) { struct buf b, d; b.data = m; memcpy (&d, &b, 16);
		   g = d.len; }		a copy of all: m escapes
   void e (void) { struct buf b; g = &b.len; }	&b.len escapes: b does
   void o (void) { struct buf b; char **q = (char **) ((char *) &b + 8);
		   *q = m; g = b.data; }	the offset finds len: m stays
   void k (struct buf *p) { g = p->len; }	p itself does not escape
   void n (void) { struct buf b; b.data = m; k (&b); }
			m escapes: a summary sees the caller's memory as
			one cell per level (sound, imprecise)
   void v (void) { struct buf b; b.data = m; long i; g = *(&b.data + i); }
						an unknown offset: m escapes  */
static void
test_fields (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn a = define (u, "a", 0, NULL, NULL, NULL);
  esc_node ba = esc_object (u, a), ma = esc_object (u, a);
  buf_fields (u, a, ba);
  esc_node pa = addr_of (u, a, ba);
  esc_store_at (u, a, pa, addr_of (u, a, ma), 0, 8);
  esc_node la = esc_cell (u, a);
  esc_load_at (u, a, la, pa, 8, 8);
  esc_return (u, a, la);

  esc_fn r = define (u, "r", 0, NULL, NULL, NULL);
  esc_node br = esc_object (u, r), mr = esc_object (u, r);
  buf_fields (u, r, br);
  esc_node pr = addr_of (u, r, br);
  esc_store_at (u, r, pr, addr_of (u, r, mr), 0, 8);
  esc_node dr = esc_cell (u, r);
  esc_load_at (u, r, dr, pr, 0, 8);
  esc_return (u, r, dr);

  esc_fn c = define (u, "c", 0, NULL, NULL, NULL);
  esc_node bc = esc_object (u, c), dc = esc_object (u, c);
  esc_node mc = esc_object (u, c);
  buf_fields (u, c, bc);
  buf_fields (u, c, dc);
  esc_store_at (u, c, addr_of (u, c, bc), addr_of (u, c, mc), 0, 8);
  esc_node all = esc_cell (u, c);
  esc_load (u, c, all, addr_of (u, c, bc));
  esc_store (u, c, addr_of (u, c, dc), all);
  esc_node lc = esc_cell (u, c);
  esc_load_at (u, c, lc, addr_of (u, c, dc), 8, 8);
  esc_copy (u, c, esc_global (u, c, "g"), lc);

  esc_fn e = define (u, "e", 0, NULL, NULL, NULL);
  esc_node be = esc_object (u, e);
  buf_fields (u, e, be);
  esc_node qe = esc_cell (u, e);
  esc_offset (u, e, qe, addr_of (u, e, be), 8);
  esc_copy (u, e, esc_global (u, e, "g"), qe);

  esc_fn o = define (u, "o", 0, NULL, NULL, NULL);
  esc_node bo = esc_object (u, o), mo = esc_object (u, o);
  buf_fields (u, o, bo);
  esc_node qo = esc_cell (u, o);
  esc_offset (u, o, qo, addr_of (u, o, bo), 8);
  esc_store_at (u, o, qo, addr_of (u, o, mo), 0, 8);
  esc_node lo = esc_cell (u, o);
  esc_load_at (u, o, lo, addr_of (u, o, bo), 0, 8);
  esc_copy (u, o, esc_global (u, o, "g"), lo);

  esc_fn k = define (u, "k", 1, "p", NULL, NULL);
  esc_node lk = esc_cell (u, k);
  esc_load_at (u, k, lk, esc_param_value (u, k, 0), 8, 8);
  esc_copy (u, k, esc_global (u, k, "g"), lk);
  esc_fn n = define (u, "n", 0, NULL, NULL, NULL);
  esc_node bn = esc_object (u, n), mn = esc_object (u, n);
  buf_fields (u, n, bn);
  esc_store_at (u, n, addr_of (u, n, bn), addr_of (u, n, mn), 0, 8);
  CALL (u, n, k, ESC_NO_NODE, addr_of (u, n, bn));

  esc_fn v = define (u, "v", 0, NULL, NULL, NULL);
  esc_node bv = esc_object (u, v), mv = esc_object (u, v);
  buf_fields (u, v, bv);
  esc_store_at (u, v, addr_of (u, v, bv), addr_of (u, v, mv), 0, 8);
  esc_node qv = esc_cell (u, v), lv = esc_cell (u, v);
  esc_offset (u, v, qv, addr_of (u, v, bv), ESC_UNKNOWN_OFFSET);
  esc_load_at (u, v, lv, qv, 0, 8);
  esc_copy (u, v, esc_global (u, v, "g"), lv);

  esc_unit_solve (u);
  EXPECT_NOESC (u, a, ma);
  EXPECT_NOESC (u, a, ba);
  EXPECT_OBJ (u, r, mr, ESC_R_RETURNED, NULL, 0);
  EXPECT_NOESC (u, r, br);
  EXPECT_OBJ (u, c, mc, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, e, be, ESC_R_GLOBAL, "g", 0);
  EXPECT_NOESC (u, o, mo);
  EXPECT_OBJ (u, n, mn, ESC_R_CALL_KEEPS, "k", 1);
  EXPECT_NOESC (u, n, bn);
  EXPECT_PARAM_NOESC (u, k, 0);
  EXPECT_OBJ (u, v, mv, ESC_R_GLOBAL, "g", 0);
  esc_unit_free (u);
}

/* ------------------------------------------------------------------ */
/* Looking functions up, recursion, calls out.  */

/* esc_fn_find: the id a key was declared with, -1 for any other key.  */
static void
test_fn_find (void)
{
  struct esc_unit *u = esc_unit_new ();
  static const char k1, k2, k3, other;
  CHECK (esc_fn_find (u, &k1) == -1);		/* an empty unit */
  CHECK (esc_fn_find (u, NULL) == -1);
  esc_fn a = esc_fn_declare (u, &k1, "a");
  esc_fn b = esc_fn_declare (u, &k2, "b");
  CHECK (esc_fn_find (u, &k1) == a);
  CHECK (esc_fn_find (u, &k2) == b);
  CHECK (esc_fn_find (u, &k3) == -1);
  CHECK (esc_fn_find (u, &other) == -1);
  CHECK (esc_fn_find (u, NULL) == -1);
  /* Finding does not declare: k3 gets the next id when it is declared.  */
  CHECK (esc_fn_find (u, &k3) == -1);
  esc_fn c = esc_fn_declare (u, &k3, "c");
  CHECK (c == 2);
  CHECK (esc_fn_find (u, &k3) == c);
  /* The key is the pointer, not what it points to, nor the name.  */
  CHECK (esc_fn_find (u, esc_intern (u, "a")) == -1);

  /* Many keys: the table grows; declared keys are found, the others not
     (also after a late function, which has no key, came and went).  */
  static char keys[4000];
  for (int i = 0; i < 2000; i++)
    esc_fn_declare (u, &keys[i], "many");
  int found = 1, missing = 1;
  for (int i = 0; i < 2000; i++)
    if (esc_fn_find (u, &keys[i]) != 3 + i)
      found = 0;
  for (int i = 2000; i < 4000; i++)
    if (esc_fn_find (u, &keys[i]) != -1)
      missing = 0;
  CHECK_MSG (found, "expected esc_fn_find to give each of 2000 declared "
	     "keys its id");
  CHECK_MSG (missing, "expected esc_fn_find to give -1 for 2000 keys never "
	     "declared");
  begin (u, a, 0, NULL, NULL, NULL);
  esc_unit_solve (u);
  esc_fn l = esc_late_begin (u, "a", 0, NULL);
  CHECK (l != a && l >= 0);
  CHECK (esc_fn_find (u, &k1) == a);
  CHECK (esc_fn_find (u, NULL) == -1);
  esc_late_end (u, l);
  const struct esc_unit *cu = u;
  CHECK (esc_fn_find (cu, &k2) == b);
  CHECK (esc_fn_find (cu, &keys[3999]) == -1);
  CHECK (esc_fn_find (cu, &keys[1999]) == 3 + 1999);
  esc_unit_free (u);
}

/* esc_fn_recursive.
   void self (int *p) { self (p); }
   void ma (void) { mb (); }  void mb (void) { mc (); }
   void mc (void) { ma (); }
   void top (void) { self (0); ma (); }	(calls recursive functions)
   void leaf (void) { }   void twice (void) { leaf (); leaf (); }
   void viaext (void) { ext (); }		(ext has no body)
   and a function declared after solving, and a late function.  */
static void
test_fn_recursive (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext = decl (u, "ext");
  esc_fn self = define (u, "self", 1, "p", NULL, NULL);
  CALL (u, self, self, ESC_NO_NODE, esc_param_value (u, self, 0));
  esc_fn top = define (u, "top", 0, NULL, NULL, NULL);
  esc_fn ma = decl (u, "ma"), mb = decl (u, "mb"), mc = decl (u, "mc");
  CALL (u, top, self, ESC_NO_NODE, ESC_NO_NODE);
  esc_call (u, top, ma, ESC_NO_NODE, NULL, 0);
  begin (u, mc, 0, NULL, NULL, NULL);
  esc_call (u, mc, ma, ESC_NO_NODE, NULL, 0);
  begin (u, ma, 0, NULL, NULL, NULL);
  esc_call (u, ma, mb, ESC_NO_NODE, NULL, 0);
  begin (u, mb, 0, NULL, NULL, NULL);
  esc_call (u, mb, mc, ESC_NO_NODE, NULL, 0);
  esc_fn leaf = define (u, "leaf", 0, NULL, NULL, NULL);
  esc_fn twice = define (u, "twice", 0, NULL, NULL, NULL);
  esc_call (u, twice, leaf, ESC_NO_NODE, NULL, 0);
  esc_call (u, twice, leaf, ESC_NO_NODE, NULL, 0);
  esc_fn viaext = define (u, "viaext", 0, NULL, NULL, NULL);
  esc_call (u, viaext, ext, ESC_NO_NODE, NULL, 0);
  esc_unit_solve (u);

  CHECK (esc_fn_recursive (u, self) == 1);
  CHECK (esc_fn_recursive (u, ma) == 1);
  CHECK (esc_fn_recursive (u, mb) == 1);
  CHECK (esc_fn_recursive (u, mc) == 1);
  CHECK (esc_fn_recursive (u, top) == 0);
  CHECK (esc_fn_recursive (u, leaf) == 0);
  CHECK (esc_fn_recursive (u, twice) == 0);
  CHECK (esc_fn_recursive (u, viaext) == 0);
  CHECK (esc_fn_recursive (u, ext) == -1);	/* no body */
  esc_fn later = decl (u, "later");
  CHECK (esc_fn_recursive (u, later) == -1);
  /* A late function had no body when the unit was solved.  */
  esc_fn l = esc_late_begin (u, "self", 1, NULL);
  CALL (u, l, self, ESC_NO_NODE, esc_param_value (u, l, 0));
  esc_late_solve (u, l);
  CHECK (esc_fn_recursive (u, l) == -1);
  esc_late_end (u, l);
  CHECK (esc_fn_recursive (u, self) == 1);
  esc_unit_free (u);
}

/* esc_fn_set_calls_out / esc_fn_may_call_out: propagated from callees,
   callee first; a callee without a body counts as calling out.
   void c3 (void) { fp (); }		(calls out itself)
   void c2 (void) { c3 (); }  void c1 (void) { c2 (); }
   void c0 (void) { c1 (); }
   (bodies begun caller first)
   void n1 (void) { }  void n0 (void) { n1 (); n1 (); }	(nothing)
   void u1 (void) { ext (); }  void u0 (void) { u1 (); }	(no body)
   void ra (void) { rb (); }  void rb (void) { ra (); z (); }
   void z (void) { fp (); }  void rc (void) { ra (); }
   void qa (void) { qb (); }  void qb (void) { qa (); ext (); }
   void sa (void) { fp (); sb (); }  void sb (void) { sa (); }
   void ta (void) { tb (); n1 (); }  void tb (void) { ta (); }	(nothing)
   void self2 (void) { self2 (); c3 (); }  void self3 (void) { self3 (); }
   void below (void) { }  void above (void) { fp (); below (); }  */
static void
test_calls_out (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn ext = decl (u, "ext");
  esc_fn c0 = decl (u, "c0"), c1 = decl (u, "c1"), c2 = decl (u, "c2");
  esc_fn c3 = decl (u, "c3");
  begin (u, c0, 0, NULL, NULL, NULL);
  esc_call (u, c0, c1, ESC_NO_NODE, NULL, 0);
  begin (u, c1, 0, NULL, NULL, NULL);
  esc_call (u, c1, c2, ESC_NO_NODE, NULL, 0);
  begin (u, c2, 0, NULL, NULL, NULL);
  esc_call (u, c2, c3, ESC_NO_NODE, NULL, 0);
  begin (u, c3, 0, NULL, NULL, NULL);
  esc_fn_set_calls_out (u, c3);

  esc_fn n1 = define (u, "n1", 0, NULL, NULL, NULL);
  esc_fn n0 = define (u, "n0", 0, NULL, NULL, NULL);
  esc_call (u, n0, n1, ESC_NO_NODE, NULL, 0);
  esc_call (u, n0, n1, ESC_NO_NODE, NULL, 0);

  esc_fn u1 = define (u, "u1", 0, NULL, NULL, NULL);
  esc_call (u, u1, ext, ESC_NO_NODE, NULL, 0);
  esc_fn u0 = define (u, "u0", 0, NULL, NULL, NULL);
  esc_call (u, u0, u1, ESC_NO_NODE, NULL, 0);

  esc_fn ra = decl (u, "ra"), rb = decl (u, "rb"), z = decl (u, "z");
  begin (u, ra, 0, NULL, NULL, NULL);
  esc_call (u, ra, rb, ESC_NO_NODE, NULL, 0);
  begin (u, rb, 0, NULL, NULL, NULL);
  esc_call (u, rb, ra, ESC_NO_NODE, NULL, 0);
  esc_call (u, rb, z, ESC_NO_NODE, NULL, 0);
  begin (u, z, 0, NULL, NULL, NULL);
  esc_fn_set_calls_out (u, z);
  esc_fn rc = define (u, "rc", 0, NULL, NULL, NULL);
  esc_call (u, rc, ra, ESC_NO_NODE, NULL, 0);

  esc_fn qa = decl (u, "qa"), qb = decl (u, "qb");
  begin (u, qa, 0, NULL, NULL, NULL);
  esc_call (u, qa, qb, ESC_NO_NODE, NULL, 0);
  begin (u, qb, 0, NULL, NULL, NULL);
  esc_call (u, qb, qa, ESC_NO_NODE, NULL, 0);
  esc_call (u, qb, ext, ESC_NO_NODE, NULL, 0);

  esc_fn sa = decl (u, "sa"), sb = decl (u, "sb");
  begin (u, sa, 0, NULL, NULL, NULL);
  esc_fn_set_calls_out (u, sa);
  esc_call (u, sa, sb, ESC_NO_NODE, NULL, 0);
  begin (u, sb, 0, NULL, NULL, NULL);
  esc_call (u, sb, sa, ESC_NO_NODE, NULL, 0);

  esc_fn ta = decl (u, "ta"), tb = decl (u, "tb");
  begin (u, ta, 0, NULL, NULL, NULL);
  esc_call (u, ta, tb, ESC_NO_NODE, NULL, 0);
  esc_call (u, ta, n1, ESC_NO_NODE, NULL, 0);
  begin (u, tb, 0, NULL, NULL, NULL);
  esc_call (u, tb, ta, ESC_NO_NODE, NULL, 0);

  esc_fn self2 = define (u, "self2", 0, NULL, NULL, NULL);
  esc_call (u, self2, self2, ESC_NO_NODE, NULL, 0);
  esc_call (u, self2, c3, ESC_NO_NODE, NULL, 0);
  esc_fn self3 = define (u, "self3", 0, NULL, NULL, NULL);
  esc_call (u, self3, self3, ESC_NO_NODE, NULL, 0);

  esc_fn below = define (u, "below", 0, NULL, NULL, NULL);
  esc_fn above = define (u, "above", 0, NULL, NULL, NULL);
  esc_fn_set_calls_out (u, above);
  esc_call (u, above, below, ESC_NO_NODE, NULL, 0);

  esc_unit_solve (u);
  CHECK (esc_fn_may_call_out (u, c3) == 1);
  CHECK (esc_fn_may_call_out (u, c2) == 1);
  CHECK (esc_fn_may_call_out (u, c1) == 1);
  CHECK (esc_fn_may_call_out (u, c0) == 1);
  CHECK (esc_fn_may_call_out (u, n1) == 0);
  CHECK (esc_fn_may_call_out (u, n0) == 0);
  CHECK (esc_fn_may_call_out (u, u1) == 1);
  CHECK (esc_fn_may_call_out (u, u0) == 1);
  CHECK (esc_fn_may_call_out (u, z) == 1);
  CHECK (esc_fn_may_call_out (u, ra) == 1);
  CHECK (esc_fn_may_call_out (u, rb) == 1);
  CHECK (esc_fn_may_call_out (u, rc) == 1);
  CHECK (esc_fn_recursive (u, ra) == 1 && esc_fn_recursive (u, rc) == 0);
  CHECK (esc_fn_may_call_out (u, qa) == 1);
  CHECK (esc_fn_may_call_out (u, qb) == 1);
  CHECK (esc_fn_may_call_out (u, sa) == 1);
  CHECK (esc_fn_may_call_out (u, sb) == 1);
  CHECK (esc_fn_may_call_out (u, ta) == 0);
  CHECK (esc_fn_may_call_out (u, tb) == 0);
  CHECK (esc_fn_recursive (u, ta) == 1);
  CHECK (esc_fn_may_call_out (u, self2) == 1);
  CHECK (esc_fn_may_call_out (u, self3) == 0);
  CHECK (esc_fn_may_call_out (u, above) == 1);
  CHECK (esc_fn_may_call_out (u, below) == 0);	/* not from callers */
  esc_unit_free (u);
}

/* ------------------------------------------------------------------ */
/* Scalar parameters.  */

/* A scalar parameter is not the caller's memory: what is stored through
   it is not "stored through parameter".  Its value still flows.
   void f (long n) { int x; *(int **) n = &x; }		x: no escape
   void fp (int **pp) { int x; *pp = &x; }		(the same, a pointer)
   void h (int **pp, long n) { int x, y; *pp = &x; *(int **) n = &y; }
   void put (long d, int *v) { *(int **) d = v; }	v: no escape
   void put2 (int **d, long v) { *d = (int *) v; }	v: through 'd'
   int *ret (long n) { return (int *) n; }		n: leaks to return
   void glob (long n) { g = (int *) n; }		n: global 'g'
   void mix (long n, int **pp) { int x; int **q = c ? (int **) n : pp;
				 *q = &x; }		x: through 'pp'
   void rs (long n, int *p) { int x; *(int **) n = &x; rs (n, p); }
   void m (void) { int y; long k = 0; put (k, &y); }	y: no escape  */
static void
test_scalar_params (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn f = define (u, "f", 1, "n", NULL, NULL);
  esc_param_set_scalar (u, f, 0);
  esc_node fx = esc_object (u, f);
  esc_store (u, f, esc_param_value (u, f, 0), addr_of (u, f, fx));

  esc_fn fp = define (u, "fp", 1, "pp", NULL, NULL);
  esc_node fpx = esc_object (u, fp);
  esc_store (u, fp, esc_param_value (u, fp, 0), addr_of (u, fp, fpx));

  esc_fn h = define (u, "h", 2, "pp", "n", NULL);
  esc_param_set_scalar (u, h, 1);
  esc_node hx = esc_object (u, h), hy = esc_object (u, h);
  esc_store (u, h, esc_param_value (u, h, 0), addr_of (u, h, hx));
  esc_store (u, h, esc_param_value (u, h, 1), addr_of (u, h, hy));

  esc_fn put = define (u, "put", 2, "d", "v", NULL);
  esc_param_set_scalar (u, put, 0);
  esc_store (u, put, esc_param_value (u, put, 0), esc_param_value (u, put, 1));

  esc_fn put2 = define (u, "put2", 2, "d", "v", NULL);
  esc_param_set_scalar (u, put2, 1);
  esc_store (u, put2, esc_param_value (u, put2, 0),
	     esc_param_value (u, put2, 1));

  esc_fn ret = define (u, "ret", 1, "n", NULL, NULL);
  esc_param_set_scalar (u, ret, 0);
  esc_return (u, ret, esc_param_value (u, ret, 0));

  esc_fn glob = define (u, "glob", 1, "n", NULL, NULL);
  esc_param_set_scalar (u, glob, 0);
  esc_copy (u, glob, esc_global (u, glob, "g"), esc_param_value (u, glob, 0));

  esc_fn mix = define (u, "mix", 2, "n", "pp", NULL);
  esc_param_set_scalar (u, mix, 0);
  esc_node mx = esc_object (u, mix);
  esc_node q = esc_cell (u, mix);
  esc_copy (u, mix, q, esc_param_value (u, mix, 0));
  esc_copy (u, mix, q, esc_param_value (u, mix, 1));
  esc_store (u, mix, q, addr_of (u, mix, mx));

  esc_fn rs = define (u, "rs", 2, "n", "p", NULL);
  esc_param_set_scalar (u, rs, 0);
  esc_node rx = esc_object (u, rs);
  esc_store (u, rs, esc_param_value (u, rs, 0), addr_of (u, rs, rx));
  CALL (u, rs, rs, ESC_NO_NODE, esc_param_value (u, rs, 0),
	esc_param_value (u, rs, 1));

  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node my = esc_object (u, m);
  esc_node k = esc_cell (u, m);
  CALL (u, m, put, ESC_NO_NODE, k, addr_of (u, m, my));

  esc_unit_solve (u);
  EXPECT_NOESC (u, f, fx);
  EXPECT_PARAM_NOESC (u, f, 0);
  EXPECT_OBJ (u, fp, fpx, ESC_R_PARAM_STORE, "pp", 0);
  EXPECT_OBJ (u, h, hx, ESC_R_PARAM_STORE, "pp", 0);
  EXPECT_NOESC (u, h, hy);
  EXPECT_PARAM_NOESC (u, put, 0);
  EXPECT_PARAM_NOESC (u, put, 1);
  EXPECT_PARAM_NOESC (u, put2, 0);
  EXPECT_PARAM_ESC (u, put2, 1, ESC_R_PARAM_STORE, "d", 0);
  EXPECT_PARAM_LEAKS (u, ret, 0);
  EXPECT_PARAM_ESC (u, glob, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, mix, mx, ESC_R_PARAM_STORE, "pp", 0);
  EXPECT_NOESC (u, rs, rx);
  EXPECT_PARAM_NOESC (u, rs, 1);
  EXPECT_NOESC (u, m, my);
  esc_unit_free (u);
}

/* ------------------------------------------------------------------ */
/* Late functions.  */

/* Begins late function NAME with NPARAMS parameters named P0, P1, P2.  */
static esc_fn
late (struct esc_unit *u, const char *name, unsigned nparams, const char *p0,
      const char *p1, const char *p2)
{
  const char *names[3] = { p0, p1, p2 };
  return esc_late_begin (u, name, nparams, names);
}

/* A late function is solved alone against the summaries of the solved
   unit.
   int *g;  void keep (int *p) { g = p; }   int *id (int *p) { return p; }
   void put (int **d, int *v) { *d = v; }   void use (int *p) { int v = *p; }
   void rec (int *p, int n) { if (n) rec (p, n - 1); }
   int *mk (void) { int *o = malloc (4); return o; }
   void late (int **out) {			(after inlining)
     int *a = malloc (4); keep (a);		CALL_KEEPS 'keep' 1
     int *b = malloc (4); int *r = id (b);	no escape
     int *c = malloc (4); g2 = id (c);		global 'g2'
     int *d = malloc (4); put (out, d);		through 'out'
     int *e = malloc (4); int *l; put (&l, e);	no escape
     int *f = malloc (4); use (f);		no escape
     int *h = malloc (4); rec (h, 3);		no escape
     int *k = malloc (4); rec2 (k);		CALL_UNKNOWN: rec2 is declared
						after solving, without a body
     int *m = mk ();				not own: mk's allocation  }  */
static void
test_late_calls (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn keep = define (u, "keep", 1, "p", NULL, NULL);
  esc_copy (u, keep, esc_global (u, keep, "g"), esc_param_value (u, keep, 0));
  esc_fn id = define (u, "id", 1, "p", NULL, NULL);
  esc_return (u, id, esc_param_value (u, id, 0));
  esc_fn put = define (u, "put", 2, "d", "v", NULL);
  esc_store (u, put, esc_param_value (u, put, 0), esc_param_value (u, put, 1));
  esc_fn use = define (u, "use", 1, "p", NULL, NULL);
  esc_load (u, use, esc_cell (u, use), esc_param_value (u, use, 0));
  esc_fn rec = define (u, "rec", 2, "p", "n", NULL);
  CALL (u, rec, rec, ESC_NO_NODE, esc_param_value (u, rec, 0), ESC_NO_NODE);
  esc_fn mk = define (u, "mk", 0, NULL, NULL, NULL);
  esc_node mko = esc_object (u, mk);
  esc_return (u, mk, addr_of (u, mk, mko));
  esc_unit_solve (u);
  esc_fn rec2 = decl (u, "rec2");

  esc_fn l = late (u, "late", 1, "out", NULL, NULL);
  esc_node a = esc_object (u, l), b = esc_object (u, l), c = esc_object (u, l);
  esc_node d = esc_object (u, l), e = esc_object (u, l), f = esc_object (u, l);
  esc_node h = esc_object (u, l), k = esc_object (u, l);
  esc_node lo = esc_object (u, l);
  esc_node pa = addr_of (u, l, a);
  CALL (u, l, keep, ESC_NO_NODE, pa);
  esc_node rb = esc_cell (u, l);
  CALL (u, l, id, rb, addr_of (u, l, b));
  esc_node rc = esc_cell (u, l);
  CALL (u, l, id, rc, addr_of (u, l, c));
  esc_copy (u, l, esc_global (u, l, "g2"), rc);
  CALL (u, l, put, ESC_NO_NODE, esc_param_value (u, l, 0), addr_of (u, l, d));
  CALL (u, l, put, ESC_NO_NODE, addr_of (u, l, lo), addr_of (u, l, e));
  CALL (u, l, use, ESC_NO_NODE, addr_of (u, l, f));
  CALL (u, l, rec, ESC_NO_NODE, addr_of (u, l, h), ESC_NO_NODE);
  CALL (u, l, rec2, ESC_NO_NODE, addr_of (u, l, k));
  esc_node rm = esc_cell (u, l);
  esc_call (u, l, mk, rm, NULL, 0);
  esc_late_solve (u, l);

  EXPECT_OBJ (u, l, a, ESC_R_CALL_KEEPS, "keep", 1);
  CHECK (!esc_freed_elsewhere (u, l, a));
  CHECK (esc_may_point_to (u, l, pa, a));
  CHECK (!esc_may_point_to (u, l, pa, b));
  EXPECT_NOESC (u, l, b);
  CHECK (esc_may_point_to (u, l, rb, b));
  EXPECT_OBJ (u, l, c, ESC_R_GLOBAL, "g2", 0);
  EXPECT_OBJ (u, l, d, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_PARAM_NOESC (u, l, 0);
  EXPECT_NOESC (u, l, e);
  EXPECT_NOESC (u, l, lo);
  EXPECT_NOESC (u, l, f);
  EXPECT_NOESC (u, l, h);
  EXPECT_OBJ (u, l, k, ESC_R_CALL_UNKNOWN, "rec2", 1);
  CHECK (!esc_pointee_own (u, l, rm));		/* mk's allocation */
  /* The unit's own verdicts are untouched.  */
  EXPECT_PARAM_ESC (u, keep, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, mk, mko, ESC_R_RETURNED, NULL, 0);
  esc_late_end (u, l);
  esc_unit_free (u);
}

/* Free marks, removable or not, carried through summaries.
   void drop (int *p) { free (p); }			(removable there)
   void heap (int *p) { malloc_usable_size (p); }	(not removable)
   void drop2 (int *p) { drop (p); }			(two levels)
   void dropin (struct s *v) { free (v->buf); }	(one level down)
   void rdrop (int *p, int n) { if (n) rdrop (p, n - 1); else free (p); }
   void keep (int *p) { g = p; }   void use (int *p) { int v = *p; }
   void m (void) { int *o = malloc (4); drop (o); int *o2 = malloc (4);
		   free (o2); }		(a free is not an escape)
   void late (void) {
     int *a = malloc (4); keep (a);			not freed
     int *b = malloc (4); drop (b);			freed elsewhere
     int *c = malloc (4); free (c);			removable: not
     int *d = malloc (4); malloc_usable_size (d);	elsewhere
     int *e = malloc (4); drop2 (e);			elsewhere
     struct s s1; s1.buf = malloc (4); dropin (&s1);	the buffer
     int *h = malloc (4); use (h); free (h);		not
     int *r = malloc (4); rdrop (r, 3);			elsewhere
     int *k = malloc (4); heap (k);			elsewhere
     int *n = malloc (4); free (n); drop (n);		elsewhere
     int *z = malloc (4); free (0);  }			not  */
static void
test_late_frees (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn drop = define (u, "drop", 1, "p", NULL, NULL);
  esc_free (u, drop, esc_param_value (u, drop, 0), 1);
  esc_fn heap = define (u, "heap", 1, "p", NULL, NULL);
  esc_free (u, heap, esc_param_value (u, heap, 0), 0);
  esc_fn drop2 = define (u, "drop2", 1, "p", NULL, NULL);
  CALL (u, drop2, drop, ESC_NO_NODE, esc_param_value (u, drop2, 0));
  esc_fn dropin = define (u, "dropin", 1, "v", NULL, NULL);
  esc_node buf = esc_cell (u, dropin);
  esc_load (u, dropin, buf, esc_param_value (u, dropin, 0));
  esc_free (u, dropin, buf, 1);
  esc_fn rdrop = define (u, "rdrop", 2, "p", "n", NULL);
  CALL (u, rdrop, rdrop, ESC_NO_NODE, esc_param_value (u, rdrop, 0),
	ESC_NO_NODE);
  esc_free (u, rdrop, esc_param_value (u, rdrop, 0), 1);
  esc_fn keep = define (u, "keep", 1, "p", NULL, NULL);
  esc_copy (u, keep, esc_global (u, keep, "g"), esc_param_value (u, keep, 0));
  esc_fn use = define (u, "use", 1, "p", NULL, NULL);
  esc_load (u, use, esc_cell (u, use), esc_param_value (u, use, 0));
  esc_fn m = define (u, "m", 0, NULL, NULL, NULL);
  esc_node mo = esc_object (u, m), mo2 = esc_object (u, m);
  CALL (u, m, drop, ESC_NO_NODE, addr_of (u, m, mo));
  esc_free (u, m, addr_of (u, m, mo2), 1);
  esc_free (u, m, ESC_NO_NODE, 1);
  esc_unit_solve (u);
  EXPECT_PARAM_NOESC (u, drop, 0);
  EXPECT_PARAM_NOESC (u, heap, 0);
  EXPECT_PARAM_NOESC (u, drop2, 0);
  EXPECT_PARAM_NOESC (u, dropin, 0);
  EXPECT_PARAM_NOESC (u, rdrop, 0);
  EXPECT_NOESC (u, m, mo);
  EXPECT_NOESC (u, m, mo2);

  esc_fn l = late (u, "late", 0, NULL, NULL, NULL);
  esc_node a = esc_object (u, l), b = esc_object (u, l), c = esc_object (u, l);
  esc_node d = esc_object (u, l), e = esc_object (u, l);
  esc_node s1 = esc_object (u, l), sb = esc_object (u, l);
  esc_node h = esc_object (u, l), r = esc_object (u, l), k = esc_object (u, l);
  esc_node n = esc_object (u, l), z = esc_object (u, l);
  CALL (u, l, keep, ESC_NO_NODE, addr_of (u, l, a));
  CALL (u, l, drop, ESC_NO_NODE, addr_of (u, l, b));
  esc_free (u, l, addr_of (u, l, c), 1);
  esc_free (u, l, addr_of (u, l, d), 0);
  CALL (u, l, drop2, ESC_NO_NODE, addr_of (u, l, e));
  set_addr (u, l, s1, sb);
  CALL (u, l, dropin, ESC_NO_NODE, addr_of (u, l, s1));
  esc_node ph = addr_of (u, l, h);
  CALL (u, l, use, ESC_NO_NODE, ph);
  esc_free (u, l, ph, 1);
  CALL (u, l, rdrop, ESC_NO_NODE, addr_of (u, l, r), ESC_NO_NODE);
  CALL (u, l, heap, ESC_NO_NODE, addr_of (u, l, k));
  esc_node pn = addr_of (u, l, n);
  esc_free (u, l, pn, 1);
  CALL (u, l, drop, ESC_NO_NODE, pn);
  (void) addr_of (u, l, z);
  esc_free (u, l, ESC_NO_NODE, 1);
  esc_free (u, l, esc_cell (u, l), 1);	/* a pointer to nothing */
  esc_late_solve (u, l);

  CHECK (!esc_freed_elsewhere (u, l, a));
  EXPECT_OBJ (u, l, a, ESC_R_CALL_KEEPS, "keep", 1);
  CHECK (esc_freed_elsewhere (u, l, b));
  EXPECT_NOESC (u, l, b);			/* a free is not an escape */
  CHECK (!esc_freed_elsewhere (u, l, c));
  EXPECT_NOESC (u, l, c);
  CHECK (esc_freed_elsewhere (u, l, d));
  CHECK (esc_freed_elsewhere (u, l, e));
  CHECK (esc_freed_elsewhere (u, l, sb));
  CHECK (!esc_freed_elsewhere (u, l, s1));
  EXPECT_NOESC (u, l, s1);
  EXPECT_NOESC (u, l, sb);
  CHECK (!esc_freed_elsewhere (u, l, h));
  CHECK (esc_freed_elsewhere (u, l, r));
  CHECK (esc_freed_elsewhere (u, l, k));
  CHECK (esc_freed_elsewhere (u, l, n));
  CHECK (!esc_freed_elsewhere (u, l, z));
  esc_late_end (u, l);
  esc_unit_free (u);
}

/* esc_pointee_own and esc_may_point_to.
   int *g, *g2;  void put (int **d) { *d = malloc (4); }
   extern void ext (int **);
   void late (int **pp, long n) {
     int *o = malloc (4); int *slot; int **ps = &slot; *ps = o;
     int *q = *ps;				own: o only
     int *o1 = malloc (4); struct t t1; t1.f = o1; int *q1 = t1.f;	own
     int *o2 = malloc (4); int *slot2 = o2; if (c) slot2 = *pp;
     int *q2 = slot2;				may be the caller's
						(&o2 is still own: flow is
						directed)
     int *o3 = malloc (4); int *slot3 = o3; if (c) slot3 = g;
     int *q3 = slot3;				may be the global's
						(o3 does not escape)
     int *o4 = malloc (4); g2 = o4;		reachable from a global
     int *o5 = malloc (4); *pp = o5;		reachable from the caller
     int *slot6; put (&slot6); int *q6 = slot6;	put's allocation
     int *u = (int *) 0x1234;			unknown memory
     struct s s7; s7.p = g;			s7 is own (its contents not)
     int loc[4];				own
     int *o8 = malloc (4); int *slot8 = o8; ext (&slot8);
     int *q8 = slot8;				ext may have stored anything
     int *o9 = malloc (4); int *slot9 = o9; fp (&slot9);
     int *q9 = slot9;				so may fp  }  */
static void
test_late_pointee_own (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn put = define (u, "put", 1, "d", NULL, NULL);
  esc_node po_put = esc_object (u, put);
  esc_store (u, put, esc_param_value (u, put, 0), addr_of (u, put, po_put));
  esc_fn ext = decl (u, "ext");
  esc_unit_solve (u);

  esc_fn l = late (u, "late", 2, "pp", "n", NULL);
  esc_param_set_scalar (u, l, 1);
  esc_node pp = esc_param_value (u, l, 0), n = esc_param_value (u, l, 1);

  esc_node o = esc_object (u, l), slot = esc_object (u, l);
  esc_node po = addr_of (u, l, o), ps = addr_of (u, l, slot);
  esc_store (u, l, ps, po);
  esc_node q = esc_cell (u, l);
  esc_load (u, l, q, ps);

  esc_node o1 = esc_object (u, l), t1 = esc_object (u, l);
  esc_copy (u, l, t1, addr_of (u, l, o1));
  esc_node q1 = esc_cell (u, l);
  esc_copy (u, l, q1, t1);

  esc_node o2 = esc_object (u, l), slot2 = esc_object (u, l);
  esc_node po2 = addr_of (u, l, o2);
  esc_copy (u, l, slot2, po2);
  esc_node lp = esc_cell (u, l);
  esc_load (u, l, lp, pp);
  esc_copy (u, l, slot2, lp);
  esc_node q2 = esc_cell (u, l);
  esc_copy (u, l, q2, slot2);

  esc_node o3 = esc_object (u, l), slot3 = esc_object (u, l);
  esc_copy (u, l, slot3, addr_of (u, l, o3));
  esc_copy (u, l, slot3, esc_global (u, l, "g"));
  esc_node q3 = esc_cell (u, l);
  esc_copy (u, l, q3, slot3);

  esc_node o4 = esc_object (u, l);
  esc_node po4 = addr_of (u, l, o4);
  esc_copy (u, l, esc_global (u, l, "g2"), po4);

  esc_node o5 = esc_object (u, l);
  esc_node po5 = addr_of (u, l, o5);
  esc_store (u, l, pp, po5);

  esc_node slot6 = esc_object (u, l);
  CALL (u, l, put, ESC_NO_NODE, addr_of (u, l, slot6));
  esc_node q6 = esc_cell (u, l);
  esc_copy (u, l, q6, slot6);

  esc_node pu = addr_of (u, l, esc_unknown (u, l));

  esc_node s7 = esc_object (u, l);
  esc_node lg = esc_cell (u, l);
  esc_copy (u, l, lg, esc_global (u, l, "g"));
  esc_copy (u, l, s7, lg);
  esc_node ps7 = addr_of (u, l, s7);

  esc_node loc = esc_object (u, l);
  esc_node ploc = addr_of (u, l, loc);

  esc_node o8 = esc_object (u, l), slot8 = esc_object (u, l);
  esc_copy (u, l, slot8, addr_of (u, l, o8));
  CALL (u, l, ext, ESC_NO_NODE, addr_of (u, l, slot8));
  esc_node q8 = esc_cell (u, l);
  esc_copy (u, l, q8, slot8);

  esc_node o9 = esc_object (u, l), slot9 = esc_object (u, l);
  esc_copy (u, l, slot9, addr_of (u, l, o9));
  struct esc_reason indirect = { ESC_R_INDIRECT_CALL, NULL, 0 };
  esc_escape (u, l, addr_of (u, l, slot9), indirect);
  esc_node q9 = esc_cell (u, l);
  esc_copy (u, l, q9, slot9);

  esc_node nothing = esc_cell (u, l);
  esc_late_solve (u, l);

  CHECK (esc_pointee_own (u, l, q));
  CHECK (esc_pointee_own (u, l, po));
  CHECK (esc_pointee_own (u, l, ps));
  CHECK (esc_may_point_to (u, l, q, o));
  CHECK (!esc_may_point_to (u, l, q, slot));
  CHECK (esc_may_point_to (u, l, ps, slot));
  EXPECT_NOESC (u, l, o);
  EXPECT_NOESC (u, l, slot);

  CHECK (esc_pointee_own (u, l, q1));
  CHECK (esc_may_point_to (u, l, q1, o1));
  CHECK (!esc_may_point_to (u, l, q1, o));

  CHECK (!esc_pointee_own (u, l, q2));
  CHECK (esc_pointee_own (u, l, po2));
  CHECK (esc_may_point_to (u, l, q2, o2));

  CHECK (!esc_pointee_own (u, l, q3));
  CHECK (esc_may_point_to (u, l, q3, o3));
  EXPECT_NOESC (u, l, o3);

  CHECK (!esc_pointee_own (u, l, po4));
  EXPECT_OBJ (u, l, o4, ESC_R_GLOBAL, "g2", 0);

  CHECK (!esc_pointee_own (u, l, po5));
  EXPECT_OBJ (u, l, o5, ESC_R_PARAM_STORE, "pp", 0);

  CHECK (!esc_pointee_own (u, l, q6));
  CHECK (!esc_pointee_own (u, l, pu));
  CHECK (esc_pointee_own (u, l, ps7));
  CHECK (!esc_pointee_own (u, l, lg));
  CHECK (esc_pointee_own (u, l, ploc));
  CHECK (!esc_pointee_own (u, l, pp));
  CHECK (!esc_pointee_own (u, l, lp));
  CHECK (!esc_pointee_own (u, l, n));		/* a scalar still flows */
  CHECK (!esc_pointee_own (u, l, nothing));	/* points nowhere known */
  CHECK (!esc_may_point_to (u, l, nothing, o));

  /* A local handed to an unknown function, or through a pointer: what is
     loaded from it afterwards may be anything the callee stored there.  */
  EXPECT_OBJ (u, l, slot8, ESC_R_CALL_UNKNOWN, "ext", 1);
  CHECK_MSG (!esc_pointee_own (u, l, q8), "expected a pointer loaded from "
	     "a local passed to an unknown function not to be own");
  EXPECT_OBJ (u, l, slot9, ESC_R_INDIRECT_CALL, NULL, 0);
  CHECK_MSG (!esc_pointee_own (u, l, q9), "expected a pointer loaded from "
	     "a local passed through a function pointer not to be own");
  esc_late_end (u, l);
  esc_unit_free (u);
}

/* Late functions come and go: several at once, with and without
   parameters, solved or not, ended in any order or not at all.  The unit
   frees what is left, once (ASan checks for double frees and leaks).
   void keep (int *p) { g = p; }
   void set (int **out) { int x; *out = &x; }  */
static void
test_late_lifecycle (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_fn keep = define (u, "keep", 1, "p", NULL, NULL);
  esc_copy (u, keep, esc_global (u, keep, "g"), esc_param_value (u, keep, 0));
  esc_fn set = define (u, "set", 1, "out", NULL, NULL);
  esc_node sx = esc_object (u, set);
  esc_store (u, set, esc_param_value (u, set, 0), addr_of (u, set, sx));
  esc_unit_solve (u);

  /* l1 (void) { int *o = malloc (4); keep (o); }: solved, ended.  */
  esc_fn l1 = late (u, "l1", 0, NULL, NULL, NULL);
  esc_node o1 = esc_object (u, l1);
  CALL (u, l1, keep, ESC_NO_NODE, addr_of (u, l1, o1));
  esc_late_solve (u, l1);
  EXPECT_OBJ (u, l1, o1, ESC_R_CALL_KEEPS, "keep", 1);
  esc_late_end (u, l1);

  /* l2 (int *a, int *b) { int x; int *p = &x; }: ended unsolved (no
     allocation: the stackify pass does not solve it).  */
  esc_fn l2 = late (u, "l2", 2, "a", "b", NULL);
  set_addr (u, l2, esc_object (u, l2), esc_object (u, l2));
  esc_late_end (u, l2);

  /* l3 (int **out, int *v) { int y; *out = v; int *r = malloc (4);
     return r; } and l4 (int **, int *, int *), unnamed, open together:
     l4 begun before l3 is solved, l3 ended before l4 is asked.  */
  esc_fn l3 = late (u, "l3", 2, "out", "v", NULL);
  esc_fn l4 = esc_late_begin (u, NULL, 3, NULL);
  esc_node y3 = esc_object (u, l3), r3 = esc_object (u, l3);
  esc_node x4 = esc_object (u, l4), w4 = esc_object (u, l4);
  esc_store (u, l3, esc_param_value (u, l3, 0), esc_param_value (u, l3, 1));
  esc_store (u, l4, esc_param_value (u, l4, 0), addr_of (u, l4, x4));
  esc_return (u, l3, addr_of (u, l3, r3));
  set_addr (u, l3, esc_object (u, l3), y3);
  CALL (u, l4, set, ESC_NO_NODE, addr_of (u, l4, w4));
  esc_return (u, l4, esc_param_value (u, l4, 2));
  esc_late_solve (u, l3);
  esc_late_solve (u, l4);
  EXPECT_PARAM_NOESC (u, l3, 0);
  EXPECT_PARAM_ESC (u, l3, 1, ESC_R_PARAM_STORE, "out", 0);
  EXPECT_NOESC (u, l3, y3);
  EXPECT_OBJ (u, l3, r3, ESC_R_RETURNED, NULL, 0);
  esc_late_end (u, l3);
  EXPECT_OBJ (u, l4, x4, ESC_R_PARAM_STORE, NULL, 0);
  EXPECT_NOESC (u, l4, w4);
  EXPECT_PARAM_NOESC (u, l4, 1);
  EXPECT_PARAM_LEAKS (u, l4, 2);
  esc_late_end (u, l4);

  /* l5 calls l1, which has ended: an unknown function now.  */
  esc_fn l5 = late (u, "l5", 1, "p", NULL, NULL);
  esc_node o5 = esc_object (u, l5);
  CALL (u, l5, l1, ESC_NO_NODE, addr_of (u, l5, o5));
  esc_late_solve (u, l5);
  EXPECT_OBJ (u, l5, o5, ESC_R_CALL_UNKNOWN, "l1", 1);
  esc_late_end (u, l5);

  /* Many late functions, one after the other as the stackify pass makes
     them, each with parameters: the unit's functions keep their verdicts
     and summaries.  */
  int ok = 1;
  for (int i = 0; i < 300; i++)
    {
      esc_fn l = late (u, "many", 2, "out", NULL, NULL);
      esc_node a = esc_object (u, l), b = esc_object (u, l);
      CALL (u, l, keep, ESC_NO_NODE, addr_of (u, l, a));
      CALL (u, l, set, ESC_NO_NODE, esc_param_value (u, l, 0));
      esc_store (u, l, esc_param_value (u, l, 0), addr_of (u, l, b));
      esc_free (u, l, esc_param_value (u, l, 1), 1);
      if (i % 3 != 2)
	{
	  esc_late_solve (u, l);
	  if (!reason_is (esc_object_verdict (u, l, a), ESC_R_CALL_KEEPS,
			  "keep", 1)
	      || !reason_is (esc_object_verdict (u, l, b), ESC_R_PARAM_STORE,
			     "out", 0)
	      || esc_freed_elsewhere (u, l, a))
	    ok = 0;
	}
      esc_late_end (u, l);
    }
  CHECK_MSG (ok, "expected 200 late functions solved one after the other "
	     "to get the same verdicts");
  EXPECT_PARAM_ESC (u, keep, 0, ESC_R_GLOBAL, "g", 0);
  EXPECT_OBJ (u, set, sx, ESC_R_PARAM_STORE, "out", 0);

  /* l6 is solved and l7 only begun, l8 begun with no parameter names;
     none is ended: esc_unit_free frees them.  */
  esc_fn l6 = late (u, "l6", 1, "p", NULL, NULL);
  esc_node o6 = esc_object (u, l6);
  CALL (u, l6, keep, ESC_NO_NODE, addr_of (u, l6, o6));
  esc_late_solve (u, l6);
  CHECK (!esc_pointee_own (u, l6, esc_param_value (u, l6, 0)));
  esc_fn l7 = late (u, "l7", 2, "a", "b", NULL);
  esc_store (u, l7, esc_param_value (u, l7, 0), esc_param_value (u, l7, 1));
  esc_fn l8 = esc_late_begin (u, "l8", 3, NULL);
  esc_free (u, l8, esc_param_value (u, l8, 2), 0);
  esc_unit_free (u);
}

int
main (void)
{
  test_intern ();
  test_declare ();
  test_reason_text ();
  test_returned ();
  test_global ();
  test_param_store ();
  test_memory ();
  test_call_keeps ();
  test_call_unknown ();
  test_escape_reasons ();
  test_no_escape ();
  test_param_verdicts ();
  test_three_levels ();
  test_returns_argument ();
  test_store_through_arg ();
  test_loaded_global ();
  test_recursion ();
  test_recursion_orders ();
  test_callee_after_caller ();
  test_determinism ();
  test_argument_order ();
  test_unification_details ();
  test_random_call_graphs ();
  test_no_node ();
  test_many_objects ();
  test_summary_shapes ();
  test_summary_limit ();
  test_long_chains ();
  test_long_call_chain ();
  test_large_component ();
  test_fields ();
  test_large_component_levels ();
  test_large_component_folding ();
  test_fn_find ();
  test_fn_recursive ();
  test_calls_out ();
  test_scalar_params ();
  test_late_calls ();
  test_late_frees ();
  test_late_pointee_own ();
  test_late_lifecycle ();
  printf ("core: %d passed, %d failed\n", n_passed, n_failed);
  return n_failed ? 1 : 0;
}
