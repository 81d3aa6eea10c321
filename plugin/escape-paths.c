/* escape-paths.c -- the way to an escape, step by step.

   Provenance (escape-provenance.c) tells why an object escapes: a reason,
   and the chain of objects it was stored in on the way (struct why).  This
   file finds the statements: for each link of that chain, the shortest
   flow of constraints from the object's address (the op that took it) to
   the store into the next object, and for the last link, to the
   constraint that made the reason (an escape op, a call, the return
   value).  It searches the solved component breadth first, over the ops
   of its members, with the points-to sets of the solution to resolve
   loads and stores: so it needs no record of its own during propagation,
   and costs, per path, the part of the component the address reaches.

   Paths are deterministic: ops are taken in statement order and the
   search is breadth first.  A link that is not found (the object came
   from a callee's summary, or the component folded it into unknown
   memory) ends the path early with its reason; a path is never wrong
   about a step it shows, only short.  */

#include "escape-core-impl.h"

#include <string.h>

/* A search gives up beyond this many nodes reached (a path then has only
   the steps found before), and a path has at most this many steps: the
   story of one site, not of the whole component.  */
#define PATH_SEARCH_MAX_NODES 2000
#define PATH_MAX_STEPS 48
#define PATH_MAX_CALL_DEPTH 6

/* An op of a member of the component; NO_MEMBER at a start that is
   not an op (a parameter's value).  */
struct op_ref
{
  uint32_t member, op;
};

#define NO_MEMBER UINT32_MAX
/* The op of a start at what a parameter points to (its argno: the
   parameter's index).  */
#define PARAM_START UINT32_MAX

/* How the search reached a node.  */
struct reached
{
  struct op_ref by;
  esc_node prev;		/* ESC_NO_NODE at a start */
  unsigned char kind;		/* ESC_STEP_* of the step that reached it */
  unsigned char depth;
  int argno;
};

/* Op references by node, compressed: the refs of node N are
   refs[first[N] .. first[N + 1]).  */
struct op_table
{
  uint32_t *first;
  struct op_ref *refs;
};

struct path_finder
{
  struct esc_unit *unit;
  struct graph *g;
  const esc_fn *members;
  size_t count;
  /* The ops that read each node: a copy's or offset's source, a store's
     value, an escape's operand, a call's argument.  */
  struct op_table uses;
  /* The ops that take the address of each object (canonical), the loads
     whose pointer may point to it, and per member's return value the
     component's calls of that member.  */
  struct op_table addrs, loads, returns;
  /* The search: a stamp per node, how it was reached, the queue.  */
  uint32_t *stamp;
  uint32_t cur;
  struct reached *how;
  struct node_vec queue;
  /* The steps of the path being made.  */
  VEC (struct esc_step) steps;
};

static const struct fn *
member_fn (const struct path_finder *pf, uint32_t member)
{
  return &pf->unit->fns.v[pf->members[member]];
}

static const struct op *
ref_op (const struct path_finder *pf, struct op_ref r)
{
  return &member_fn (pf, r.member)->body.ops.v[r.op];
}

static esc_node
in_graph (const struct fn *f, esc_node n)
{
  return n == ESC_NO_NODE ? ESC_NO_NODE : f->base + n;
}

/* The object N stands for: the shared object of a global, the object of
   a field.  */
static esc_node
canonical (const struct graph *g, esc_node n)
{
  if (g->alias[n])
    n = g->alias[n] - 1;
  return esc_graph_group_object (g, n);
}

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

/* The table being built (count, then place).  */
static struct op_table *building;

static void
count_ref (struct path_finder *pf, esc_node n, struct op_ref r)
{
  (void) pf, (void) r;
  building->first[n + 1]++;
}

static void
place_ref (struct path_finder *pf, esc_node n, struct op_ref r)
{
  (void) pf;
  building->refs[building->first[n]++] = r;
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
  building = t;
  t->first = esc_xcalloc (n + 2, sizeof *t->first);
  each_op (pf, each, count_ref);
  for (uint32_t i = 0; i < n; i++)
    t->first[i + 1] += t->first[i];
  t->refs = esc_xcalloc (t->first[n] + 1, sizeof *t->refs);
  /* Placing moves each start to the next node's: shift back after.  */
  each_op (pf, each, place_ref);
  memmove (t->first + 1, t->first, n * sizeof *t->first);
  t->first[0] = 0;
  building = NULL;
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

/* What ends a search: reaching the object TARGET (the next link of the
   chain), or making REASON (the last).  */
struct goal
{
  esc_node target;		/* canonical, or ESC_NO_NODE */
  struct esc_reason reason;
  const struct fn *f;		/* whose return value and parameters */
};

static int
same_reason (struct esc_reason a, struct esc_reason b)
{
  return a.kind == b.kind && a.argno == b.argno
	 && (a.name == b.name || (a.name && b.name && !strcmp (a.name, b.name)));
}

static void
new_search (struct path_finder *pf)
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
static void
reach (struct path_finder *pf, esc_node n, esc_node prev, struct op_ref by,
       int kind, int depth, int argno)
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

/* The end of a search that met its goal: the node reached, or the op
   that made the reason (then NODE is the value it escaped from).  */
struct found
{
  esc_node node;
  int by_op;
  struct op_ref op;
  const struct fn *callee;	/* a call whose callee keeps the value */
  int argno;
};

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
	reach (pf, in_graph (callee, callee->param_value[i]), n, r,
	       ESC_STEP_CALL, depth + 1, argno);
      else if (callee->param_verdicts
	       && callee->param_verdicts[i].kind == ESC_PARAM_LEAKS_TO_RETURN)
	reach (pf, in_graph (f, op->a), n, r, ESC_STEP_RETURN, depth, argno);
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
      reach (pf, in_graph (f, op->a), n, r, ESC_STEP_COPY, depth, 0);
      return 0;
    case OP_STORE:
    case OP_STORE_AT:
      {
	const struct pts_set *pts = esc_graph_pts (pf->g, in_graph (f, op->a));
	for (uint32_t i = 0; i < pts->n; i++)
	  reach (pf, pts->v[i], n, r, ESC_STEP_STORE, depth, 0);
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
      reach (pf, in_graph (member_fn (pf, r.member), ref_op (pf, r)->a), obj,
	     r, ESC_STEP_LOAD, pf->how[obj].depth, 0);
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
      reach (pf, in_graph (member_fn (pf, r.member), ref_op (pf, r)->a), n,
	     r, ESC_STEP_RETURN, pf->how[n].depth - 1, 0);
    }
}

/* Breadth first from the nodes queued, until the goal.  */
static int
search (struct path_finder *pf, const struct goal *goal, struct found *found)
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
static void
start_at_object (struct path_finder *pf, esc_node obj)
{
  const struct op_table *t = &pf->addrs;
  esc_node target = canonical (pf->g, obj);
  for (uint32_t i = t->first[target]; i < t->first[target + 1]; i++)
    {
      struct op_ref r = t->refs[i];
      reach (pf, in_graph (member_fn (pf, r.member), ref_op (pf, r)->a),
	     ESC_NO_NODE, r, ESC_STEP_ADDRESS, 0, 0);
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
	  reach (pf, in_graph (f, f->param_value[i]), ESC_NO_NODE, r,
		 ESC_STEP_ADDRESS, 0, (int) i);
	}
    }
}

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

/* The step that reached N, or 0 if it tells nothing (a copy into a value
   without a name: GCC's temporaries).  */
static int
step_of (const struct path_finder *pf, esc_node n, struct esc_step *s)
{
  const struct reached *how = &pf->how[n];
  if (how->by.member == NO_MEMBER)
    return 0;
  if (how->by.op == PARAM_START)
    {
      const struct fn *pf_fn = member_fn (pf, how->by.member);
      memset (s, 0, sizeof *s);
      s->kind = ESC_STEP_ADDRESS;
      s->fn = pf->members[how->by.member];
      s->through = pf_fn->param_names[how->argno];
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
      if (!search (pf, &goal, &found))
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
      new_search (pf);
      start_at_object (pf, next);
    }
  struct goal goal = { ESC_NO_NODE, reason, f };
  if (search (pf, &goal, &found))
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

static void
object_path (struct path_finder *pf, struct fn *f, struct object_verdict *o)
{
  struct graph *g = pf->g;
  esc_node n = in_graph (f, o->node);
  int escaped = g->is_escaped[n];
  struct node_vec chain = why_chain (g, n, escaped);
  new_search (pf);
  start_at_object (pf, n);
  pf->steps.n = 0;
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
  pf->steps.n = 0;
  new_search (pf);
  struct op_ref none = { NO_MEMBER, 0 };
  reach (pf, in_graph (f, f->param_value[i]), ESC_NO_NODE, none,
	 ESC_STEP_ADDRESS, 0, 0);
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
      if (search (pf, &goal, &found))
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
  pf->steps.n = 0;
  new_search (pf);
  struct op_ref none = { NO_MEMBER, 0 };
  /* From what the parameter points to, whose loads give the level
     below, and from the parameter, which a callee may read.  */
  reach (pf, level0, ESC_NO_NODE, none, ESC_STEP_ADDRESS, 0, 0);
  reach (pf, in_graph (f, f->param_value[i]), ESC_NO_NODE, none,
	 ESC_STEP_ADDRESS, 0, 0);
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
