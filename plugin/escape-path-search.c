/* escape-path-search.c -- the search behind the paths (escape-paths.c):
   breadth first over the ops of a solved component, from the values that
   take an object's address to the next object of its provenance chain or
   to the op that made its reason.

   The ops are indexed once per component, at its first search (most
   components have nothing that escapes): per node, the ops that read it;
   per object, the ops that take its address and the loads whose pointer
   may point to it (from the solution's points-to sets); per member's
   return value, the calls of that member.  A search costs the part of the
   component the address reaches, at most PATH_SEARCH_MAX_NODES.  */

#include "escape-paths-impl.h"

#include <string.h>
/* ------------------------------------------------------------------ */
/* The index of a component's ops.  */

typedef void (*key_fn) (struct path_finder *, esc_node, struct op_ref);

/* Calls F for each node op R reads (see struct path_finder).  */
static void
each_use (struct path_finder *pf, struct op_ref r, key_fn fn)
{
  const struct fn *f = member_fn (pf, r.member);
  const struct op *op = ref_op (pf, r);
  switch (op->kind)
    {
    case OP_COPY:
    case OP_OFFSET:
    case OP_STORE:
    case OP_STORE_AT:
      fn (pf, in_graph (f, op->b), r);
      break;
    case OP_ESCAPE:
      fn (pf, in_graph (f, op->a), r);
      break;
    case OP_CALL:
      {
	const struct call *c = &f->calls.v[op->extra];
	for (uint32_t i = 0; i < c->nargs; i++)
	  {
	    esc_node arg = f->call_args.v[c->first_arg + i];
	    /* An argument passed twice is one use.  */
	    int seen = 0;
	    for (uint32_t j = 0; j < i && !seen; j++)
	      seen = f->call_args.v[c->first_arg + j] == arg;
	    if (arg != ESC_NO_NODE && !seen)
	      fn (pf, in_graph (f, arg), r);
	  }
	break;
      }
    default:
      break;
    }
}

/* The object whose address op R takes.  */
static void
each_addr (struct path_finder *pf, struct op_ref r, key_fn fn)
{
  const struct op *op = ref_op (pf, r);
  if (op->kind == OP_ADDR)
    fn (pf, canonical (pf->g, in_graph (member_fn (pf, r.member), op->b)),
	r);
}

/* The objects the load R may read.  */
static void
each_load (struct path_finder *pf, struct op_ref r, key_fn fn)
{
  const struct op *op = ref_op (pf, r);
  if (op->kind != OP_LOAD && op->kind != OP_LOAD_AT)
    return;
  const struct pts_set *pts
    = esc_graph_pts (pf->g, in_graph (member_fn (pf, r.member), op->b));
  for (uint32_t i = 0; i < pts->n; i++)
    fn (pf, canonical (pf->g, pts->v[i]), r);
}

/* The return value of the member the call R calls, if it is one.  */
static void
each_return (struct path_finder *pf, struct op_ref r, key_fn fn)
{
  const struct fn *f = member_fn (pf, r.member);
  const struct op *op = ref_op (pf, r);
  if (op->kind != OP_CALL)
    return;
  const struct fn *callee = &pf->unit->fns.v[f->calls.v[op->extra].callee];
  if (callee->scc == f->scc && callee->has_body)
    fn (pf, in_graph (callee, callee->ret_value), r);
}

static void
count_ref (struct path_finder *pf, esc_node n, struct op_ref r)
{
  (void) r;
  pf->building->first[n + 1]++;
}

static void
place_ref (struct path_finder *pf, esc_node n, struct op_ref r)
{
  pf->building->refs[pf->building->first[n]++] = r;
}

static void
each_op (struct path_finder *pf,
	 void (*each) (struct path_finder *, struct op_ref, key_fn), key_fn fn)
{
  for (uint32_t m = 0; m < pf->count; m++)
    for (uint32_t k = 0; k < member_fn (pf, m)->body.ops.n; k++)
      {
	struct op_ref r = { m, k };
	each (pf, r, fn);
      }
}

/* T: the refs EACH gives for every op of the component, by node.  */
static void
build_table (struct path_finder *pf, struct op_table *t,
	     void (*each) (struct path_finder *, struct op_ref, key_fn))
{
  uint32_t n = pf->g->n;
  pf->building = t;
  t->first = esc_xcalloc (n + 2, sizeof *t->first);
  each_op (pf, each, count_ref);
  for (uint32_t i = 0; i < n; i++)
    t->first[i + 1] += t->first[i];
  t->refs = esc_xcalloc (t->first[n] + 1, sizeof *t->refs);
  /* Placing moves each start to the next node's: shift back after.  */
  each_op (pf, each, place_ref);
  memmove (t->first + 1, t->first, n * sizeof *t->first);
  t->first[0] = 0;
  pf->building = NULL;
}

static void
free_table (struct op_table *t)
{
  free (t->first);
  free (t->refs);
}

struct path_finder *
esc_paths_begin (struct esc_unit *unit, struct graph *g,
		 const esc_fn *members, size_t count)
{
  /* The stackify pass's late functions get no notes of their own.  */
  if (!unit->keep_paths || unit->fns.v[members[0]].late)
    return NULL;
  struct path_finder *pf = esc_xcalloc (1, sizeof *pf);
  pf->unit = unit;
  pf->g = g;
  pf->members = members;
  pf->count = count;
  return pf;
}

/* The tables and the search's arrays, made at the first search: most
   components have nothing that escapes, and need none.  */
static void
prepare (struct path_finder *pf)
{
  build_table (pf, &pf->uses, each_use);
  build_table (pf, &pf->addrs, each_addr);
  build_table (pf, &pf->loads, each_load);
  build_table (pf, &pf->returns, each_return);
  pf->stamp = esc_xcalloc (pf->g->n, sizeof *pf->stamp);
  /* Read only where the stamp says it was written.  */
  pf->how = esc_xrealloc (NULL, pf->g->n * sizeof *pf->how);
}

void
esc_paths_end (struct path_finder *pf)
{
  if (!pf)
    return;
  free_table (&pf->uses);
  free_table (&pf->addrs);
  free_table (&pf->loads);
  free_table (&pf->returns);
  free (pf->stamp);
  free (pf->how);
  VEC_FREE (pf->queue);
  VEC_FREE (pf->steps);
  free (pf);
}

/* ------------------------------------------------------------------ */
/* The search.  */


static int
same_reason (struct esc_reason a, struct esc_reason b)
{
  return a.kind == b.kind && a.argno == b.argno
	 && (a.name == b.name || (a.name && b.name && !strcmp (a.name, b.name)));
}

void
esc_path_new_search (struct path_finder *pf)
{
  if (!pf->stamp)
    prepare (pf);
  if (++pf->cur == 0)
    {
      memset (pf->stamp, 0, pf->g->n * sizeof *pf->stamp);
      pf->cur = 1;
    }
  pf->queue.n = 0;
}

static int
seen (const struct path_finder *pf, esc_node n)
{
  return pf->stamp[n] == pf->cur;
}

/* Reaches N from PREV by the op BY, as a step of KIND.  */
void
esc_path_reach (struct path_finder *pf, esc_node n, esc_node prev,
		struct op_ref by, int kind, int depth, int argno)
{
  if (n == ESC_NO_NODE || seen (pf, n) || pf->queue.n >= PATH_SEARCH_MAX_NODES)
    return;
  pf->stamp[n] = pf->cur;
  struct reached how = { by, prev, (unsigned char) kind,
			 (unsigned char) (depth < 0 ? 0 : depth), argno };
  pf->how[n] = how;
  VEC_PUSH (pf->queue, n);
}

/* Is reaching N the goal (the target object, the return value or a
   parameter's memory for the reasons that say so)?  */
static int
goal_node (const struct path_finder *pf, const struct goal *goal, esc_node n)
{
  const struct graph *g = pf->g;
  if (goal->target != ESC_NO_NODE)
    return canonical (g, n) == goal->target;
  if (goal->reason.kind == ESC_R_RETURNED)
    return n == in_graph (goal->f, goal->f->ret_value);
  if (goal->reason.kind == ESC_R_PARAM_STORE)
    for (unsigned i = 0; i < goal->f->nparams; i++)
      if (goal->f->param_names[i] && goal->reason.name
	  && !strcmp (goal->f->param_names[i], goal->reason.name))
	for (unsigned d = 0; d < ESC_PARAM_DEPTH; d++)
	  if (canonical (g, n)
	      == canonical (g, goal->f->param_obj[i * ESC_PARAM_DEPTH + d]))
	    return 1;
  return 0;
}


/* Does the call op R, which reads N, make the goal's reason?  Else
   follows it: into a callee of the component, or out of one that
   returns its argument.  */
static int
follow_call (struct path_finder *pf, const struct goal *goal, esc_node n,
	     struct op_ref r, struct found *found)
{
  const struct fn *f = member_fn (pf, r.member);
  const struct op *op = ref_op (pf, r);
  const struct call *c = &f->calls.v[op->extra];
  const struct fn *callee = &pf->unit->fns.v[c->callee];
  int depth = pf->how[n].depth;
  for (uint32_t i = 0; i < c->nargs; i++)
    {
      if (in_graph (f, f->call_args.v[c->first_arg + i]) != n)
	continue;
      int argno = (int) i + 1;
      int unknown = !callee->has_body || i >= callee->nparams
		    || (callee->scc != f->scc && callee->summary.too_big);
      struct esc_reason made = { ESC_R_NONE, NULL, 0 };
      if (unknown)
	made = esc_make_reason (ESC_R_CALL_UNKNOWN, callee->name, argno);
      else if (callee->scc != f->scc && callee->param_verdicts
	       && (callee->param_verdicts[i].kind == ESC_PARAM_ESCAPES
		   || callee->param_verdicts[i].contents_escape))
	/* The callee keeps the argument, or what it points to.  */
	made = esc_make_reason (ESC_R_CALL_KEEPS, callee->name, argno);
      if (made.kind != ESC_R_NONE && goal->target == ESC_NO_NODE
	  && same_reason (made, goal->reason))
	{
	  found->node = n;
	  found->by_op = 1;
	  found->op = r;
	  found->callee = made.kind == ESC_R_CALL_KEEPS ? callee : NULL;
	  found->argno = argno;
	  return 1;
	}
      if (unknown)
	continue;
      if (callee->scc == f->scc)
	esc_path_reach (pf, in_graph (callee, callee->param_value[i]), n, r,
			ESC_STEP_CALL, depth + 1, argno);
      else if (callee->param_verdicts
	       && callee->param_verdicts[i].kind == ESC_PARAM_LEAKS_TO_RETURN)
	esc_path_reach (pf, in_graph (f, op->a), n, r, ESC_STEP_RETURN, depth,
			argno);
    }
  return 0;
}

/* Follows the op R, which reads N; 1 if it meets the goal.  */
static int
follow_use (struct path_finder *pf, const struct goal *goal, esc_node n,
	    struct op_ref r, struct found *found)
{
  const struct fn *f = member_fn (pf, r.member);
  const struct op *op = ref_op (pf, r);
  int depth = pf->how[n].depth;
  switch (op->kind)
    {
    case OP_COPY:
    case OP_OFFSET:
      esc_path_reach (pf, in_graph (f, op->a), n, r, ESC_STEP_COPY, depth, 0);
      return 0;
    case OP_STORE:
    case OP_STORE_AT:
      {
	const struct pts_set *pts = esc_graph_pts (pf->g, in_graph (f, op->a));
	for (uint32_t i = 0; i < pts->n; i++)
	  esc_path_reach (pf, pts->v[i], n, r, ESC_STEP_STORE, depth, 0);
	return 0;
      }
    case OP_ESCAPE:
      if (goal->target == ESC_NO_NODE
	  && same_reason (f->body.reasons.v[op->extra], goal->reason))
	{
	  found->node = n;
	  found->by_op = 1;
	  found->op = r;
	  found->callee = NULL;
	  return 1;
	}
      return 0;
    case OP_CALL:
      return follow_call (pf, goal, n, r, found);
    default:
      return 0;
    }
}

/* What is read back from the object OBJ: the loads whose pointer may
   point to it.  */
static void
follow_loads (struct path_finder *pf, esc_node obj)
{
  const struct op_table *t = &pf->loads;
  esc_node target = canonical (pf->g, obj);
  for (uint32_t i = t->first[target]; i < t->first[target + 1]; i++)
    {
      struct op_ref r = t->refs[i];
      esc_path_reach (pf, defined_by (pf, r), obj, r, ESC_STEP_LOAD,
		      pf->how[obj].depth, 0);
    }
}

/* A return value of a member reaches its callers' results.  */
static void
follow_return (struct path_finder *pf, esc_node n)
{
  const struct op_table *t = &pf->returns;
  for (uint32_t i = t->first[n]; i < t->first[n + 1]; i++)
    {
      struct op_ref r = t->refs[i];
      esc_path_reach (pf, defined_by (pf, r), n, r, ESC_STEP_RETURN,
		      pf->how[n].depth - 1, 0);
    }
}

/* Breadth first from the nodes queued, until the goal.  */
int
esc_path_search (struct path_finder *pf, const struct goal *goal,
		 struct found *found)
{
  memset (found, 0, sizeof *found);
  for (size_t next = 0; next < pf->queue.n; next++)
    {
      esc_node n = pf->queue.v[next];
      if (goal_node (pf, goal, n))
	{
	  found->node = n;
	  found->by_op = 0;
	  return 1;
	}
      if (pf->how[n].depth >= PATH_MAX_CALL_DEPTH)
	continue;
      for (uint32_t u = pf->uses.first[n]; u < pf->uses.first[n + 1]; u++)
	if (follow_use (pf, goal, n, pf->uses.refs[u], found))
	  return 1;
      if (pf->g->is_object[n])
	follow_loads (pf, n);
      follow_return (pf, n);
    }
  return 0;
}

/* Queues the values that take the address of OBJ: its address ops in
   the component, or for what a member's parameter points to, the
   parameter's value.  */
void
esc_path_start_at_object (struct path_finder *pf, esc_node obj)
{
  const struct op_table *t = &pf->addrs;
  esc_node target = canonical (pf->g, obj);
  for (uint32_t i = t->first[target]; i < t->first[target + 1]; i++)
    {
      struct op_ref r = t->refs[i];
      esc_path_reach (pf, defined_by (pf, r), ESC_NO_NODE, r,
		      ESC_STEP_ADDRESS, 0, 0);
    }
  uint32_t slot = pf->g->param_slot[target];
  if (!slot || (slot - 1) % ESC_PARAM_DEPTH)
    return;
  for (uint32_t m = 0; m < pf->count; m++)
    {
      const struct fn *f = member_fn (pf, m);
      if (f->param_obj && (slot - 1) / ESC_PARAM_DEPTH < f->nparams
	  && f->param_obj[slot - 1] == target)
	{
	  struct op_ref r = { m, PARAM_START };
	  unsigned i = (slot - 1) / ESC_PARAM_DEPTH;
	  esc_path_reach (pf, in_graph (f, f->param_value[i]), ESC_NO_NODE, r,
			  ESC_STEP_ADDRESS, 0, (int) i);
	}
    }
}

