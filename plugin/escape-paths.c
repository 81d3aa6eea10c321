/* escape-paths.c -- the way to an escape, step by step.

   Provenance (escape-provenance.c) tells why an object escapes: a reason,
   and the chain of objects it was stored in on the way (struct why).  This
   file finds the statements: for each link of that chain, the shortest
   flow of constraints from the object's address (the op that took it) to
   the store into the next object, and for the last link, to the
   constraint that made the reason (an escape op, a call, the return
   value), and words each step it took (struct esc_step).  The search
   (escape-path-search.c) goes breadth first over the ops of the solved
   component, with the points-to sets of the solution to resolve loads
   and stores: so it needs no record of its own during propagation, and
   costs, per path, the part of the component the address reaches.

   Paths are deterministic: ops are taken in statement order and the
   search is breadth first.  A link that is not found (the object came
   from a callee's summary, or the component folded it into unknown
   memory) ends the path early with its reason; a path is never wrong
   about a step it shows, only short.  */

#include "escape-paths-impl.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Steps.  */

static void
push_step (struct path_finder *pf, struct esc_step step)
{
  if (pf->steps.n < PATH_MAX_STEPS)
    VEC_PUSH (pf->steps, step);
}

/* The user's name of N, or NULL: members' nodes come in order of their
   bases.  */
static const char *
node_name (const struct path_finder *pf, esc_node n)
{
  uint32_t lo = 0, hi = (uint32_t) pf->count;
  while (hi - lo > 1)
    {
      uint32_t mid = lo + (hi - lo) / 2;
      if (member_fn (pf, mid)->base <= n)
	lo = mid;
      else
	hi = mid;
    }
  const struct fn *f = member_fn (pf, lo);
  if (n >= f->base && n - f->base < f->node_names.n)
    return f->node_names.v[n - f->base];
  return NULL;
}

static struct esc_step
step_at (const struct path_finder *pf, struct op_ref r, int kind, int depth)
{
  const struct fn *f = member_fn (pf, r.member);
  struct esc_step s;
  memset (&s, 0, sizeof s);
  s.kind = (enum esc_step_kind) kind;
  s.fn = pf->members[r.member];
  s.site = f->body.sites.v[r.op];
  s.depth = (unsigned) depth;
  return s;
}

/* The step that reached N, or 0 if it tells nothing (a start that is not
   an op, a copy into a value without a name or into another value of the
   same variable).  */
static int
step_of (const struct path_finder *pf, esc_node n, struct esc_step *s)
{
  const struct reached *how = &pf->how[n];
  if (how->by.member == NO_MEMBER)
    return 0;
  if (how->by.op == PARAM_START)
    {
      /* What the parameter points to: no op of its own.  */
      memset (s, 0, sizeof *s);
      s->kind = ESC_STEP_ADDRESS;
      s->fn = pf->members[how->by.member];
      s->through = member_fn (pf, how->by.member)->param_names[how->argno];
      return 1;
    }
  *s = step_at (pf, how->by, how->kind, how->depth);
  const struct fn *f = member_fn (pf, how->by.member);
  const struct op *op = ref_op (pf, how->by);
  switch (how->kind)
    {
    case ESC_STEP_ADDRESS:
      s->name = node_name (pf, canonical (pf->g, in_graph (f, op->b)));
      return 1;
    case ESC_STEP_COPY:
      {
	/* A copy into a value without a name (GCC's temporaries) tells
	   nothing, nor one into another value of the same variable.  */
	const char *from = how->prev != ESC_NO_NODE
			   ? node_name (pf, how->prev) : NULL;
	s->name = node_name (pf, n);
	return s->name && !(from && !strcmp (from, s->name));
      }
    case ESC_STEP_STORE:
      s->name = node_name (pf, canonical (pf->g, n));
      s->through = node_name (pf, in_graph (f, op->a));
      return 1;
    case ESC_STEP_LOAD:
      s->name = node_name (pf, canonical (pf->g, how->prev));
      s->through = node_name (pf, in_graph (f, op->b));
      return 1;
    case ESC_STEP_CALL:
    case ESC_STEP_RETURN:
      {
	s->name = pf->unit->fns.v[f->calls.v[op->extra].callee].name;
	s->argno = how->argno;
	/* The steps in the callee are one level deeper than the call.  */
	if (how->kind == ESC_STEP_CALL)
	  s->depth = how->depth - 1;
	return 1;
      }
    default:
      return 1;
    }
}

/* Appends the steps from the start to N, in order; the step that reached
   N itself only if WITH_LAST.  */
static void
push_steps_to (struct path_finder *pf, esc_node n, int with_last)
{
  struct node_vec chain = { NULL, 0, 0 };
  for (esc_node at = n; at != ESC_NO_NODE; at = pf->how[at].prev)
    VEC_PUSH (chain, at);
  for (size_t i = chain.n; i-- > (with_last ? 0u : 1u);)
    {
      struct esc_step s;
      if (step_of (pf, chain.v[i], &s))
	push_step (pf, s);
    }
  VEC_FREE (chain);
}

/* The steps to what FOUND stopped at, and the last, REASON: made by the
   op FOUND stopped at, or, where it stopped at a node (stored in a
   global, returned), by the op that reached it.  */
static void
push_last_steps (struct path_finder *pf, const struct found *found,
		 struct esc_reason reason)
{
  struct esc_step s;
  const struct reached *how = &pf->how[found->node];
  push_steps_to (pf, found->node, found->by_op);
  if (found->by_op)
    s = step_at (pf, found->op, ESC_STEP_ESCAPE, how->depth);
  else if (how->by.member != NO_MEMBER)
    s = step_at (pf, how->by, ESC_STEP_ESCAPE, how->depth);
  else
    return;
  s.reason = reason;
  push_step (pf, s);
  if (!found->callee || !found->callee->param_paths)
    return;
  /* The callee keeps it: its own steps, one level deeper.  */
  struct path_range r = found->callee->param_paths[found->argno - 1];
  for (uint32_t i = 0; i < r.count; i++)
    {
      struct esc_step t = found->callee->steps.v[r.first + i];
      t.depth += s.depth + 1;
      push_step (pf, t);
    }
}

/* Where the search lost the way (an object that came from a callee's
   summary, or that a large component folded into unknown memory): the
   steps found so far, and then REASON, told as such.  No path at all if
   nothing was found.  */
static void
push_untold_step (struct path_finder *pf, const struct fn *f,
		  struct esc_reason reason)
{
  if (!pf->steps.n)
    return;
  struct esc_step s;
  memset (&s, 0, sizeof s);
  s.kind = ESC_STEP_UNTOLD;
  s.fn = (esc_fn) (f - pf->unit->fns.v);
  s.reason = reason;
  push_step (pf, s);
}

/* ------------------------------------------------------------------ */
/* Paths of objects and parameters.  */

/* The objects of the chain from OBJ (OBJ first) to the one a record or
   a root reached, following WHY's links (is_escaped: g->why, else
   g->local).  */
static struct node_vec
why_chain (struct graph *g, esc_node obj, int escaped)
{
  struct node_vec chain = { NULL, 0, 0 };
  for (esc_node at = obj; at != ESC_NO_NODE && chain.n < PATH_MAX_STEPS;)
    {
      VEC_PUSH (chain, at);
      at = escaped ? g->why[at].from : g->local[at].from;
    }
  return chain;
}

/* The path of the chain CHAIN (objects, the first is the one whose path
   it is, started already); REASON is the first object's; F the function
   whose object it is.  */
static void
chain_steps (struct path_finder *pf, const struct fn *f,
	     const struct node_vec *chain, int escaped)
{
  struct graph *g = pf->g;
  struct found found;
  esc_node last = chain->v[chain->n - 1];
  struct esc_reason reason = escaped ? g->why[last].reason
				     : g->local[last].reason;
  for (size_t i = 0; i + 1 < chain->n; i++)
    {
      struct goal goal = { canonical (g, chain->v[i + 1]),
			   { ESC_R_NONE, NULL, 0 }, f };
      if (!esc_path_search (pf, &goal, &found))
	{
	  push_untold_step (pf, f, reason);
	  return;
	}
      esc_node next = chain->v[i + 1];
      if (escaped && g->external[canonical (g, next)].kind != ESC_R_NONE)
	{
	  /* Stored in a global: that is the end.  */
	  push_last_steps (pf, &found, g->why[chain->v[i]].reason);
	  return;
	}
      push_steps_to (pf, found.node, 1);
      esc_path_new_search (pf);
      esc_path_start_at_object (pf, next);
    }
  struct goal goal = { ESC_NO_NODE, reason, f };
  if (esc_path_search (pf, &goal, &found))
    push_last_steps (pf, &found, reason);
  else
    push_untold_step (pf, f, reason);
}

/* Keeps the steps made as F's, in *RANGE.  */
static void
keep_steps (struct path_finder *pf, struct fn *f, struct path_range *range)
{
  range->first = (uint32_t) f->steps.n;
  range->count = (uint32_t) pf->steps.n;
  for (size_t i = 0; i < pf->steps.n; i++)
    VEC_PUSH (f->steps, pf->steps.v[i]);
  pf->steps.n = 0;
}

/* A new path, its search not started.  */
static void
begin_path (struct path_finder *pf)
{
  pf->steps.n = 0;
  esc_path_new_search (pf);
}

/* N, where a path starts without a step of its own (a parameter's value,
   what it points to).  */
static void
start_at (struct path_finder *pf, esc_node n)
{
  struct op_ref none = { NO_MEMBER, 0 };
  esc_path_reach (pf, n, ESC_NO_NODE, none, ESC_STEP_ADDRESS, 0, 0);
}

static void
object_path (struct path_finder *pf, struct fn *f, struct object_verdict *o)
{
  struct graph *g = pf->g;
  esc_node n = in_graph (f, o->node);
  int escaped = g->is_escaped[n];
  struct node_vec chain = why_chain (g, n, escaped);
  begin_path (pf);
  esc_path_start_at_object (pf, n);
  chain_steps (pf, f, &chain, escaped);
  VEC_FREE (chain);
  keep_steps (pf, f, &o->path);
}

static void
param_path (struct path_finder *pf, struct fn *f, unsigned i)
{
  struct graph *g = pf->g;
  const struct esc_param_verdict *v = &f->param_verdicts[i];
  esc_node obj = f->param_obj[i * ESC_PARAM_DEPTH];
  begin_path (pf);
  start_at (pf, in_graph (f, f->param_value[i]));
  if (g->is_escaped[obj])
    {
      struct node_vec chain = why_chain (g, obj, 1);
      chain_steps (pf, f, &chain, 1);
      VEC_FREE (chain);
    }
  else
    {
      /* Stored through another parameter (param_verdicts).  */
      struct goal goal = { ESC_NO_NODE, v->reason, f };
      struct found found;
      if (esc_path_search (pf, &goal, &found))
	push_last_steps (pf, &found, v->reason);
    }
  keep_steps (pf, f, &f->param_paths[i]);
}

/* What parameter I points to holds a pointer that escapes (its contents,
   the level below the first): the way from the loads through the
   parameter to where that escapes.  Told for the first level below only,
   as the note's verdict finds it (contents_verdict).  */
static void
contents_path (struct path_finder *pf, struct fn *f, unsigned i)
{
  struct graph *g = pf->g;
  esc_node level0 = f->param_obj[i * ESC_PARAM_DEPTH];
  esc_node level1 = esc_graph_rep (g, f->param_obj[i * ESC_PARAM_DEPTH + 1]);
  if (g->shared_level[1] != ESC_NO_NODE || !g->is_escaped[level1])
    return;
  begin_path (pf);
  /* From what the parameter points to, whose loads give the level
     below, and from the parameter, which a callee may read.  */
  start_at (pf, level0);
  start_at (pf, in_graph (f, f->param_value[i]));
  struct node_vec chain = why_chain (g, level1, 1);
  chain_steps (pf, f, &chain, 1);
  VEC_FREE (chain);
  keep_steps (pf, f, &f->param_paths[i]);
}

void
esc_paths_of (struct path_finder *pf, struct fn *f)
{
  if (!pf)
    return;
  for (size_t i = 0; i < f->objects.n; i++)
    if (f->objects.v[i].reason.kind != ESC_R_NONE)
      object_path (pf, f, &f->objects.v[i]);
  f->param_paths = esc_xcalloc (f->nparams, sizeof *f->param_paths);
  for (unsigned i = 0; i < f->nparams; i++)
    if (f->param_verdicts[i].kind == ESC_PARAM_ESCAPES)
      param_path (pf, f, i);
    else if (f->param_verdicts[i].contents_escape)
      contents_path (pf, f, i);
}

/* ------------------------------------------------------------------ */
/* Queries.  */

static const struct esc_step *
steps_of (const struct fn *f, struct path_range r, size_t *count)
{
  *count = r.count;
  return r.count ? f->steps.v + r.first : NULL;
}

const struct esc_step *
esc_object_path (struct esc_unit *unit, esc_fn fn, esc_node obj,
		 size_t *count)
{
  struct fn *f = esc_get_fn (unit, fn);
  return steps_of (f, esc_fn_object (f, obj)->path, count);
}

const struct esc_step *
esc_param_path (struct esc_unit *unit, esc_fn fn, unsigned index,
		size_t *count)
{
  struct fn *f = esc_get_fn (unit, fn);
  *count = 0;
  if (!f->param_paths || index >= f->nparams)
    return NULL;
  return steps_of (f, f->param_paths[index], count);
}
