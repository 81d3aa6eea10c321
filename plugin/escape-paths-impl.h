/* escape-paths-impl.h -- what the two files of the paths share: the
   search of a solved component (escape-path-search.c) and the steps and
   paths made from it (escape-paths.c).  Not part of the API.  */

#ifndef ESCAPE_PATHS_IMPL_H
#define ESCAPE_PATHS_IMPL_H

#include "escape-core-impl.h"

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
  struct op_table *building;	/* the table build_table makes */
  /* The steps of the path being made.  */
  VEC (struct esc_step) steps;
};

static inline const struct fn *
member_fn (const struct path_finder *pf, uint32_t member)
{
  return &pf->unit->fns.v[pf->members[member]];
}

static inline const struct op *
ref_op (const struct path_finder *pf, struct op_ref r)
{
  return &member_fn (pf, r.member)->body.ops.v[r.op];
}

static inline esc_node
in_graph (const struct fn *f, esc_node n)
{
  return n == ESC_NO_NODE ? ESC_NO_NODE : f->base + n;
}

/* The node the op R defines (its A: a copy's, a load's, a call's
   result, an address op's value).  */
static inline esc_node
defined_by (const struct path_finder *pf, struct op_ref r)
{
  return in_graph (member_fn (pf, r.member), ref_op (pf, r)->a);
}

/* The object N stands for: the shared object of a global, the object of
   a field.  */
static inline esc_node
canonical (const struct graph *g, esc_node n)
{
  if (g->alias[n])
    n = g->alias[n] - 1;
  return esc_graph_group_object (g, n);
}


/* What ends a search: reaching the object TARGET (the next link of the
   chain), or making REASON (the last).  */
struct goal
{
  esc_node target;		/* canonical, or ESC_NO_NODE */
  struct esc_reason reason;
  const struct fn *f;		/* whose return value and parameters */
};

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

/* escape-path-search.c: a new search (the tables made at the first);
   N reached from PREV by the op BY, as a step of KIND at DEPTH; the
   values that take OBJ's address queued as starts; breadth first from
   what is queued until GOAL (1, with FOUND, if met).  */
void esc_path_new_search (struct path_finder *pf);
void esc_path_reach (struct path_finder *pf, esc_node n, esc_node prev,
		     struct op_ref by, int kind, int depth, int argno);
void esc_path_start_at_object (struct path_finder *pf, esc_node obj);
int esc_path_search (struct path_finder *pf, const struct goal *goal,
		     struct found *found);

#endif /* ESCAPE_PATHS_IMPL_H */
