/* escape-summary.c -- what a function leaves for its callers, and its
   instantiation at a call.

   A summary is a constraint program over the call's arguments and result
   (struct summary), derived from the function's solved graph.  Its
   objects are those the function can make its caller see: the caller's
   memory at each level below each parameter, and whatever is reachable
   from there or from the returned value.  In the program each object is
   a value that points to it:

     level 0 of parameter i	the argument itself
     level d + 1		a load from level d
     anything else		the address of an object of the callee's

   (one object of the caller's graph per object of the summary, whatever
   the number of calls: a new one per call would multiply the objects of a
   function that calls the same constructor many times),
   and every fact the function established about them becomes an op:
   "S holds T" is *V(S) = V(T), "the result may be T" is RET = V(T),
   "S escapes" is escape (V(S)), "S is freed" is free (V(S)).  The
   caller's solve then re-evaluates the loads in its own graph, so two
   arguments that alias in the caller are handled there, where the
   aliasing is known.  */

#include "escape-core-impl.h"

#include <string.h>

struct global_value
{
  const char *name;
  esc_node value;
};

struct builder
{
  struct graph *g;
  const struct fn *f;
  struct summary *s;
  VEC (unsigned char) is_object;
  /* The values of the caller's objects for the function's own objects:
     one for all that stay local to the call, one for all that escape, one
     per global.  */
  esc_node local_value, escaped_value;
  int escaped_emitted;
  VEC (struct global_value) globals;
};

static esc_node
new_node (struct builder *b, int kind)
{
  VEC_PUSH (b->is_object, (unsigned char) kind);
  return esc_program_node (&b->s->prog);
}

/* Is graph node N level DEPTH of parameter I of the function?  */
static int
param_level (const struct builder *b, esc_node n, unsigned *i, unsigned *d)
{
  uint32_t slot = b->g->param_slot[n];
  if (!slot || slot - 1 >= b->f->nparams * ESC_PARAM_DEPTH
      || b->f->param_obj[slot - 1] != n)
    return 0;
  *i = (slot - 1) / ESC_PARAM_DEPTH;
  *d = (slot - 1) % ESC_PARAM_DEPTH;
  return 1;
}

/* A value pointing to a new object of the summary, of KIND
   (SUMMARY_*); for a global, whose reason stays the caller's ("stored in
   global 'g'"), with that reason.  */
static esc_node
object_value (struct builder *b, int kind, const struct esc_reason *global)
{
  esc_node obj = new_node (b, kind);
  esc_node v = new_node (b, SUMMARY_VALUE);
  struct program *prog = &b->s->prog;
  if (global)
    esc_program_op (prog, OP_EXTERNAL, obj, ESC_NO_NODE,
		    esc_program_reason (prog, *global));
  esc_program_op (prog, OP_ADDR, v, obj, 0);
  return v;
}

/* The value of a global's object: one per global.  */
static esc_node
global_value (struct builder *b, struct esc_reason reason)
{
  for (size_t i = 0; i < b->globals.n; i++)
    if (b->globals.v[i].name == reason.name)
      return b->globals.v[i].value;
  struct global_value gv = { reason.name,
			     object_value (b, SUMMARY_OBJECT, &reason) };
  VEC_PUSH (b->globals, gv);
  return gv.value;
}

/* The value of level D of the caller's memory shared by all parameters
   (a large component): what any argument reaches at that level.  */
static esc_node
shared_level_value (struct builder *b, unsigned d)
{
  struct program *prog = &b->s->prog;
  esc_node v = new_node (b, SUMMARY_VALUE);
  for (unsigned i = 0; i < b->f->nparams; i++)
    {
      esc_node level = i;
      for (unsigned k = 0; k < d; k++)
	{
	  esc_node next = new_node (b, SUMMARY_VALUE);
	  esc_program_op (prog, OP_LOAD, next, level, 0);
	  level = next;
	}
      esc_program_op (prog, OP_COPY, v, level, 0);
    }
  return v;
}

/* The summary value that points to object N (visited in this walk).
   g->scratch holds it + 1 once made.  */
static esc_node
value_of (struct builder *b, esc_node n)
{
  struct graph *g = b->g;
  /* An object with fields is one object for the caller: a pointer to one
     field can reach the others.  */
  n = esc_graph_group_object (g, n);
  if (g->scratch[n])
    return g->scratch[n] - 1;
  unsigned i, d;
  esc_node v = ESC_NO_NODE;
  for (d = 0; d < ESC_PARAM_DEPTH; d++)
    if (n == g->shared_level[d])
      v = shared_level_value (b, d);
  if (v != ESC_NO_NODE)
    ;
  else if (param_level (b, n, &i, &d))
    {
      if (d == 0)
	v = i;
      else
	{
	  esc_node above = value_of (b, b->f->param_obj[i * ESC_PARAM_DEPTH
							 + d - 1]);
	  v = new_node (b, 0);
	  esc_program_op (&b->s->prog, OP_LOAD, v, above, 0);
	}
    }
  else if (g->external[n].kind != ESC_R_NONE)
    v = global_value (b, g->external[n]);
  else
    {
      int escaped = g->is_escaped[n];
      esc_node *shared = escaped ? &b->escaped_value : &b->local_value;
      if (*shared == ESC_NO_NODE)
	*shared = object_value (b, escaped ? SUMMARY_ESCAPED : SUMMARY_OBJECT,
				NULL);
      v = *shared;
    }
  g->scratch[n] = v + 1;
  return v;
}

/* The objects of the summary, breadth first from the parameters' levels
   and the returned value; *ARGNO per object (in g->local[].reason.argno):
   the 1-based parameter it was first reached from, 0 if only from the
   returned value.  Returns 0 if there are too many.  */
static int
collect (struct builder *b, struct node_vec *order)
{
  struct graph *g = b->g;
  const struct fn *f = b->f;
  esc_graph_new_walk (g);
  for (unsigned i = 0; i < f->nparams; i++)
    {
      esc_node p = f->param_obj[i * ESC_PARAM_DEPTH];
      esc_graph_visit (g, p);
      g->local[p].reason.argno = (int) i + 1;
      VEC_PUSH (*order, p);
    }
  const struct node_vec *ret = esc_pointees (g, f->base + f->ret_value);
  for (size_t k = 0; k < ret->n; k++)
    if (!esc_graph_visited (g, ret->v[k]))
      {
	esc_graph_visit (g, ret->v[k]);
	g->local[ret->v[k]].reason.argno = 0;
	VEC_PUSH (*order, ret->v[k]);
      }
  for (size_t k = 0; k < order->n && order->n <= ESC_MAX_SUMMARY_NODES; k++)
    {
      esc_node s = order->v[k];
      const struct node_vec *pts = esc_pointees (g, s);
      for (size_t j = 0; j < pts->n; j++)
	if (!esc_graph_visited (g, pts->v[j]))
	  {
	    esc_graph_visit (g, pts->v[j]);
	    g->local[pts->v[j]].reason.argno = g->local[s].reason.argno;
	    VEC_PUSH (*order, pts->v[j]);
	  }
    }
  return order->n <= ESC_MAX_SUMMARY_NODES;
}

/* The facts about object N: it escapes (then what it holds does too, and
   needs no op of its own), or what it holds, and whether it is freed.  */
static void
summarize_object (struct builder *b, esc_node n)
{
  struct graph *g = b->g;
  struct program *prog = &b->s->prog;
  if (!g->is_escaped[n] && !esc_graph_pts (g, n)->n && !g->freed[n])
    return;			/* nothing to tell */
  esc_node v = value_of (b, n);
  if (g->external[n].kind != ESC_R_NONE)
    return;			/* escapes in value_of */
  if (g->is_escaped[n])
    {
      if (v == b->escaped_value && b->escaped_emitted++)
	return;
      int argno = g->local[n].reason.argno;
      struct esc_reason r = argno
	? esc_make_reason (ESC_R_CALL_KEEPS, b->f->name, argno)
	: esc_make_reason (ESC_R_MEMORY, NULL, 0);
      esc_program_op (prog, OP_ESCAPE, v, ESC_NO_NODE,
		      esc_program_reason (prog, r));
      return;
    }
  struct node_vec pts = esc_pts_list (g, n);
  for (size_t k = 0; k < pts.n; k++)
    esc_program_op (prog, OP_STORE, v, value_of (b, pts.v[k]), 0);
  VEC_FREE (pts);
  if (g->freed[n])
    esc_program_op (prog, OP_FREE, v, ESC_NO_NODE, FREED_ELSEWHERE);
}

void
esc_build_summary (struct graph *g, struct fn *f)
{
  struct builder b = { g, f, &f->summary, { NULL, 0, 0 }, ESC_NO_NODE,
		       ESC_NO_NODE, 0, { NULL, 0, 0 } };
  struct node_vec order = { NULL, 0, 0 };
  if (!g->scratch)
    g->scratch = esc_xcalloc (g->n, sizeof *g->scratch);
  if (!collect (&b, &order))
    {
      f->summary.too_big = 1;
      VEC_FREE (order);
      return;
    }
  for (unsigned i = 0; i <= f->nparams; i++)
    new_node (&b, 0);		/* the arguments, then the result */
  for (size_t k = 0; k < order.n; k++)
    summarize_object (&b, order.v[k]);
  struct node_vec ret = esc_pts_list (g, f->base + f->ret_value);
  for (size_t k = 0; k < ret.n; k++)
    esc_program_op (&f->summary.prog, OP_COPY, f->nparams,
		    value_of (&b, ret.v[k]), 0);
  VEC_FREE (ret);
  for (size_t k = 0; k < order.n; k++)
    g->scratch[esc_graph_group_object (g, order.v[k])] = 0;
  f->summary.is_object = b.is_object.v;
  VEC_FREE (b.globals);
  VEC_FREE (order);
}

void
esc_summary_free (struct summary *s)
{
  esc_program_free (&s->prog);
  free (s->is_object);
  memset (s, 0, sizeof *s);
}

void
esc_apply_summary (struct graph *g, const struct fn *callee, esc_node lhs,
		   const esc_node *args, uint32_t nargs)
{
  const struct summary *s = &callee->summary;
  esc_node *map = esc_xcalloc (s->prog.nnodes, sizeof *map);
  for (uint32_t k = 0; k < s->prog.nnodes; k++)
    {
      esc_node given = ESC_NO_NODE;
      if (k < callee->nparams && k < nargs)
	given = args[k];
      else if (k == callee->nparams)
	given = lhs;
      if (given != ESC_NO_NODE)
	map[k] = given;
      else if (s->is_object[k] == SUMMARY_ESCAPED)
	map[k] = g->unknown;
      else if (s->is_object[k] == SUMMARY_OBJECT)
	map[k] = esc_graph_summary_object (g, callee, k);
      else
	map[k] = esc_graph_node (g);
    }
  esc_apply_program (g, &s->prog, map);
  free (map);
}

void
esc_apply_program (struct graph *g, const struct program *p,
		   const esc_node *map)
{
  for (size_t k = 0; k < p->ops.n; k++)
    {
      const struct op *op = &p->ops.v[k];
      esc_node a = op->a == ESC_NO_NODE ? ESC_NO_NODE : map[op->a];
      switch ((enum op_kind) op->kind)
	{
	case OP_ADDR:
	  esc_graph_addr (g, a, map[op->b]);
	  break;
	case OP_COPY:
	  esc_graph_copy (g, a, map[op->b]);
	  break;
	case OP_LOAD:
	  esc_graph_load (g, a, map[op->b], ACCESS_ALL);
	  break;
	case OP_STORE:
	  esc_graph_store (g, a, map[op->b], ACCESS_ALL);
	  break;
	case OP_LOAD_AT:
	  esc_graph_load (g, a, map[op->b],
			  esc_graph_access (g, p, op->extra));
	  break;
	case OP_STORE_AT:
	  esc_graph_store (g, a, map[op->b],
			   esc_graph_access (g, p, op->extra));
	  break;
	case OP_OFFSET:
	  esc_graph_offset (g, a, map[op->b],
			    esc_graph_access (g, p, op->extra));
	  break;
	case OP_ESCAPE:
	  esc_graph_escape (g, a, p->reasons.v[op->extra]);
	  break;
	case OP_EXTERNAL:
	  esc_graph_external (g, a, p->reasons.v[op->extra]);
	  break;
	case OP_FREE:
	  esc_graph_free_record (g, a, (int) op->extra);
	  break;
	case OP_CALL:
	  break;		/* summaries make no calls */
	}
    }
}
