/* escape-core.c -- the escape graph, its solver and parameter summaries.

   How it works (docs/design.md has the long version):

   1. The GIMPLE side records, per function, constraints over its own nodes
      (op_*).  Nothing is solved while recording.
   2. esc_unit_solve finds the strongly connected components of the call
      graph (Tarjan, iterative) and solves them callees first.  A component
      gets one union-find graph; every node has at most one points-to node,
      and a constraint unifies points-to classes (Steensgaard).  Calls inside
      the component are wired directly (context-insensitive); calls to a
      solved function instantiate its summary; calls to a function without a
      body make the arguments escape.
   3. Escape marks ("records") are resolved once the classes are final, and
      propagated along points-to edges: whatever an escaping object points
      to escapes too.
   4. Each function then gets its verdicts (what escapes it, including by
      being returned or stored through a parameter) and its summary.  */

#include "escape-core.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Small growable arrays.  */

#define VEC(T) struct { T *v; size_t n, cap; }

/* Nodes and summary indices are both uint32_t: one named vector type for
   both, so that it can be passed around.  */
struct node_vec
{
  esc_node *v;
  size_t n, cap;
};

static void *
xrealloc (void *p, size_t size)
{
  void *q = realloc (p, size ? size : 1);
  if (!q)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return q;
}

static void *
xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return p;
}

#define VEC_PUSH(vec, x)						\
  do {									\
    if ((vec).n == (vec).cap)						\
      {									\
	(vec).cap = (vec).cap ? 2 * (vec).cap : 8;			\
	(vec).v = xrealloc ((vec).v, (vec).cap * sizeof *(vec).v);	\
      }									\
    (vec).v[(vec).n++] = (x);						\
  } while (0)

#define VEC_FREE(vec) (free ((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

/* ------------------------------------------------------------------ */
/* Constraint programs.  */

enum op_kind
{
  OP_ADDR,	/* a = &b */
  OP_COPY,	/* a = b */
  OP_LOAD,	/* a = *b */
  OP_STORE,	/* *a = b */
  OP_ESCAPE,	/* what a points to escapes, reason[extra] */
  OP_EXTERNAL,	/* a is memory outside the function: what is stored in it
		   escapes, reason[extra] */
  OP_CALL,	/* a = call[extra] */
  OP_FREE	/* what a points to is freed; extra: FREED_* */
};

/* How a class is freed.  */
enum
{
  FREED_HERE = 1,	/* by a removable free call of the function */
  FREED_ELSEWHERE = 2	/* by a callee or a library function */
};

struct op
{
  unsigned char kind;
  esc_node a, b;
  uint32_t extra;
};

struct call
{
  esc_fn callee;
  uint32_t first_arg, nargs;
};

/* What a function leaves for its callers: the points-to shape reachable
   from its parameters' pointees and from what it returns.  */
struct summary
{
  uint32_t n;
  uint32_t *pt;			/* summary node or ESC_NO_NODE */
  struct esc_reason *escapes;	/* kind NONE if the node does not escape */
  struct esc_reason *external;	/* kind NONE unless its contents escape */
  unsigned char *freed;		/* non-zero if the callee may free it */
  int *argno;			/* 1-based parameter it was reached from,
				   0 if only from the return value */
  uint32_t *param;		/* per parameter: summary node */
  uint32_t ret;			/* summary node of the returned pointee */
  int too_big;
};

struct object_verdict
{
  esc_node node;
  struct esc_reason reason;
};

struct fn
{
  const void *key;
  const char *name;
  int has_body;
  unsigned nparams;
  const char **param_names;
  unsigned char *param_scalar;	/* see esc_param_set_scalar */
  int calls_out;		/* its own calls; then with its callees' */
  uint32_t nnodes;
  esc_node *param_value;
  esc_node ret_value;
  VEC (struct op) ops;
  VEC (struct esc_reason) reasons;
  VEC (struct call) calls;
  VEC (esc_node) call_args;
  VEC (struct object_verdict) objects;	/* sorted by node */

  /* Solver state.  */
  uint32_t base;		/* first node in the component's graph */
  uint32_t *param_obj;		/* graph node of each parameter's pointee */
  int scc;			/* component id, -1 until visited */
  int recursive;		/* in a cycle of the call graph */
  int late;			/* see esc_late_begin */
  struct graph *late_graph;	/* kept for the queries of a late function */
  int tarjan_index, tarjan_low, on_stack;
  struct summary summary;
  struct esc_param_verdict *param_verdicts;
};

struct esc_unit
{
  VEC (struct fn) fns;
  /* Interned strings: open addressing over char pointers.  */
  char **strings;
  size_t nstrings, strings_cap;
  /* Function keys: open addressing over (key, id).  */
  const void **keys;
  esc_fn *key_ids;
  size_t nkeys, keys_cap;
  int solved;
};

/* ------------------------------------------------------------------ */
/* Strings and keys.  */

static size_t
hash_string (const char *s)
{
  size_t h = 5381;
  while (*s)
    h = h * 33 + (unsigned char) *s++;
  return h;
}

static size_t
hash_pointer (const void *p)
{
  uintptr_t x = (uintptr_t) p;
  x ^= x >> 17;
  x *= (uintptr_t) 0x9E3779B97F4A7C15ull;
  return (size_t) (x ^ (x >> 29));
}

static void
grow_strings (struct esc_unit *unit)
{
  size_t old_cap = unit->strings_cap;
  char **old = unit->strings;
  unit->strings_cap = old_cap ? 2 * old_cap : 64;
  unit->strings = xcalloc (unit->strings_cap, sizeof *unit->strings);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i])
      {
	size_t j = hash_string (old[i]) & (unit->strings_cap - 1);
	while (unit->strings[j])
	  j = (j + 1) & (unit->strings_cap - 1);
	unit->strings[j] = old[i];
      }
  free (old);
}

const char *
esc_intern (struct esc_unit *unit, const char *s)
{
  if (!s)
    return NULL;
  if (2 * (unit->nstrings + 1) > unit->strings_cap)
    grow_strings (unit);
  size_t j = hash_string (s) & (unit->strings_cap - 1);
  while (unit->strings[j])
    {
      if (!strcmp (unit->strings[j], s))
	return unit->strings[j];
      j = (j + 1) & (unit->strings_cap - 1);
    }
  size_t len = strlen (s) + 1;
  unit->strings[j] = xrealloc (NULL, len);
  memcpy (unit->strings[j], s, len);
  unit->nstrings++;
  return unit->strings[j];
}

static void
grow_keys (struct esc_unit *unit)
{
  size_t old_cap = unit->keys_cap;
  const void **old_keys = unit->keys;
  esc_fn *old_ids = unit->key_ids;
  unit->keys_cap = old_cap ? 2 * old_cap : 64;
  unit->keys = xcalloc (unit->keys_cap, sizeof *unit->keys);
  unit->key_ids = xcalloc (unit->keys_cap, sizeof *unit->key_ids);
  for (size_t i = 0; i < old_cap; i++)
    if (old_keys[i])
      {
	size_t j = hash_pointer (old_keys[i]) & (unit->keys_cap - 1);
	while (unit->keys[j])
	  j = (j + 1) & (unit->keys_cap - 1);
	unit->keys[j] = old_keys[i];
	unit->key_ids[j] = old_ids[i];
      }
  free (old_keys);
  free (old_ids);
}

/* ------------------------------------------------------------------ */
/* Building programs.  */

struct esc_unit *
esc_unit_new (void)
{
  return xcalloc (1, sizeof (struct esc_unit));
}

static void
free_summary (struct summary *s)
{
  free (s->pt);
  free (s->escapes);
  free (s->external);
  free (s->argno);
  free (s->freed);
  free (s->param);
  memset (s, 0, sizeof *s);
}

struct graph;
static void graph_free (struct graph *g);

static void
free_fn (struct fn *f)
{
  free (f->param_names);
  free (f->param_scalar);
  free (f->param_value);
  free (f->param_obj);
  free (f->param_verdicts);
  VEC_FREE (f->ops);
  VEC_FREE (f->reasons);
  VEC_FREE (f->calls);
  VEC_FREE (f->call_args);
  VEC_FREE (f->objects);
  free_summary (&f->summary);
  if (f->late_graph)
    graph_free (f->late_graph);
  free (f->late_graph);
  f->param_names = NULL;
  f->param_scalar = NULL;
  f->param_value = f->param_obj = NULL;
  f->param_verdicts = NULL;
  f->late_graph = NULL;
}

void
esc_unit_free (struct esc_unit *unit)
{
  if (!unit)
    return;
  for (size_t i = 0; i < unit->fns.n; i++)
    free_fn (&unit->fns.v[i]);
  VEC_FREE (unit->fns);
  for (size_t i = 0; i < unit->strings_cap; i++)
    free (unit->strings[i]);
  free (unit->strings);
  free (unit->keys);
  free (unit->key_ids);
  free (unit);
}

static struct fn *
get_fn (struct esc_unit *unit, esc_fn fn)
{
  assert (fn >= 0 && (size_t) fn < unit->fns.n);
  return &unit->fns.v[fn];
}

esc_fn
esc_fn_find (const struct esc_unit *unit, const void *key)
{
  if (!unit->keys_cap)
    return -1;
  size_t j = hash_pointer (key) & (unit->keys_cap - 1);
  while (unit->keys[j])
    {
      if (unit->keys[j] == key)
	return unit->key_ids[j];
      j = (j + 1) & (unit->keys_cap - 1);
    }
  return -1;
}

esc_fn
esc_fn_declare (struct esc_unit *unit, const void *key, const char *name)
{
  assert (key);
  esc_fn found = esc_fn_find (unit, key);
  if (found >= 0)
    return found;
  if (2 * (unit->nkeys + 1) > unit->keys_cap)
    grow_keys (unit);
  size_t j = hash_pointer (key) & (unit->keys_cap - 1);
  while (unit->keys[j])
    j = (j + 1) & (unit->keys_cap - 1);
  struct fn f;
  memset (&f, 0, sizeof f);
  f.key = key;
  f.name = esc_intern (unit, name ? name : "<anonymous>");
  f.ret_value = ESC_NO_NODE;
  f.scc = -1;
  VEC_PUSH (unit->fns, f);
  unit->keys[j] = key;
  unit->key_ids[j] = (esc_fn) (unit->fns.n - 1);
  unit->nkeys++;
  return (esc_fn) (unit->fns.n - 1);
}

static esc_node
new_node (struct fn *f)
{
  return f->nnodes++;
}

void
esc_fn_begin (struct esc_unit *unit, esc_fn fn, unsigned nparams,
	      const char *const *param_names)
{
  struct fn *f = get_fn (unit, fn);
  assert (!f->has_body && !unit->solved);
  f->has_body = 1;
  f->nparams = nparams;
  f->param_names = xcalloc (nparams, sizeof *f->param_names);
  f->param_scalar = xcalloc (nparams, sizeof *f->param_scalar);
  f->param_value = xcalloc (nparams, sizeof *f->param_value);
  for (unsigned i = 0; i < nparams; i++)
    {
      f->param_names[i] = esc_intern (unit, param_names ? param_names[i]
				      : NULL);
      f->param_value[i] = new_node (f);
    }
  f->ret_value = new_node (f);
}

esc_node
esc_param_value (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = get_fn (unit, fn);
  assert (index < f->nparams);
  return f->param_value[index];
}

void
esc_param_set_scalar (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = get_fn (unit, fn);
  assert (index < f->nparams);
  f->param_scalar[index] = 1;
}

void
esc_fn_set_calls_out (struct esc_unit *unit, esc_fn fn)
{
  get_fn (unit, fn)->calls_out = 1;
}

esc_node
esc_return_value (struct esc_unit *unit, esc_fn fn)
{
  return get_fn (unit, fn)->ret_value;
}

esc_node
esc_cell (struct esc_unit *unit, esc_fn fn)
{
  return new_node (get_fn (unit, fn));
}

esc_node
esc_object (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  struct object_verdict o = { new_node (f), { ESC_R_NONE, NULL, 0 } };
  VEC_PUSH (f->objects, o);
  return o.node;
}

static void
push_op (struct fn *f, enum op_kind kind, esc_node a, esc_node b,
	 uint32_t extra)
{
  struct op op = { (unsigned char) kind, a, b, extra };
  assert (a == ESC_NO_NODE || a < f->nnodes);
  assert (kind == OP_ESCAPE || kind == OP_EXTERNAL || kind == OP_CALL
	  || b == ESC_NO_NODE || b < f->nnodes);
  VEC_PUSH (f->ops, op);
}

static uint32_t
push_reason (struct esc_unit *unit, struct fn *f, struct esc_reason r)
{
  r.name = esc_intern (unit, r.name);
  VEC_PUSH (f->reasons, r);
  return (uint32_t) (f->reasons.n - 1);
}

static esc_node
external_node (struct esc_unit *unit, esc_fn fn, struct esc_reason r)
{
  struct fn *f = get_fn (unit, fn);
  esc_node n = new_node (f);
  push_op (f, OP_EXTERNAL, n, ESC_NO_NODE, push_reason (unit, f, r));
  return n;
}

esc_node
esc_global (struct esc_unit *unit, esc_fn fn, const char *name)
{
  struct esc_reason r = { ESC_R_GLOBAL, name, 0 };
  return external_node (unit, fn, r);
}

esc_node
esc_unknown (struct esc_unit *unit, esc_fn fn)
{
  struct esc_reason r = { ESC_R_MEMORY, NULL, 0 };
  return external_node (unit, fn, r);
}

static void
binary_op (struct esc_unit *unit, esc_fn fn, enum op_kind kind, esc_node a,
	   esc_node b)
{
  if (a == ESC_NO_NODE || b == ESC_NO_NODE)
    return;
  push_op (get_fn (unit, fn), kind, a, b, 0);
}

void
esc_addr (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node obj)
{
  binary_op (unit, fn, OP_ADDR, dst, obj);
}

void
esc_copy (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node src)
{
  if (dst != src)
    binary_op (unit, fn, OP_COPY, dst, src);
}

void
esc_load (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node ptr)
{
  binary_op (unit, fn, OP_LOAD, dst, ptr);
}

void
esc_store (struct esc_unit *unit, esc_fn fn, esc_node ptr, esc_node src)
{
  binary_op (unit, fn, OP_STORE, ptr, src);
}

void
esc_escape (struct esc_unit *unit, esc_fn fn, esc_node src,
	    struct esc_reason reason)
{
  struct fn *f = get_fn (unit, fn);
  if (src == ESC_NO_NODE)
    return;
  push_op (f, OP_ESCAPE, src, ESC_NO_NODE, push_reason (unit, f, reason));
}

void
esc_free (struct esc_unit *unit, esc_fn fn, esc_node ptr, int removable)
{
  struct fn *f = get_fn (unit, fn);
  if (ptr != ESC_NO_NODE)
    push_op (f, OP_FREE, ptr, ESC_NO_NODE,
	     removable ? FREED_HERE : FREED_ELSEWHERE);
}

void
esc_return (struct esc_unit *unit, esc_fn fn, esc_node src)
{
  struct fn *f = get_fn (unit, fn);
  esc_copy (unit, fn, f->ret_value, src);
}

void
esc_call (struct esc_unit *unit, esc_fn fn, esc_fn callee, esc_node lhs,
	  const esc_node *args, unsigned nargs)
{
  struct fn *f = get_fn (unit, fn);
  get_fn (unit, callee);
  struct call c = { callee, (uint32_t) f->call_args.n, nargs };
  for (unsigned i = 0; i < nargs; i++)
    {
      assert (args[i] == ESC_NO_NODE || args[i] < f->nnodes);
      VEC_PUSH (f->call_args, args[i]);
    }
  VEC_PUSH (f->calls, c);
  push_op (f, OP_CALL, lhs, ESC_NO_NODE, (uint32_t) (f->calls.n - 1));
}

/* ------------------------------------------------------------------ */
/* The union-find graph of one component.  */

struct record
{
  esc_node node;
  struct esc_reason reason;
  unsigned char contents;	/* mark what NODE points to, not NODE */
  unsigned char external;	/* NODE is memory outside the component */
  unsigned char freed;		/* FREED_*: a free mark, not an escape */
};

struct graph
{
  uint32_t *parent;
  unsigned char *rank;
  esc_node *pt;
  size_t n, cap;
  VEC (struct record) records;
  VEC (esc_node) pending;	/* pairs still to unify */
  /* Memory that is not the function's own: the parameters' pointees,
     externals, what a callee's summary brought in.  Everything reachable
     from it is foreign too (see esc_pointee_own).  */
  struct node_vec foreign_roots;
  unsigned char *foreign;
  /* Filled by mark_escapes: per class root.  */
  struct esc_reason *escapes;
  struct esc_reason *external;
  unsigned char *freed;		/* FREED_* */
  /* Scratch for walks: a stamp per node.  */
  uint32_t *stamp;
  struct esc_reason *local;	/* per class: why it outlives the call */
  uint32_t *index;		/* per class: summary node, or first root */
  uint32_t cur_stamp;
};

static esc_node
graph_new_node (struct graph *g)
{
  if (g->n == g->cap)
    {
      g->cap = g->cap ? 2 * g->cap : 64;
      g->parent = xrealloc (g->parent, g->cap * sizeof *g->parent);
      g->rank = xrealloc (g->rank, g->cap * sizeof *g->rank);
      g->pt = xrealloc (g->pt, g->cap * sizeof *g->pt);
    }
  g->parent[g->n] = (uint32_t) g->n;
  g->rank[g->n] = 0;
  g->pt[g->n] = ESC_NO_NODE;
  return (esc_node) g->n++;
}

static void
graph_free (struct graph *g)
{
  free (g->parent);
  free (g->rank);
  free (g->pt);
  free (g->escapes);
  free (g->external);
  free (g->freed);
  free (g->foreign);
  VEC_FREE (g->foreign_roots);
  free (g->stamp);
  free (g->local);
  free (g->index);
  VEC_FREE (g->records);
  VEC_FREE (g->pending);
}

static esc_node
find (struct graph *g, esc_node x)
{
  esc_node root = x;
  while (g->parent[root] != root)
    root = g->parent[root];
  while (g->parent[x] != root)
    {
      esc_node next = g->parent[x];
      g->parent[x] = root;
      x = next;
    }
  return root;
}

/* Merges the classes of A and B, and then their points-to classes, and so
   on down: iteratively, since the chains can be long.  */
static void
unify (struct graph *g, esc_node a, esc_node b)
{
  VEC_PUSH (g->pending, a);
  VEC_PUSH (g->pending, b);
  while (g->pending.n)
    {
      esc_node y = find (g, g->pending.v[--g->pending.n]);
      esc_node x = find (g, g->pending.v[--g->pending.n]);
      if (x == y)
	continue;
      if (g->rank[x] < g->rank[y])
	{
	  esc_node t = x;
	  x = y;
	  y = t;
	}
      g->parent[y] = x;
      if (g->rank[x] == g->rank[y])
	g->rank[x]++;
      esc_node px = g->pt[x], py = g->pt[y];
      if (px == ESC_NO_NODE)
	g->pt[x] = py;
      else if (py != ESC_NO_NODE)
	{
	  VEC_PUSH (g->pending, px);
	  VEC_PUSH (g->pending, py);
	}
    }
}

/* The points-to class of X's class, created empty if it has none.  */
static esc_node
pointee (struct graph *g, esc_node x)
{
  x = find (g, x);
  if (g->pt[x] == ESC_NO_NODE)
    {
      esc_node n = graph_new_node (g);
      g->pt[x] = n;
      return n;
    }
  return find (g, g->pt[x]);
}

/* The points-to class of X's class, or ESC_NO_NODE.  */
static esc_node
pointee_if_any (struct graph *g, esc_node x)
{
  esc_node p = g->pt[find (g, x)];
  return p == ESC_NO_NODE ? ESC_NO_NODE : find (g, p);
}

static void
add_record (struct graph *g, esc_node node, struct esc_reason reason,
	    int contents, int external)
{
  struct record r = { node, reason, (unsigned char) contents,
		      (unsigned char) external, 0 };
  VEC_PUSH (g->records, r);
}

static void
add_free_record (struct graph *g, esc_node node, int contents, int how)
{
  struct record r = { node, { ESC_R_NONE, NULL, 0 },
		      (unsigned char) contents, 0, (unsigned char) how };
  VEC_PUSH (g->records, r);
}

/* ------------------------------------------------------------------ */
/* Applying programs.  */

static struct esc_reason
make_reason (enum esc_reason_kind kind, const char *name, int argno)
{
  struct esc_reason r = { kind, name, argno };
  return r;
}

/* A call of a function the unit knows nothing about: every argument
   escapes and the result points to unknown memory.  */
static void
apply_unknown_call (struct graph *g, const struct fn *callee, esc_node lhs,
		    const esc_node *args, uint32_t nargs)
{
  for (uint32_t i = 0; i < nargs; i++)
    if (args[i] != ESC_NO_NODE)
      add_record (g, args[i], make_reason (ESC_R_CALL_UNKNOWN, callee->name,
					   (int) i + 1), 1, 0);
  if (lhs != ESC_NO_NODE)
    {
      esc_node u = pointee (g, lhs);
      add_record (g, u, make_reason (ESC_R_MEMORY, NULL, 0), 1, 1);
      VEC_PUSH (g->foreign_roots, u);
    }
}

/* A call of a function of the same component: wired directly.  */
static void
apply_component_call (struct graph *g, const struct fn *callee, esc_node lhs,
		      const esc_node *args, uint32_t nargs)
{
  for (uint32_t i = 0; i < nargs; i++)
    {
      if (args[i] == ESC_NO_NODE)
	continue;
      if (i < callee->nparams)
	unify (g, pointee (g, callee->base + callee->param_value[i]),
	       pointee (g, args[i]));
      else
	add_record (g, args[i], make_reason (ESC_R_CALL_UNKNOWN, callee->name,
					     (int) i + 1), 1, 0);
    }
  if (lhs != ESC_NO_NODE)
    unify (g, pointee (g, lhs), pointee (g, callee->base + callee->ret_value));
}

/* Maps summary node S onto class C of the caller, and everything below.  */
static void
map_summary_node (struct graph *g, esc_node *map, uint32_t node, esc_node c,
		  struct node_vec *work)
{
  if (map[node] != ESC_NO_NODE)
    {
      unify (g, map[node], c);
      return;
    }
  map[node] = c;
  VEC_PUSH (*work, node);
  VEC_PUSH (g->foreign_roots, c);
}

/* A call of a solved function of another component: its summary is
   copied onto the arguments' classes.  */
static void
apply_summary_call (struct graph *g, const struct fn *callee, esc_node lhs,
		    const esc_node *args, uint32_t nargs)
{
  const struct summary *s = &callee->summary;
  esc_node *map = xcalloc (s->n, sizeof *map);
  struct node_vec work = { NULL, 0, 0 };
  for (uint32_t i = 0; i < s->n; i++)
    map[i] = ESC_NO_NODE;
  for (uint32_t i = 0; i < nargs; i++)
    {
      if (args[i] == ESC_NO_NODE)
	continue;
      if (i >= callee->nparams)
	add_record (g, args[i], make_reason (ESC_R_CALL_UNKNOWN, callee->name,
					     (int) i + 1), 1, 0);
      else if (s->param[i] != ESC_NO_NODE)
	map_summary_node (g, map, s->param[i], pointee (g, args[i]),
			  &work);
    }
  if (lhs != ESC_NO_NODE && s->ret != ESC_NO_NODE)
    map_summary_node (g, map, s->ret, pointee (g, lhs), &work);
  /* First in, first out: the records follow the argument order.  */
  for (size_t next = 0; next < work.n; next++)
    {
      uint32_t node = work.v[next];
      esc_node c = map[node];
      if (s->escapes[node].kind != ESC_R_NONE)
	{
	  struct esc_reason r = s->argno[node]
	    ? make_reason (ESC_R_CALL_KEEPS, callee->name, s->argno[node])
	    : make_reason (ESC_R_MEMORY, NULL, 0);
	  add_record (g, c, r, 0, 0);
	}
      if (s->external[node].kind != ESC_R_NONE)
	add_record (g, c, s->external[node], 1, 1);
      if (s->freed[node])
	add_free_record (g, c, 0, FREED_ELSEWHERE);
      if (s->pt[node] != ESC_NO_NODE)
	map_summary_node (g, map, s->pt[node], pointee (g, c), &work);
    }
  VEC_FREE (work);
  free (map);
}

static void
apply_call (struct esc_unit *unit, struct graph *g, const struct fn *f,
	    const struct op *op)
{
  const struct call *c = &f->calls.v[op->extra];
  const struct fn *callee = &unit->fns.v[c->callee];
  esc_node lhs = op->a == ESC_NO_NODE ? ESC_NO_NODE : f->base + op->a;
  esc_node *args = xcalloc (c->nargs, sizeof *args);
  for (uint32_t i = 0; i < c->nargs; i++)
    {
      esc_node a = f->call_args.v[c->first_arg + i];
      args[i] = a == ESC_NO_NODE ? ESC_NO_NODE : f->base + a;
    }
  if (!callee->has_body || (callee->scc != f->scc && callee->summary.too_big))
    apply_unknown_call (g, callee, lhs, args, c->nargs);
  else if (callee->scc == f->scc)
    apply_component_call (g, callee, lhs, args, c->nargs);
  else
    apply_summary_call (g, callee, lhs, args, c->nargs);
  free (args);
}

static void
apply_op (struct esc_unit *unit, struct graph *g, const struct fn *f,
	  const struct op *op)
{
  esc_node a = f->base + op->a;
  esc_node b = f->base + op->b;
  switch ((enum op_kind) op->kind)
    {
    case OP_ADDR:
      unify (g, pointee (g, a), b);
      break;
    case OP_COPY:
      unify (g, pointee (g, a), pointee (g, b));
      break;
    case OP_LOAD:
      unify (g, pointee (g, a), pointee (g, pointee (g, b)));
      break;
    case OP_STORE:
      unify (g, pointee (g, pointee (g, a)), pointee (g, b));
      break;
    case OP_ESCAPE:
      add_record (g, a, f->reasons.v[op->extra], 1, 0);
      break;
    case OP_EXTERNAL:
      add_record (g, a, f->reasons.v[op->extra], 1, 1);
      VEC_PUSH (g->foreign_roots, a);
      break;
    case OP_CALL:
      apply_call (unit, g, f, op);
      break;
    case OP_FREE:
      add_free_record (g, a, 1, (int) op->extra);
      break;
    }
}

/* ------------------------------------------------------------------ */
/* Escape marks.  */

/* Marks class C as escaping for REASON, and everything it points to as
   stored in memory that escapes.  */
static void
mark_escaping (struct graph *g, esc_node c, struct esc_reason reason,
	       struct node_vec *work)
{
  c = find (g, c);
  if (g->escapes[c].kind != ESC_R_NONE)
    return;
  g->escapes[c] = reason;
  VEC_PUSH (*work, c);
  while (work->n)
    {
      esc_node p = pointee_if_any (g, work->v[--work->n]);
      if (p == ESC_NO_NODE || g->escapes[p].kind != ESC_R_NONE)
	continue;
      g->escapes[p] = make_reason (ESC_R_MEMORY, NULL, 0);
      VEC_PUSH (*work, p);
    }
}

/* Marks the foreign classes: the roots and what they point to.  */
static void
mark_foreign (struct graph *g)
{
  struct node_vec work = { NULL, 0, 0 };
  g->foreign = xcalloc (g->n, sizeof *g->foreign);
  for (size_t i = 0; i < g->foreign_roots.n; i++)
    {
      esc_node c = find (g, g->foreign_roots.v[i]);
      if (g->foreign[c])
	continue;
      g->foreign[c] = 1;
      VEC_PUSH (work, c);
      while (work.n)
	{
	  esc_node p = pointee_if_any (g, work.v[--work.n]);
	  if (p != ESC_NO_NODE && !g->foreign[p])
	    {
	      g->foreign[p] = 1;
	      VEC_PUSH (work, p);
	    }
	}
    }
  VEC_FREE (work);
}

/* Resolves the records, in the order they were made, once the classes are
   final.  */
static void
mark_escapes (struct graph *g)
{
  struct node_vec work = { NULL, 0, 0 };
  mark_foreign (g);
  g->escapes = xcalloc (g->n, sizeof *g->escapes);
  g->external = xcalloc (g->n, sizeof *g->external);
  g->freed = xcalloc (g->n, sizeof *g->freed);
  for (size_t i = 0; i < g->records.n; i++)
    {
      const struct record *r = &g->records.v[i];
      esc_node c = find (g, r->node);
      if (r->freed)
	{
	  if (r->contents)
	    c = pointee_if_any (g, c);
	  if (c != ESC_NO_NODE)
	    g->freed[c] |= r->freed;
	  continue;
	}
      if (r->external && g->external[c].kind == ESC_R_NONE)
	g->external[c] = r->reason;
      if (r->contents)
	c = pointee_if_any (g, c);
      if (c != ESC_NO_NODE)
	mark_escaping (g, c, r->reason, &work);
    }
  VEC_FREE (work);
}

/* Starts a walk: every node is unvisited.  */
static void
new_walk (struct graph *g)
{
  if (!g->stamp)
    {
      g->stamp = xcalloc (g->n, sizeof *g->stamp);
      g->local = xcalloc (g->n, sizeof *g->local);
      g->index = xcalloc (g->n, sizeof *g->index);
    }
  g->cur_stamp++;
}

static int
visited (const struct graph *g, esc_node c)
{
  return g->stamp[c] == g->cur_stamp;
}

/* Walks the points-to edges from class C (not yet escaping), giving each
   class reached its reason in g->local: REASON for C itself, "stored in
   memory that escapes" below it.  Stops at classes that escape anyway.  */
static void
walk_from (struct graph *g, esc_node c, struct esc_reason reason,
	   struct node_vec *work)
{
  if (c == ESC_NO_NODE)
    return;
  c = find (g, c);
  if (visited (g, c) || g->escapes[c].kind != ESC_R_NONE)
    return;
  g->stamp[c] = g->cur_stamp;
  g->local[c] = reason;
  VEC_PUSH (*work, c);
  while (work->n)
    {
      esc_node p = pointee_if_any (g, work->v[--work->n]);
      if (p == ESC_NO_NODE || visited (g, p)
	  || g->escapes[p].kind != ESC_R_NONE)
	continue;
      g->stamp[p] = g->cur_stamp;
      g->local[p] = make_reason (ESC_R_MEMORY, NULL, 0);
      VEC_PUSH (*work, p);
    }
}

/* ------------------------------------------------------------------ */
/* Verdicts and summaries.  */

static esc_node
returned_class (struct graph *g, const struct fn *f)
{
  return pointee_if_any (g, f->base + f->ret_value);
}

/* Objects escape FN if they escape for good, or if they outlive the call:
   returned, or stored in the caller's memory through a parameter.  */
static void
object_verdicts (struct graph *g, struct fn *f)
{
  struct node_vec work = { NULL, 0, 0 };
  new_walk (g);
  walk_from (g, returned_class (g, f),
	     make_reason (ESC_R_RETURNED, NULL, 0), &work);
  for (unsigned i = 0; i < f->nparams; i++)
    if (!f->param_scalar[i])
      walk_from (g, pointee_if_any (g, f->param_obj[i]),
		 make_reason (ESC_R_PARAM_STORE, f->param_names[i], 0),
		 &work);
  for (size_t i = 0; i < f->objects.n; i++)
    {
      esc_node c = find (g, f->base + f->objects.v[i].node);
      if (g->escapes[c].kind != ESC_R_NONE)
	f->objects.v[i].reason = g->escapes[c];
      else if (visited (g, c))
	f->objects.v[i].reason = g->local[c];
    }
  VEC_FREE (work);
}

/* Is class TARGET reachable from class FROM along points-to edges?  */
static int
reaches (struct graph *g, esc_node from, esc_node target)
{
  struct node_vec work = { NULL, 0, 0 };
  int found = 0;
  new_walk (g);
  if (from != ESC_NO_NODE)
    {
      from = find (g, from);
      g->stamp[from] = g->cur_stamp;
      VEC_PUSH (work, from);
    }
  while (work.n && !found)
    {
      esc_node c = work.v[--work.n];
      found = c == target;
      esc_node p = pointee_if_any (g, c);
      if (p != ESC_NO_NODE && !visited (g, p))
	{
	  g->stamp[p] = g->cur_stamp;
	  VEC_PUSH (work, p);
	}
    }
  VEC_FREE (work);
  return found;
}

static void
param_verdicts (struct graph *g, struct fn *f)
{
  f->param_verdicts = xcalloc (f->nparams, sizeof *f->param_verdicts);
  for (unsigned i = 0; i < f->nparams; i++)
    {
      struct esc_param_verdict *v = &f->param_verdicts[i];
      esc_node c = find (g, f->param_obj[i]);
      v->kind = ESC_PARAM_NO_ESCAPE;
      if (g->escapes[c].kind != ESC_R_NONE)
	{
	  v->kind = ESC_PARAM_ESCAPES;
	  v->reason = g->escapes[c];
	  continue;
	}
      if (reaches (g, returned_class (g, f), c))
	{
	  v->kind = ESC_PARAM_LEAKS_TO_RETURN;
	  continue;
	}
      for (unsigned j = 0; j < f->nparams; j++)
	if (j != i && !f->param_scalar[j]
	    && reaches (g, pointee_if_any (g, f->param_obj[j]), c))
	  {
	    v->kind = ESC_PARAM_ESCAPES;
	    v->reason = make_reason (ESC_R_PARAM_STORE, f->param_names[j], 0);
	    break;
	  }
    }
}

/* Numbers the classes reachable from the parameters' pointees and the
   returned pointee, breadth first, and records their shape.  While
   numbering, g->index holds the 1-based parameter a class was first reached
   from (0: only from the return value); then its summary node.  */
static void
build_summary (struct graph *g, struct fn *f)
{
  struct summary *s = &f->summary;
  struct node_vec order = { NULL, 0, 0 };
  new_walk (g);
  s->param = xcalloc (f->nparams, sizeof *s->param);
  for (unsigned i = 0; i <= f->nparams; i++)
    {
      esc_node c = i < f->nparams ? find (g, f->param_obj[i])
		   : returned_class (g, f);
      uint32_t *slot = i < f->nparams ? &s->param[i] : &s->ret;
      *slot = c;
      if (c == ESC_NO_NODE || visited (g, c))
	continue;
      g->stamp[c] = g->cur_stamp;
      g->index[c] = i < f->nparams ? i + 1 : 0;
      VEC_PUSH (order, c);
    }
  for (size_t k = 0; k < order.n && order.n <= ESC_MAX_SUMMARY_NODES; k++)
    {
      esc_node p = pointee_if_any (g, order.v[k]);
      if (p == ESC_NO_NODE || visited (g, p))
	continue;
      g->stamp[p] = g->cur_stamp;
      g->index[p] = g->index[order.v[k]];
      VEC_PUSH (order, p);
    }
  if (order.n > ESC_MAX_SUMMARY_NODES)
    {
      s->too_big = 1;
      VEC_FREE (order);
      return;
    }
  s->n = (uint32_t) order.n;
  s->pt = xcalloc (s->n, sizeof *s->pt);
  s->escapes = xcalloc (s->n, sizeof *s->escapes);
  s->external = xcalloc (s->n, sizeof *s->external);
  s->argno = xcalloc (s->n, sizeof *s->argno);
  s->freed = xcalloc (s->n, sizeof *s->freed);
  for (uint32_t k = 0; k < s->n; k++)
    {
      esc_node c = order.v[k];
      s->argno[k] = (int) g->index[c];
      s->freed[k] = g->freed[c] != 0;
      s->escapes[k] = g->escapes[c];
      s->external[k] = g->external[c];
    }
  for (uint32_t k = 0; k < s->n; k++)
    g->index[order.v[k]] = k;
  for (uint32_t k = 0; k < s->n; k++)
    {
      esc_node p = pointee_if_any (g, order.v[k]);
      s->pt[k] = p == ESC_NO_NODE ? ESC_NO_NODE : g->index[p];
    }
  for (unsigned i = 0; i < f->nparams; i++)
    s->param[i] = g->index[s->param[i]];
  if (s->ret != ESC_NO_NODE)
    s->ret = g->index[s->ret];
  VEC_FREE (order);
}

/* ------------------------------------------------------------------ */
/* Components.  */

/* Builds and solves the graph of the component MEMBERS, and gives each
   member its verdicts and summary.  */
static void
solve_component (struct esc_unit *unit, const esc_fn *members, size_t count,
		 struct graph *g)
{
  memset (g, 0, sizeof *g);
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      f->base = (uint32_t) g->n;
      for (uint32_t k = 0; k < f->nnodes; k++)
	graph_new_node (g);
    }
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      f->param_obj = xcalloc (f->nparams, sizeof *f->param_obj);
      for (unsigned k = 0; k < f->nparams; k++)
	{
	  f->param_obj[k] = graph_new_node (g);
	  unify (g, pointee (g, f->base + f->param_value[k]),
		 f->param_obj[k]);
	  VEC_PUSH (g->foreign_roots, f->param_obj[k]);
	}
    }
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      for (size_t k = 0; k < f->ops.n; k++)
	apply_op (unit, g, f, &f->ops.v[k]);
    }
  mark_escapes (g);
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      object_verdicts (g, f);
      param_verdicts (g, f);
      build_summary (g, f);
    }
}

/* Does F call out, itself or through a callee solved before it (callees
   come first) or without a body?  */
static int
component_calls_out (const struct esc_unit *unit, const struct fn *f)
{
  if (f->calls_out)
    return 1;
  for (size_t i = 0; i < f->calls.n; i++)
    {
      const struct fn *callee = &unit->fns.v[f->calls.v[i].callee];
      if (!callee->has_body || callee->calls_out)
	return 1;
    }
  return 0;
}

static int
calls_itself (const struct fn *f, esc_fn self)
{
  for (size_t i = 0; i < f->calls.n; i++)
    if (f->calls.v[i].callee == self)
      return 1;
  return 0;
}

/* Tarjan's algorithm without recursion: call chains can be deep.  */
struct tarjan
{
  struct esc_unit *unit;
  VEC (esc_fn) stack;
  VEC (esc_fn) members;
  int index, nscc;
};

struct frame
{
  esc_fn fn;
  size_t next_call;
};

static int
compare_fns (const void *a, const void *b)
{
  esc_fn x = *(const esc_fn *) a, y = *(const esc_fn *) b;
  return (x > y) - (x < y);
}

static void
finish_component (struct tarjan *t, struct fn *root)
{
  t->members.n = 0;
  esc_fn m;
  do
    {
      m = t->stack.v[--t->stack.n];
      t->unit->fns.v[m].on_stack = 0;
      t->unit->fns.v[m].scc = t->nscc;
      VEC_PUSH (t->members, m);
    }
  while (&t->unit->fns.v[m] != root);
  /* Solve in declaration order for stable output.  */
  qsort (t->members.v, t->members.n, sizeof *t->members.v, compare_fns);
  struct graph g;
  solve_component (t->unit, t->members.v, t->members.n, &g);
  graph_free (&g);
  int calls_out = 0;
  for (size_t i = 0; i < t->members.n; i++)
    calls_out |= component_calls_out (t->unit, &t->unit->fns.v[t->members.v[i]]);
  for (size_t i = 0; i < t->members.n; i++)
    {
      esc_fn m = t->members.v[i];
      struct fn *f = &t->unit->fns.v[m];
      f->recursive = t->members.n > 1 || calls_itself (f, m);
      f->calls_out = calls_out;
    }
  t->nscc++;
}

static void
tarjan_visit (struct tarjan *t, esc_fn start)
{
  VEC (struct frame) frames = { NULL, 0, 0 };
  struct frame first = { start, 0 };
  struct fn *s = &t->unit->fns.v[start];
  s->tarjan_index = s->tarjan_low = ++t->index;
  s->on_stack = 1;
  VEC_PUSH (t->stack, start);
  VEC_PUSH (frames, first);
  while (frames.n)
    {
      struct frame *fr = &frames.v[frames.n - 1];
      struct fn *f = &t->unit->fns.v[fr->fn];
      if (fr->next_call < f->calls.n)
	{
	  esc_fn callee = f->calls.v[fr->next_call++].callee;
	  struct fn *c = &t->unit->fns.v[callee];
	  if (!c->has_body)
	    continue;
	  if (!c->tarjan_index)
	    {
	      struct frame next = { callee, 0 };
	      c->tarjan_index = c->tarjan_low = ++t->index;
	      c->on_stack = 1;
	      VEC_PUSH (t->stack, callee);
	      VEC_PUSH (frames, next);
	    }
	  else if (c->on_stack && c->tarjan_index < f->tarjan_low)
	    f->tarjan_low = c->tarjan_index;
	  continue;
	}
      frames.n--;
      if (f->tarjan_low == f->tarjan_index)
	finish_component (t, f);
      if (frames.n)
	{
	  struct fn *parent = &t->unit->fns.v[frames.v[frames.n - 1].fn];
	  if (f->tarjan_low < parent->tarjan_low)
	    parent->tarjan_low = f->tarjan_low;
	}
    }
  VEC_FREE (frames);
}

void
esc_unit_solve (struct esc_unit *unit)
{
  struct tarjan t;
  assert (!unit->solved);
  memset (&t, 0, sizeof t);
  t.unit = unit;
  for (size_t i = 0; i < unit->fns.n; i++)
    if (unit->fns.v[i].has_body && !unit->fns.v[i].tarjan_index)
      tarjan_visit (&t, (esc_fn) i);
  VEC_FREE (t.stack);
  VEC_FREE (t.members);
  unit->solved = 1;
}

/* ------------------------------------------------------------------ */
/* Late functions.  */

esc_fn
esc_late_begin (struct esc_unit *unit, const char *name, unsigned nparams,
		const char *const *param_names)
{
  struct fn f;
  memset (&f, 0, sizeof f);
  f.name = esc_intern (unit, name ? name : "<anonymous>");
  f.ret_value = ESC_NO_NODE;
  f.scc = -1;
  f.late = 1;
  VEC_PUSH (unit->fns, f);
  esc_fn fn = (esc_fn) (unit->fns.n - 1);
  int solved = unit->solved;
  unit->solved = 0;
  esc_fn_begin (unit, fn, nparams, param_names);
  unit->solved = solved;
  return fn;
}

void
esc_late_solve (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  assert (unit->solved && f->late && !f->late_graph);
  /* A component of its own: every call goes to a summary or is unknown.  */
  f->scc = -2 - fn;
  f->late_graph = xcalloc (1, sizeof *f->late_graph);
  solve_component (unit, &fn, 1, f->late_graph);
}

void
esc_late_end (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  assert (f->late);
  free_fn (f);
  f->has_body = 0;
}

static struct graph *
late_graph (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  assert (f->late_graph);
  return f->late_graph;
}

int
esc_may_point_to (struct esc_unit *unit, esc_fn fn, esc_node value,
		  esc_node obj)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = get_fn (unit, fn);
  esc_node p = pointee_if_any (g, f->base + value);
  return p != ESC_NO_NODE && p == find (g, f->base + obj);
}

int
esc_pointee_own (struct esc_unit *unit, esc_fn fn, esc_node value)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = get_fn (unit, fn);
  esc_node p = pointee_if_any (g, f->base + value);
  /* Escaping memory may hold anything (an unknown callee may store into
     it): not the function's own either.  */
  return p != ESC_NO_NODE && !g->foreign[p]
	 && g->escapes[p].kind == ESC_R_NONE;
}

int
esc_freed_elsewhere (struct esc_unit *unit, esc_fn fn, esc_node obj)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = get_fn (unit, fn);
  return (g->freed[find (g, f->base + obj)] & FREED_ELSEWHERE) != 0;
}

int
esc_fn_may_call_out (struct esc_unit *unit, esc_fn fn)
{
  return get_fn (unit, fn)->calls_out;
}

unsigned
esc_fn_param_count (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  return f->has_body ? f->nparams : 0;
}

int
esc_fn_recursive (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = get_fn (unit, fn);
  return f->has_body && f->scc >= 0 ? f->recursive : -1;
}

/* ------------------------------------------------------------------ */
/* Queries.  */

struct esc_reason
esc_object_verdict (struct esc_unit *unit, esc_fn fn, esc_node obj)
{
  struct fn *f = get_fn (unit, fn);
  size_t lo = 0, hi = f->objects.n;
  assert (unit->solved);
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (f->objects.v[mid].node < obj)
	lo = mid + 1;
      else
	hi = mid;
    }
  assert (lo < f->objects.n && f->objects.v[lo].node == obj);
  return f->objects.v[lo].reason;
}

struct esc_param_verdict
esc_param_verdict (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = get_fn (unit, fn);
  assert (unit->solved && index < f->nparams);
  return f->param_verdicts[index];
}

char *
esc_reason_text (struct esc_reason r, char *buf, size_t size)
{
  const char *name = r.name ? r.name : "?";
  switch (r.kind)
    {
    case ESC_R_NONE:
      snprintf (buf, size, "does not escape");
      break;
    case ESC_R_RETURNED:
      snprintf (buf, size, "returned to caller");
      break;
    case ESC_R_GLOBAL:
      snprintf (buf, size, "stored in global '%s'", name);
      break;
    case ESC_R_PARAM_STORE:
      snprintf (buf, size, "stored through parameter '%s'", name);
      break;
    case ESC_R_MEMORY:
      snprintf (buf, size, "stored in memory that escapes");
      break;
    case ESC_R_CALL_KEEPS:
      snprintf (buf, size, "passed to '%s' (argument %d), which keeps it",
		name, r.argno);
      break;
    case ESC_R_CALL_UNKNOWN:
      snprintf (buf, size,
		"passed to '%s' (argument %d), which may keep it", name,
		r.argno);
      break;
    case ESC_R_INDIRECT_CALL:
      snprintf (buf, size, "passed to a function through a pointer");
      break;
    case ESC_R_THREAD:
      snprintf (buf, size, "handed to another thread by '%s'", name);
      break;
    case ESC_R_INT_CAST:
      snprintf (buf, size, "converted to an integer");
      break;
    case ESC_R_ASM:
      snprintf (buf, size, "used by inline assembly");
      break;
    case ESC_R_NESTED:
      snprintf (buf, size, "captured by nested function '%s'", name);
      break;
    case ESC_R_REALLOC:
      snprintf (buf, size, "reallocated by '%s'", name);
      break;
    case ESC_R_UNSUPPORTED:
      snprintf (buf, size, "unsupported construct (%s)", name);
      break;
    }
  return buf;
}
