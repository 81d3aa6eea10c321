/* paths-test.c -- unit tests of the paths of the core (escape-paths.c).

   Each test writes a small C scenario (in the comment above it) with the
   core's API as escape-extract.cc would, a site (a line number) before
   each statement, and checks the path rendered as one line:

     KIND[ NAME][ via POINTER][ (argno N)][ >DEPTH]@SITE ...

   where the last step's KIND is the reason's text in brackets.  */

#include "escape-core.h"

#include <stdio.h>
#include <string.h>

static int n_passed, n_failed;

static void
render (const struct esc_step *steps, size_t count, char *buf, size_t size)
{
  static const char *const kinds[] = { "address", "copy", "store", "load",
				       "call", "return", "escape", "untold" };
  size_t n = 0;
  buf[0] = 0;
  for (size_t i = 0; i < count && n < size; i++)
    {
      const struct esc_step *s = &steps[i];
      char why[200] = "";
      int told = s->kind == ESC_STEP_ESCAPE || s->kind == ESC_STEP_UNTOLD;
      if (told)
	esc_reason_text (s->reason, why, sizeof why);
      n += snprintf (buf + n, size - n, "%s%s%s%s%s%s%s%s",
		     i ? " " : "",
		     s->kind == ESC_STEP_ESCAPE ? "" : kinds[s->kind],
		     told ? "[" : "", told ? why : "", told ? "]" : "",
		     s->name ? " " : "", s->name ? s->name : "",
		     s->through ? " via " : "");
      if (s->through && n < size)
	n += snprintf (buf + n, size - n, "%s", s->through);
      if (s->kind == ESC_STEP_CALL && n < size)
	n += snprintf (buf + n, size - n, " (argno %d)", s->argno);
      if (s->depth && n < size)
	n += snprintf (buf + n, size - n, " >%u", s->depth);
      if (n < size)
	n += snprintf (buf + n, size - n, "@%u", (unsigned) s->site);
    }
}

static void
expect_path_at (int line, const struct esc_step *steps, size_t count,
		const char *want)
{
  char got[2048];
  render (steps, count, got, sizeof got);
  if (!strcmp (got, want))
    {
      n_passed++;
      return;
    }
  n_failed++;
  printf ("%s:%d: FAIL: path\n  want: %s\n  got:  %s\n", __FILE__, line,
	  want, got);
}

#define EXPECT_OBJ_PATH(u, f, o, want)					\
  do {									\
    size_t count_;							\
    const struct esc_step *s_ = esc_object_path ((u), (f), (o), &count_); \
    expect_path_at (__LINE__, s_, count_, (want));			\
  } while (0)

#define EXPECT_PARAM_PATH(u, f, i, want)				\
  do {									\
    size_t count_;							\
    const struct esc_step *s_ = esc_param_path ((u), (f), (i), &count_); \
    expect_path_at (__LINE__, s_, count_, (want));			\
  } while (0)

static int keys[16];

static esc_fn
declare (struct esc_unit *u, int k, const char *name, unsigned nparams,
	 const char *const *params)
{
  esc_fn f = esc_fn_declare (u, &keys[k], name);
  if (nparams != (unsigned) -1)
    esc_fn_begin (u, f, nparams, params);
  return f;
}

static struct esc_unit *
new_unit (void)
{
  struct esc_unit *u = esc_unit_new ();
  esc_unit_keep_paths (u);
  return u;
}

/* void f (void) { int x; int *p = &x; int *q = p; g = q; }  */
static void
test_copies_to_global (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn f = declare (u, 0, "f", 0, NULL);
  esc_node x = esc_object (u, f), p = esc_cell (u, f), q = esc_cell (u, f);
  esc_node tmp = esc_cell (u, f);
  esc_name_node (u, f, x, "x");
  esc_name_node (u, f, p, "p");
  esc_name_node (u, f, q, "q");
  esc_set_site (u, f, 2);
  esc_addr (u, f, p, x);
  esc_set_site (u, f, 3);
  esc_copy (u, f, tmp, p);	/* a temporary: no step */
  esc_copy (u, f, q, tmp);
  esc_set_site (u, f, 4);
  esc_copy (u, f, esc_global (u, f, "g"), q);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x,
		   "address x@2 copy q@3 [stored in global 'g']@4");
  esc_unit_free (u);
}

/* void f (void) { int x; struct s s; s.p = &x; keep (&s); }
   keep is unknown: x is stored in s, and s's address goes to keep.  */
static void
test_through_an_object (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn f = declare (u, 0, "f", 0, NULL);
  esc_fn keep = declare (u, 1, "keep", (unsigned) -1, NULL);
  esc_node x = esc_object (u, f), s = esc_object (u, f);
  esc_node t = esc_cell (u, f), a = esc_cell (u, f);
  esc_name_node (u, f, x, "x");
  esc_name_node (u, f, s, "s");
  esc_set_site (u, f, 10);
  esc_addr (u, f, t, x);
  esc_copy (u, f, s, t);
  esc_set_site (u, f, 11);
  esc_addr (u, f, a, s);
  esc_call (u, f, keep, ESC_NO_NODE, &a, 1);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x,
		   "address x@10 copy s@10 address s@11 "
		   "[passed to 'keep' (argument 1), which may keep it]@11");
  EXPECT_OBJ_PATH (u, f, s,
		   "address s@11 "
		   "[passed to 'keep' (argument 1), which may keep it]@11");
  esc_unit_free (u);
}

/* void h (int *q) { g = q; }            (solved first: a summary)
   void f (void) { int *p = malloc (4); h (p); }  */
static void
test_into_a_callee (void)
{
  struct esc_unit *u = new_unit ();
  const char *hp[] = { "q" };
  esc_fn h = declare (u, 0, "h", 1, hp);
  esc_fn f = declare (u, 1, "f", 0, NULL);
  esc_set_site (u, h, 1);
  esc_copy (u, h, esc_global (u, h, "g"), esc_param_value (u, h, 0));
  esc_node o = esc_object (u, f), p = esc_cell (u, f);
  esc_name_node (u, f, p, "p");
  esc_set_site (u, f, 5);
  esc_addr (u, f, p, o);
  esc_set_site (u, f, 6);
  esc_call (u, f, h, ESC_NO_NODE, &p, 1);
  esc_unit_solve (u);
  EXPECT_PARAM_PATH (u, h, 0, "[stored in global 'g']@1");
  EXPECT_OBJ_PATH (u, f, o,
		   "address@5 [passed to 'h' (argument 1), which keeps it]@6 "
		   "[stored in global 'g'] >1@1");
  esc_unit_free (u);
}

/* int *f (void) { int *p = malloc (4); int **pp = &p; int *r = *pp;
   return r; }  -- returned after a load.  */
static void
test_returned_after_load (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn f = declare (u, 0, "f", 0, NULL);
  esc_node o = esc_object (u, f), p = esc_object (u, f);
  esc_node pp = esc_cell (u, f), r = esc_cell (u, f), t = esc_cell (u, f);
  esc_name_node (u, f, p, "p");
  esc_name_node (u, f, pp, "pp");
  esc_name_node (u, f, r, "r");
  esc_set_site (u, f, 20);
  esc_addr (u, f, t, o);
  esc_copy (u, f, p, t);
  esc_set_site (u, f, 21);
  esc_addr (u, f, pp, p);
  esc_set_site (u, f, 22);
  esc_load (u, f, r, pp);
  esc_set_site (u, f, 23);
  esc_return (u, f, r);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, o,
		   "address@20 copy p@20 load p via pp@22 [returned to caller]@23");
  esc_unit_free (u);
}

/* Mutually recursive a and b (one component): void a (int *p) { b (p); }
   void b (int *q) { if (...) a (q); sink (q); }  -- the call into b is a
   step one level deeper.  */
static void
test_component_call (void)
{
  struct esc_unit *u = new_unit ();
  const char *ap[] = { "p" }, *bp[] = { "q" };
  esc_fn a = declare (u, 0, "a", 1, ap);
  esc_fn b = declare (u, 1, "b", 1, bp);
  esc_fn sink = declare (u, 2, "sink", (unsigned) -1, NULL);
  esc_node pa = esc_param_value (u, a, 0), qb = esc_param_value (u, b, 0);
  esc_set_site (u, a, 30);
  esc_call (u, a, b, ESC_NO_NODE, &pa, 1);
  esc_set_site (u, b, 40);
  esc_call (u, b, a, ESC_NO_NODE, &qb, 1);
  esc_set_site (u, b, 41);
  esc_call (u, b, sink, ESC_NO_NODE, &qb, 1);
  esc_unit_solve (u);
  EXPECT_PARAM_PATH (u, a, 0,
		     "call b (argno 1)@30 "
		     "[passed to 'sink' (argument 1), which may keep it] >1@41");
  esc_unit_free (u);
}

/* int *h (void) { return malloc (4); }        (solved first: a summary)
   void f (void) { int x; int **q = h (); *q = &x; keep (q); }
   x is stored in h's allocation, which f has no op to take the address
   of: the path goes as far as the store, then says it lost the way.  */
static void
test_lost_way (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn h = declare (u, 0, "h", 0, NULL);
  esc_fn f = declare (u, 1, "f", 0, NULL);
  esc_fn keep = declare (u, 2, "keep", (unsigned) -1, NULL);
  esc_node m = esc_object (u, h), t = esc_cell (u, h);
  esc_addr (u, h, t, m);
  esc_return (u, h, t);
  esc_node x = esc_object (u, f), q = esc_cell (u, f), a = esc_cell (u, f);
  esc_name_node (u, f, x, "x");
  esc_name_node (u, f, q, "q");
  esc_set_site (u, f, 50);
  esc_call (u, f, h, q, NULL, 0);
  esc_set_site (u, f, 51);
  esc_addr (u, f, a, x);
  esc_store (u, f, q, a);
  esc_set_site (u, f, 52);
  esc_call (u, f, keep, ESC_NO_NODE, &q, 1);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x,
		   "address x@51 store via q@51 "
		   "untold[passed to 'keep' (argument 1), which may keep it]@0");
  esc_unit_free (u);
}

/* void f (int **pp) { int x; *pp = &x; gp = pp; }
   x is stored in what pp points to, which escapes with pp: the second
   link starts at the parameter.  */
static void
test_through_what_a_parameter_points_to (void)
{
  struct esc_unit *u = new_unit ();
  const char *fp[] = { "pp" };
  esc_fn f = declare (u, 0, "f", 1, fp);
  esc_node pp = esc_param_value (u, f, 0);
  esc_node x = esc_object (u, f), a = esc_cell (u, f);
  esc_name_node (u, f, x, "x");
  esc_set_site (u, f, 60);
  esc_addr (u, f, a, x);
  esc_store (u, f, pp, a);
  esc_set_site (u, f, 61);
  esc_copy (u, f, esc_global (u, f, "gp"), pp);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x,
		   "address x@60 store via pp@60 address via pp@0 "
		   "[stored in global 'gp']@61");
  esc_unit_free (u);
}

/* A construct the extractor does not model (escape_unsupported): its
   escape op is the last step, as any other reason's.  No C source the
   DejaGnu tests know gives one.  */
static void
test_unsupported_construct (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn f = declare (u, 0, "f", 0, NULL);
  esc_node x = esc_object (u, f), p = esc_cell (u, f);
  esc_name_node (u, f, x, "x");
  esc_name_node (u, f, p, "p");
  esc_set_site (u, f, 70);
  esc_addr (u, f, p, x);
  esc_set_site (u, f, 71);
  struct esc_reason why = { ESC_R_UNSUPPORTED, "some_ifn", 0 };
  esc_escape (u, f, p, why);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x,
		   "address x@70 [unsupported construct (some_ifn)]@71");
  esc_unit_free (u);
}

/* A node that no op takes the address of (no path found) gives no path;
   a object that does not escape has none either.  */
static void
test_no_path (void)
{
  struct esc_unit *u = new_unit ();
  esc_fn f = declare (u, 0, "f", 0, NULL);
  esc_node x = esc_object (u, f), p = esc_cell (u, f);
  esc_addr (u, f, p, x);
  esc_unit_solve (u);
  EXPECT_OBJ_PATH (u, f, x, "");
  esc_unit_free (u);
}

int
main (void)
{
  test_copies_to_global ();
  test_through_an_object ();
  test_into_a_callee ();
  test_returned_after_load ();
  test_component_call ();
  test_lost_way ();
  test_through_what_a_parameter_points_to ();
  test_unsupported_construct ();
  test_no_path ();
  printf ("paths: %d passed, %d failed\n", n_passed, n_failed);
  return n_failed != 0;
}
