/* escape-solve.c -- the unit solved callees first, one component of the
   call graph at a time; verdicts, and the queries of late functions.

   A component (functions that may call each other) gets one directed
   graph (escape-graph.c).  Calls inside it are wired directly, so
   recursion needs no iteration and is sound by construction; a call of a
   function solved before instantiates its summary (escape-summary.c); a
   call of a function without a body makes its arguments escape.  */

#include "escape-core-impl.h"

#include <assert.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Applying programs.  */

static esc_node
mapped (const struct fn *f, esc_node n)
{
  return n == ESC_NO_NODE ? ESC_NO_NODE : f->base + n;
}

static void
escape_extra_args (struct graph *g, const struct fn *callee,
		   const esc_node *args, uint32_t nargs, uint32_t from)
{
  for (uint32_t i = from; i < nargs; i++)
    if (args[i] != ESC_NO_NODE)
      esc_graph_escape (g, args[i],
			esc_make_reason (ESC_R_CALL_UNKNOWN, callee->name,
					 (int) i + 1));
}

/* A call of a function the unit knows nothing about: every argument
   escapes and the result points to unknown memory.  */
static void
apply_unknown_call (struct graph *g, const struct fn *callee, esc_node lhs,
		    const esc_node *args, uint32_t nargs)
{
  escape_extra_args (g, callee, args, nargs, 0);
  if (lhs != ESC_NO_NODE)
    {
      esc_node u = esc_graph_foreign_object (g);
      esc_graph_external (g, u, esc_make_reason (ESC_R_MEMORY, NULL, 0));
      esc_graph_addr (g, lhs, u);
    }
}

/* A call of a function of the same component: wired directly.  */
static void
apply_component_call (struct graph *g, const struct fn *callee, esc_node lhs,
		      const esc_node *args, uint32_t nargs)
{
  for (uint32_t i = 0; i < nargs && i < callee->nparams; i++)
    if (args[i] != ESC_NO_NODE)
      esc_graph_copy (g, mapped (callee, callee->param_value[i]), args[i]);
  escape_extra_args (g, callee, args, nargs, callee->nparams);
  if (lhs != ESC_NO_NODE)
    esc_graph_copy (g, lhs, mapped (callee, callee->ret_value));
}

static void
apply_call (struct esc_unit *unit, struct graph *g, const struct fn *f,
	    const struct op *op)
{
  const struct call *c = &f->calls.v[op->extra];
  const struct fn *callee = &unit->fns.v[c->callee];
  esc_node lhs = mapped (f, op->a);
  esc_node *args = esc_xcalloc (c->nargs, sizeof *args);
  for (uint32_t i = 0; i < c->nargs; i++)
    args[i] = mapped (f, f->call_args.v[c->first_arg + i]);
  if (!callee->has_body || (callee->scc != f->scc && callee->summary.too_big))
    apply_unknown_call (g, callee, lhs, args, c->nargs);
  else if (callee->scc == f->scc)
    apply_component_call (g, callee, lhs, args, c->nargs);
  else
    {
      escape_extra_args (g, callee, args, c->nargs, callee->nparams);
      esc_apply_summary (g, callee, lhs, args, c->nargs);
    }
  free (args);
}

static void
apply_body (struct esc_unit *unit, struct graph *g, const struct fn *f)
{
  const struct program *p = &f->body;
  esc_node *map = esc_xcalloc (p->nnodes, sizeof *map);
  for (uint32_t k = 0; k < p->nnodes; k++)
    map[k] = f->base + k;
  /* Calls in statement order with the rest: the first reason wins.  */
  size_t from = 0;
  for (size_t k = 0; k <= p->ops.n; k++)
    if (k == p->ops.n || p->ops.v[k].kind == OP_CALL)
      {
	struct program run = *p;
	run.ops.v = p->ops.v + from;
	run.ops.n = k - from;
	esc_apply_program (g, &run, map);
	if (k < p->ops.n)
	  apply_call (unit, g, f, &p->ops.v[k]);
	from = k + 1;
      }
  free (map);
}

/* From this many functions on, a component's members share the levels of
   their callers' memory below what each parameter points to: each member
   passes its own to the others, so every pointer of the component would
   point to every member's levels, and solving would be quadratic in the
   component's size (SQLite has components of 60 and 79 functions).  The
   cost is precision inside the component, below the first level: what is
   stored there by one member is seen by all, and their summaries treat
   every argument alike there.  Their structs get no field cells either: a
   struct passed around the component would put each of its fields in
   every set (on SQLite this halves the time, and changes no verdict).  And
   they fold escaped objects into unknown memory (escape-propagate.c, folded),
   which makes solving SQLite's largest components six times faster, and
   changes which of an object's reasons is told there, not its verdict.  */
#define ESC_SHARED_LEVELS_MIN_FNS 16

/* Shares one set of levels below the first among all parameters of the
   component.  */
static void
share_param_levels (struct graph *g)
{
  for (unsigned d = 1; d < ESC_PARAM_DEPTH; d++)
    g->shared_level[d] = esc_graph_foreign_object (g);
  for (unsigned d = 1; d < ESC_PARAM_DEPTH; d++)
    esc_graph_set_init (g, g->shared_level[d],
			g->shared_level[d + 1 < ESC_PARAM_DEPTH ? d + 1 : d]);
}

/* The caller's memory each parameter points to, level by level; the last
   level stands for all those below it.  */
static void
make_param_objects (struct graph *g, struct fn *f)
{
  if (g->shared_level[1] != ESC_NO_NODE)
    {
      f->param_obj = esc_xcalloc ((size_t) f->nparams * ESC_PARAM_DEPTH,
				  sizeof *f->param_obj);
      for (unsigned i = 0; i < f->nparams; i++)
	{
	  esc_node *level = &f->param_obj[i * ESC_PARAM_DEPTH];
	  level[0] = esc_graph_foreign_object (g);
	  g->param_slot[level[0]] = i * ESC_PARAM_DEPTH + 1;
	  esc_graph_set_init (g, level[0], g->shared_level[1]);
	  for (unsigned d = 1; d < ESC_PARAM_DEPTH; d++)
	    level[d] = g->shared_level[d];
	  esc_graph_addr (g, mapped (f, f->param_value[i]), level[0]);
	}
      return;
    }
  f->param_obj = esc_xcalloc ((size_t) f->nparams * ESC_PARAM_DEPTH,
			      sizeof *f->param_obj);
  for (unsigned i = 0; i < f->nparams; i++)
    {
      esc_node *level = &f->param_obj[i * ESC_PARAM_DEPTH];
      for (unsigned d = 0; d < ESC_PARAM_DEPTH; d++)
	{
	  level[d] = esc_graph_foreign_object (g);
	  g->param_slot[level[d]] = i * ESC_PARAM_DEPTH + d + 1;
	}
      for (unsigned d = 0; d < ESC_PARAM_DEPTH; d++)
	esc_graph_set_init (g, level[d],
			    level[d + 1 < ESC_PARAM_DEPTH ? d + 1 : d]);
      esc_graph_addr (g, mapped (f, f->param_value[i]), level[0]);
    }
}

/* The fields of F's objects.  */
static void
make_groups (struct graph *g, const struct fn *f)
{
  for (size_t i = 0; i < f->groups.n; i++)
    {
      const struct field_group *grp = &f->groups.v[i];
      esc_node *fields = esc_xcalloc (grp->count, sizeof *fields);
      for (uint32_t k = 0; k < grp->count; k++)
	fields[k] = mapped (f, grp->first_node + k);
      esc_graph_group (g, mapped (f, grp->obj), fields,
		       f->ranges.v + grp->first_range, grp->count);
      free (fields);
    }
}

/* ------------------------------------------------------------------ */
/* Verdicts.  */

static esc_node
param_object (const struct fn *f, unsigned i)
{
  return f->param_obj[i * ESC_PARAM_DEPTH];
}

/* Objects escape FN if they escape for good, or if they outlive the call:
   returned, or stored in the caller's memory through a parameter.  */
static void
object_verdicts (struct graph *g, struct fn *f)
{
  esc_graph_new_walk (g);
  esc_walk_outlives (g, mapped (f, f->ret_value),
		     esc_make_reason (ESC_R_RETURNED, NULL, 0));
  for (unsigned i = 0; i < f->nparams; i++)
    if (!f->param_scalar[i])
      esc_walk_outlives (g, param_object (f, i),
			 esc_make_reason (ESC_R_PARAM_STORE,
					  f->param_names[i], 0));
  for (size_t i = 0; i < f->objects.n; i++)
    {
      esc_node n = mapped (f, f->objects.v[i].node);
      if (g->is_escaped[n])
	f->objects.v[i].reason = g->why[n].reason;
      else if (esc_graph_visited (g, n))
	f->objects.v[i].reason = g->local[n].reason;
    }
}

/* For each parameter I of F whose object the pointees of FROM reach,
   REACHED[I] = BY + 1 unless it is set or I is BY: one walk for all
   parameters (a walk per pair was quadratic in the parameters of a large
   component).  */
static void
note_reached_params (struct graph *g, const struct fn *f, esc_node from,
		     unsigned by, unsigned *reached)
{
  struct node_vec objs = esc_reachable (g, from);
  for (size_t k = 0; k < objs.n; k++)
    {
      uint32_t slot = g->param_slot[objs.v[k]];
      if (!slot || (slot - 1) % ESC_PARAM_DEPTH
	  || f->param_obj[slot - 1] != objs.v[k])
	continue;
      unsigned i = (slot - 1) / ESC_PARAM_DEPTH;
      if (i != by && !reached[i])
	reached[i] = by + 1;
    }
  VEC_FREE (objs);
}

/* Does a level below parameter I's object escape (its contents)?  Not
   told where the levels are shared by the whole component.  */
static void
contents_verdict (struct graph *g, const struct fn *f, unsigned i,
		  struct esc_param_verdict *v)
{
  if (g->shared_level[1] != ESC_NO_NODE)
    return;
  for (unsigned d = 1; d < ESC_PARAM_DEPTH && !v->contents_escape; d++)
    {
      esc_node level = esc_graph_rep (g, f->param_obj[i * ESC_PARAM_DEPTH
						      + d]);
      if (g->is_escaped[level])
	{
	  v->contents_escape = 1;
	  v->contents_reason = g->why[level].reason;
	}
    }
}

static void
param_verdicts (struct graph *g, struct fn *f)
{
  f->param_verdicts = esc_xcalloc (f->nparams, sizeof *f->param_verdicts);
  unsigned *returned = esc_xcalloc (f->nparams + 1, sizeof *returned);
  unsigned *stored_by = esc_xcalloc (f->nparams + 1, sizeof *stored_by);
  note_reached_params (g, f, mapped (f, f->ret_value), f->nparams, returned);
  for (unsigned j = 0; j < f->nparams; j++)
    if (!f->param_scalar[j])
      note_reached_params (g, f, param_object (f, j), j, stored_by);
  for (unsigned i = 0; i < f->nparams; i++)
    {
      struct esc_param_verdict *v = &f->param_verdicts[i];
      esc_node obj = param_object (f, i);
      v->kind = ESC_PARAM_NO_ESCAPE;
      if (g->is_escaped[obj])
	{
	  v->kind = ESC_PARAM_ESCAPES;
	  v->reason = g->why[obj].reason;
	}
      else if (returned[i])
	v->kind = ESC_PARAM_LEAKS_TO_RETURN;
      else if (stored_by[i])
	{
	  v->kind = ESC_PARAM_ESCAPES;
	  v->reason = esc_make_reason (ESC_R_PARAM_STORE,
				       f->param_names[stored_by[i] - 1], 0);
	}
      if (v->kind != ESC_PARAM_ESCAPES && !f->param_scalar[i])
	contents_verdict (g, f, i, v);
    }
  free (returned);
  free (stored_by);
}

/* ------------------------------------------------------------------ */
/* Components.  */

/* The nodes the graph of the component MEMBERS starts with: their bodies',
   and their parameters' levels (summaries instantiated add more).  */
static uint32_t
component_size (const struct esc_unit *unit, const esc_fn *members,
		size_t count)
{
  uint32_t size = ESC_PARAM_DEPTH;
  for (size_t i = 0; i < count; i++)
    {
      const struct fn *f = &unit->fns.v[members[i]];
      size += f->body.nnodes + f->nparams * ESC_PARAM_DEPTH;
    }
  return size;
}

/* Builds and solves the graph of the component MEMBERS, and gives each
   member its verdicts and summary.  */
static void
solve_component (struct esc_unit *unit, const esc_fn *members, size_t count,
		 struct graph *g)
{
  esc_graph_init (g);
  esc_graph_reserve (g, g->n + component_size (unit, members, count));
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      f->base = g->n;
      for (uint32_t k = 0; k < f->body.nnodes; k++)
	esc_graph_node (g);
    }
  if (count >= ESC_SHARED_LEVELS_MIN_FNS)
    {
      esc_graph_fold_escaped (g);
      share_param_levels (g);
    }
  for (size_t i = 0; i < count; i++)
    {
      make_param_objects (g, &unit->fns.v[members[i]]);
      if (count < ESC_SHARED_LEVELS_MIN_FNS)
	make_groups (g, &unit->fns.v[members[i]]);
    }
  for (size_t i = 0; i < count; i++)
    apply_body (unit, g, &unit->fns.v[members[i]]);
  esc_graph_propagate (g);
  esc_resolve_escapes (g);
  struct path_finder *paths = esc_paths_begin (unit, g, members, count);
  for (size_t i = 0; i < count; i++)
    {
      struct fn *f = &unit->fns.v[members[i]];
      object_verdicts (g, f);
      param_verdicts (g, f);
      esc_paths_of (paths, f);
      esc_build_summary (g, f);
    }
  esc_paths_end (paths);
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
  t->unit->work += g.work;
  esc_graph_free (&g);
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

void
esc_late_solve (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (unit->solved && f->late && !f->late_graph);
  /* A component of its own: every call goes to a summary or is unknown.  */
  f->scc = -2 - fn;
  f->late_graph = esc_xcalloc (1, sizeof *f->late_graph);
  solve_component (unit, &fn, 1, f->late_graph);
}

static struct graph *
late_graph (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (f->late_graph);
  return f->late_graph;
}

/* Does N point to memory that unknown code can reach (and so, maybe, to
   any object that escapes)?  */
static int
points_to_escaped_foreign (struct graph *g, esc_node n)
{
  const struct pts_set *s = esc_graph_pts (g, n);
  for (uint32_t i = 0; i < s->n; i++)
    if (g->is_escaped[s->v[i]] && g->foreign_root[s->v[i]])
      return 1;
  return 0;
}

int
esc_may_point_to (struct esc_unit *unit, esc_fn fn, esc_node value,
		  esc_node obj)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = esc_get_fn (unit, fn);
  esc_node v = mapped (f, value), o = mapped (f, obj);
  const struct pts_set *s = esc_graph_pts (g, v);
  for (uint32_t i = 0; i < s->n; i++)
    if (esc_graph_group_object (g, s->v[i]) == o)
      return 1;
  return g->is_escaped[o] && points_to_escaped_foreign (g, v);
}

int
esc_pointee_own (struct esc_unit *unit, esc_fn fn, esc_node value)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = esc_get_fn (unit, fn);
  const struct pts_set *s = esc_graph_pts (g, mapped (f, value));
  /* Escaping memory may hold anything (an unknown callee may store into
     it): not the function's own either.  */
  for (uint32_t i = 0; i < s->n; i++)
    if (g->foreign[s->v[i]] || g->is_escaped[s->v[i]])
      return 0;
  return s->n > 0;
}

int
esc_freed_elsewhere (struct esc_unit *unit, esc_fn fn, esc_node obj)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = esc_get_fn (unit, fn);
  return (g->freed[mapped (f, obj)] & FREED_ELSEWHERE) != 0;
}

int
esc_reallocated (struct esc_unit *unit, esc_fn fn, esc_node obj)
{
  struct graph *g = late_graph (unit, fn);
  struct fn *f = esc_get_fn (unit, fn);
  return (g->freed[mapped (f, obj)] & FREED_REALLOC) != 0;
}

size_t
esc_unit_work (const struct esc_unit *unit)
{
  return unit->work;
}

int
esc_fn_may_call_out (struct esc_unit *unit, esc_fn fn)
{
  return esc_get_fn (unit, fn)->calls_out;
}

int
esc_fn_recursive (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  return f->has_body && f->scc >= 0 ? f->recursive : -1;
}

/* ------------------------------------------------------------------ */
/* Queries.  */

struct object_verdict *
esc_fn_object (struct fn *f, esc_node obj)
{
  size_t lo = 0, hi = f->objects.n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (f->objects.v[mid].node < obj)
	lo = mid + 1;
      else
	hi = mid;
    }
  assert (lo < f->objects.n && f->objects.v[lo].node == obj);
  return &f->objects.v[lo];
}

struct esc_reason
esc_object_verdict (struct esc_unit *unit, esc_fn fn, esc_node obj)
{
  assert (unit->solved);
  return esc_fn_object (esc_get_fn (unit, fn), obj)->reason;
}

struct esc_param_verdict
esc_param_verdict (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (unit->solved && index < f->nparams);
  return f->param_verdicts[index];
}
