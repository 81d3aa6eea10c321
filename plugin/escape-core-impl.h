/* escape-core-impl.h -- what the files of the analysis core share.

   The core is split by concern, a file each, plain C11:

     escape-program.c	 the unit, its functions and their constraint
			 programs (what the GIMPLE side records);
     escape-graph.c	 the directed graph of one call-graph component:
			 nodes, points-to sets, fields, walks;
     escape-propagate.c	 its constraints (flow edges, loads, stores,
			 offsets) and their propagation to a fixpoint;
     escape-collapse.c	 cycles of flow and nodes with a single source
			 merged, so that propagation stays near-linear;
     escape-solve.c	 components of the call graph, solved callees
			 first; verdicts and the queries of late functions;
     escape-summary.c	 what a function leaves for its callers, and its
			 instantiation at a call;
     escape-provenance.c why each object escapes or outlives its function:
			 the reason, and where it came from;
     escape-paths.c	 the path to that reason, step by step, from the
			 constraints and their sites;
     escape-path-search.c the search of a solved component it takes.

   Not part of the API (escape-core.h is).  */

#ifndef ESCAPE_CORE_IMPL_H
#define ESCAPE_CORE_IMPL_H

#include "escape-core.h"

#include <stdlib.h>

/* ------------------------------------------------------------------ */
/* Growable arrays.  */

#define VEC(T) struct { T *v; size_t n, cap; }

struct node_vec
{
  esc_node *v;
  size_t n, cap;
};

void *esc_xrealloc (void *p, size_t size);
void *esc_xcalloc (size_t n, size_t size);

#define VEC_PUSH(vec, x)						\
  do {									\
    if ((vec).n == (vec).cap)						\
      {									\
	(vec).cap = (vec).cap ? 2 * (vec).cap : 8;			\
	(vec).v = esc_xrealloc ((vec).v, (vec).cap * sizeof *(vec).v);	\
      }									\
    (vec).v[(vec).n++] = (x);						\
  } while (0)

#define VEC_FREE(vec) (free ((vec).v), (vec).v = NULL, (vec).n = (vec).cap = 0)

/* ------------------------------------------------------------------ */
/* Constraint programs (escape-program.c).  */

enum op_kind
{
  OP_ADDR,	/* a = &b */
  OP_COPY,	/* a = b */
  OP_LOAD,	/* a = *b */
  OP_STORE,	/* *a = b */
  OP_ESCAPE,	/* what a points to escapes, reason[extra] */
  OP_EXTERNAL,	/* a is memory outside the function: it escapes, and so
		   does what is stored in it, reason[extra] */
  OP_CALL,	/* a = call[extra] */
  OP_FREE,	/* what a points to is freed; extra: FREED_* */
  OP_LOAD_AT,	/* a = *b at access[extra] */
  OP_STORE_AT,	/* *a = b at access[extra] */
  OP_OFFSET	/* a = b + access[extra].offset */
};

/* Where an access goes: OFFSET bytes from where the pointer points, SIZE
   bytes (0 for an offset alone).  */
struct access
{
  int64_t offset;
  uint64_t size;
};

/* An access that may touch any byte of the object.  */
#define ACCESS_ALL UINT32_MAX

/* How an object is freed.  */
enum
{
  FREED_HERE = 1,	/* by a removable free call of the function */
  FREED_ELSEWHERE = 2,	/* by a callee or a library function */
  FREED_REALLOC = 4	/* given to realloc by the function */
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

/* A constraint program: ops over nodes numbered from 0, with the reasons
   their escape ops name.  A function's body is one; so is a summary.  */
struct program
{
  uint32_t nnodes;
  VEC (struct op) ops;
  VEC (struct esc_reason) reasons;
  VEC (struct access) accesses;
  VEC (uint32_t) sites;		/* per op: esc_set_site's, when made */
  uint32_t site;
};

/* The fields of an object (esc_object_fields): node FIRST_NODE + i is
   field i, at the function's ranges[FIRST_RANGE + i].  */
struct field_group
{
  esc_node obj, first_node;
  uint32_t first_range, count;
};

/* What a function leaves for its callers (escape-summary.c): a program
   over the caller's arguments (nodes 0 .. nparams-1), the call's result
   (node nparams), temporaries, and objects (each instance is a new object
   of the caller's graph, memory the caller does not own).  */
struct summary
{
  struct program prog;
  unsigned char *is_object;	/* per node: SUMMARY_* */
  int too_big;
};

enum
{
  SUMMARY_VALUE = 0,
  SUMMARY_OBJECT,		/* the callee's objects that stay local */
  SUMMARY_ESCAPED		/* the callee's objects that escape: unknown
				   memory for the caller */
};

/* Steps of a path, in its function's steps (escape-paths.c).  */
struct path_range
{
  uint32_t first, count;
};

struct object_verdict
{
  esc_node node;
  struct esc_reason reason;
  struct path_range path;
};

struct graph;

struct fn
{
  const void *key;
  const char *name;
  int has_body;
  unsigned nparams;
  const char **param_names;
  unsigned char *param_scalar;	/* see esc_param_set_scalar */
  int calls_out;		/* its own calls; then with its callees' */
  esc_node *param_value;
  esc_node ret_value;
  struct program body;
  VEC (struct call) calls;
  VEC (esc_node) call_args;
  VEC (struct object_verdict) objects;	/* sorted by node */
  VEC (struct field_group) groups;
  VEC (struct access) ranges;		/* of the groups' fields */

  /* Solver state.  */
  uint32_t base;		/* its node 0 in the component's graph */
  uint32_t *param_obj;		/* per parameter: graph node of each level
				   of the caller's memory it points to,
				   ESC_PARAM_DEPTH in a row */
  int scc;			/* component id, -1 until visited */
  int recursive;		/* in a cycle of the call graph */
  int late;			/* see esc_late_begin */
  struct graph *late_graph;	/* kept for the queries of a late function */
  int tarjan_index, tarjan_low, on_stack;
  struct summary summary;
  struct esc_param_verdict *param_verdicts;
  /* Paths (escape-paths.c): names of nodes, and the steps of the paths
     of its objects and parameters.  */
  VEC (const char *) node_names;
  VEC (struct esc_step) steps;
  struct path_range *param_paths;
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
  int keep_paths;		/* see esc_unit_keep_paths */
  size_t work;			/* see esc_unit_work */
};

struct fn *esc_get_fn (struct esc_unit *unit, esc_fn fn);
void esc_program_free (struct program *p);
esc_node esc_program_node (struct program *p);
void esc_program_op (struct program *p, enum op_kind kind, esc_node a,
		     esc_node b, uint32_t extra);
uint32_t esc_program_reason (struct program *p, struct esc_reason r);
uint32_t esc_program_access (struct program *p, int64_t offset,
			     uint64_t size);
struct esc_reason esc_make_reason (enum esc_reason_kind kind,
				   const char *name, int argno);

/* ------------------------------------------------------------------ */
/* The directed graph of a component (escape-graph.c).

   Every node is a cell: a value, or an object (a variable, an allocation,
   the caller's memory) whose contents are the cell.  pts(n) is the set of
   objects n may point to.  Flow is directed, as in Go's escape analysis
   and Andersen's points-to analysis: p = &o puts o in pts(p) (a flow with
   dereference count -1), p = q adds an edge q -> p (count 0), p = *q an
   edge o -> p for every o in pts(q) (count 1), *p = q an edge q -> o for
   every o in pts(p).

   Escaping is flow too: ESCAPED is a node whose points-to set is every
   object that escapes.  What an escaping object holds escapes
   (ESCAPED = *ESCAPED), and may have been replaced by anything unknown
   code holds (*ESCAPED = &UNKNOWN): UNKNOWN is the object that stands for
   all memory the program does not see.  */

struct pts_set
{
  esc_node *v;			/* in insertion order */
  uint32_t n, cap;
  uint32_t *slots;		/* hash index once the set is large */
  uint32_t nslots;
};

/* A complex constraint of a pointer: a load into, a store from, or an
   offset into OTHER, at an access (ACCESS_ALL: anywhere).  */
struct cons
{
  esc_node other;
  uint32_t access;
};

struct cons_vec
{
  struct cons *v;
  size_t n, cap;
};

/* An object with fields and its fields, in the graph: members[first ..
   first + count) are the fields' nodes.  */
struct group
{
  esc_node obj;
  uint32_t first, count;
};

struct member
{
  esc_node node;
  int64_t offset;
  uint64_t size;
};

struct summary_object
{
  const void *callee;		/* NULL: an empty slot */
  uint32_t index;
  esc_node node;
};

struct record
{
  esc_node node;
  struct esc_reason reason;
  unsigned char kind;		/* REC_* */
  unsigned char freed;		/* FREED_*, for REC_FREE */
};

enum
{
  REC_ESCAPE,		/* what NODE points to escapes */
  REC_EXTERNAL,		/* NODE is outside memory: what it holds escapes */
  REC_FREE		/* what NODE points to is freed */
};

/* Why an object escapes or outlives its function (escape-provenance.c).  */
struct why
{
  struct esc_reason reason;
  esc_node from;		/* the object it was stored in, or
				   ESC_NO_NODE at the root of the walk */
};

enum escape_mark
{
  NOT_MARKED,
  FOLDED,			/* stands as UNKNOWN in sets */
  NAMED,			/* outside memory with a reason of its own
				   (a global): keeps its identity in sets */
  NAMED_ESCAPED			/* the same, once escaping memory got it */
};

struct graph
{
  uint32_t n, cap;
  struct pts_set *pts;
  struct node_vec *delta;	/* added to pts, not yet propagated */
  struct node_vec *succ;	/* flow edges n -> succ */
  struct cons_vec *loads;	/* dst = *n */
  struct cons_vec *stores;	/* *n = src */
  struct cons_vec *offsets;	/* dst = n + offset */
  VEC (struct access) accesses;
  VEC (struct group) groups;
  VEC (struct member) members;
  uint32_t *group_of;		/* per node: its group + 1 (the object
				   and its fields), or 0 */
  uint32_t *member_of;		/* per field node: its member + 1 */
  unsigned char *queued;
  unsigned char *foreign_root;	/* memory that is not the function's own */
  /* The caller's memory a parameter points to comes in levels: a load
     from level d gives level d + 1 besides what was stored there.  Per
     node: that next level + 1, or 0.  Kept apart from pts so that a
     summary tells what the function stored from what it found.  */
  uint32_t *init;
  uint32_t *param_slot;		/* per parameter object: index into its
				   function's param_obj + 1, or 0 */
  uint32_t *rep;		/* union-find: nodes on a cycle of flow
				   edges share one cell (their rep) */
  size_t work_since_collapse;
  /* What flows into each node before propagation (see
     merge_equivalents): how many constraints, and the one there is.  */
  uint32_t *in_count;
  struct cons *in_first;	/* its source or pointer, and access */
  unsigned char *in_kind;	/* OP_COPY, OP_LOAD, OP_OFFSET */
  unsigned char *is_object;	/* may be pointed to (a cell that stores
				   reach) */
  /* Objects known to escape (enum escape_mark), those found, and those
     whose consequences are still to be drawn.  Once an object escapes,
     sets that gain it gain UNKNOWN instead (see add_object).  */
  int fold_escaped;		/* in large components only (see folded) */
  unsigned char *escape_marked;
  struct node_vec escaped_objects;
  size_t escaped_done;
  int drawing_escapes;
  /* Until propagation starts, constraints are only recorded: sending
     sets along edges as they are made would be quadratic on a chain.  */
  int propagating;
  struct node_vec queue;
  size_t queue_head;
  /* Flow edges already made, to make each once: a node's few successors
     are searched in place; from EDGE_SCAN_MAX on (edges_hashed[n]), its
     edges are in the hash set EDGES, (a << 32 | b) + 1.  */
  unsigned char *edges_hashed;
  uint64_t *edges;
  size_t nhashed, edges_cap;
  size_t nedges;		/* flow edges made */
  esc_node escaped, unknown;
  size_t work;			/* set insertions and edges made */
  /* The caller's object for each object of a callee's summary, one per
     (callee, summary node): open addressing.  */
  struct summary_object *summary_objects;
  size_t nsummary_objects, summary_objects_cap;
  /* One object per global (by name) and one for unknown memory: every
     function of a component, every summary, names its own, and they all
     stand for the same memory.  alias: per node, its object + 1.  */
  VEC (struct summary_object) externals;
  uint32_t *alias;
  /* In a large component, the levels of the caller's memory are shared
     by all parameters of all members (escape-solve.c); else NO_NODE.  */
  esc_node shared_level[ESC_PARAM_DEPTH];
  VEC (struct record) records;

  /* After propagation (escape-provenance.c and escape-solve.c).  */
  unsigned char *is_escaped;
  struct esc_reason *external;	/* per outside object (a global): the
				   reason what it holds escapes; kind
				   NONE for the others */
  unsigned char *foreign;	/* reachable from a foreign root */
  unsigned char *freed;		/* FREED_* */
  struct why *why;		/* per escaping object */
  struct node_vec pointees;	/* esc_pointees's answer */
  /* Scratch for walks: a stamp per node.  */
  uint32_t *stamp;
  uint32_t cur_stamp;
  struct why *local;		/* per object: why it outlives the call */
  uint32_t *scratch;		/* per node, valid where visited */
};

void esc_graph_init (struct graph *g);
/* Makes G fold escaped objects into unknown memory (escape-propagate.c,
   folded); right after esc_graph_init.  */
void esc_graph_fold_escaped (struct graph *g);
void esc_graph_free (struct graph *g);
/* Room for COUNT nodes in all, made at once (a component knows its size:
   growing twenty arrays by doubling showed in the profile).  */
void esc_graph_reserve (struct graph *g, uint32_t count);
esc_node esc_graph_node (struct graph *g);
/* An object that is not the function's own (the caller's memory, what a
   callee allocated, unknown memory).  */
esc_node esc_graph_foreign_object (struct graph *g);
/* Level LEVEL is what a load from OBJ finds besides what is stored in it
   (see struct graph).  */
void esc_graph_set_init (struct graph *g, esc_node obj, esc_node level);
void esc_graph_addr (struct graph *g, esc_node dst, esc_node obj);
void esc_graph_copy (struct graph *g, esc_node dst, esc_node src);
void esc_graph_load (struct graph *g, esc_node dst, esc_node ptr,
		     uint32_t access);
void esc_graph_store (struct graph *g, esc_node ptr, esc_node src,
		      uint32_t access);
void esc_graph_offset (struct graph *g, esc_node dst, esc_node ptr,
		       uint32_t access);
/* An access of the graph (its index), from program P's.  */
uint32_t esc_graph_access (struct graph *g, const struct program *p,
			   uint32_t access);
/* OBJ has the fields FIELDS[0 .. COUNT), of ranges RANGES.  */
void esc_graph_group (struct graph *g, esc_node obj, const esc_node *fields,
		      const struct access *ranges, uint32_t count);
/* The graph's object for object INDEX of CALLEE's summary: made at its
   first call, shared by the others.  */
esc_node esc_graph_summary_object (struct graph *g, const void *callee,
				   uint32_t index);
/* The object of N's group (N itself if it has no fields).  */
esc_node esc_graph_group_object (const struct graph *g, esc_node n);
void esc_graph_escape (struct graph *g, esc_node src,
		       struct esc_reason reason);
void esc_graph_external (struct graph *g, esc_node obj,
			 struct esc_reason reason);
void esc_graph_free_record (struct graph *g, esc_node ptr, int how);
void esc_graph_propagate (struct graph *g);
/* The cell that holds N's contents: N's, or that of the nodes it was
   merged with.  Inline, as the few small functions every walk and set
   test calls in every file.  */
static inline esc_node
esc_graph_rep (struct graph *g, esc_node n)
{
  while (g->rep[n] != n)
    {
      g->rep[n] = g->rep[g->rep[n]];
      n = g->rep[n];
    }
  return n;
}
int esc_set_add (struct pts_set *s, esc_node x);
void esc_graph_enqueue (struct graph *g, esc_node n);
int esc_compare_nodes (const void *a, const void *b);
/* Sorts the nodes of V and drops repeats.  */
void esc_sort_unique (struct node_vec *v);

/* escape-collapse.c: merges each cycle of flow edges into one cell (sent
   again where it changed), and each node with a single source into it
   (before propagation).  */
void esc_collapse_cycles (struct graph *g);
void esc_merge_equivalents (struct graph *g);
/* The slot X's hash starts at in a set's index.  */
static inline uint32_t
esc_hash_node (esc_node x)
{
  uint32_t h = x * 0x9E3779B1u;
  return h ^ (h >> 15);
}

static inline int
esc_pts_contains (const struct pts_set *s, esc_node x)
{
  if (!s->slots)
    {
      for (uint32_t i = 0; i < s->n; i++)
	if (s->v[i] == x)
	  return 1;
      return 0;
    }
  uint32_t mask = s->nslots - 1;
  for (uint32_t j = esc_hash_node (x) & mask; s->slots[j];
       j = (j + 1) & mask)
    if (s->slots[j] == x + 1)
      return 1;
  return 0;
}
/* The objects N may point to.  */
const struct pts_set *esc_graph_pts (struct graph *g, esc_node n);
/* PTS (N) in the order its objects came (propagation is deterministic,
   and so is that order), in a vector the caller frees.  */
struct node_vec esc_pts_list (struct graph *g, esc_node n);
/* The same with N's initial pointee, and the whole group of an object
   with fields: everything N may reach in one step (maybe twice).  In the
   graph's own vector, valid until the next call (walks call it once per
   node: a vector of their own each time cost a tenth of the solving).  */
const struct node_vec *esc_pointees (struct graph *g, esc_node n);
void esc_graph_new_walk (struct graph *g);
static inline int
esc_graph_visited (const struct graph *g, esc_node n)
{
  return g->stamp[n] == g->cur_stamp;
}

static inline void
esc_graph_visit (struct graph *g, esc_node n)
{
  g->stamp[n] = g->cur_stamp;
}

/* ------------------------------------------------------------------ */
/* Provenance (escape-provenance.c).  */

/* Gives every escaping object its reason, in the order the records were
   made, and marks what is freed and what is foreign.  */
void esc_resolve_escapes (struct graph *g);
/* Walks from FROM's pointees (not escaping anyway), giving each object
   reached REASON in g->local if it has none yet in this walk.  */
void esc_walk_outlives (struct graph *g, esc_node from,
			struct esc_reason reason);
/* The objects reachable from the pointees of FROM (those included), in
   a vector the caller frees.  */
struct node_vec esc_reachable (struct graph *g, esc_node from);

/* ------------------------------------------------------------------ */
/* Paths (escape-paths.c).  */

/* Finds the paths of the members of a solved component, in G: begun
   once, then asked for each member right after its verdicts (its walk of
   what outlives it is still in G), then ended.  */
struct path_finder;
struct path_finder *esc_paths_begin (struct esc_unit *unit, struct graph *g,
				     const esc_fn *members, size_t count);
void esc_paths_of (struct path_finder *finder, struct fn *f);
void esc_paths_end (struct path_finder *finder);
/* The verdict of F's object OBJ (escape-solve.c).  */
struct object_verdict *esc_fn_object (struct fn *f, esc_node obj);

/* ------------------------------------------------------------------ */
/* Summaries (escape-summary.c).  */

void esc_build_summary (struct graph *g, struct fn *f);
void esc_summary_free (struct summary *s);
void esc_apply_summary (struct graph *g, const struct fn *callee,
			esc_node lhs, const esc_node *args, uint32_t nargs);
/* Applies program P to G, its node K being MAP[K].  */
void esc_apply_program (struct graph *g, const struct program *p,
			const esc_node *map);

#endif /* ESCAPE_CORE_IMPL_H */
