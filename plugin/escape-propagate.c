/* escape-propagate.c -- the constraints of a component's graph, and
   their propagation (escape-graph.c has the graph itself).

   Propagation is by difference: a node's new objects (its delta) travel
   along its edges once, and each object added to a pointer's set adds the
   edges of its loads and stores once.  In a large component, escaped
   objects are folded into unknown memory as they escape (see folded).  */

#include "escape-core-impl.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Constraints.  */

void
esc_graph_enqueue (struct graph *g, esc_node n)
{
  if (g->queued[n])
    return;
  g->queued[n] = 1;
  VEC_PUSH (g->queue, n);
}

/* Before propagation: what flows into N (see merge_equivalents).  */
static void
note_incoming (struct graph *g, esc_node n, int kind, esc_node from,
	       uint32_t access)
{
  struct cons c = { from, access };
  if (g->propagating)
    return;
  if (!g->in_count[n]++)
    {
      g->in_first[n] = c;
      g->in_kind[n] = (unsigned char) kind;
    }
}

static void send_to_accesses (struct graph *g, esc_node obj, esc_node n);

/* OBJ escapes, and every part of it.  */
static void
mark_escaped (struct graph *g, esc_node obj)
{
  g->escape_marked[obj] = g->escape_marked[obj] == NAMED ? NAMED_ESCAPED
			  : FOLDED;
  g->is_object[obj] = 1;
  VEC_PUSH (g->escaped_objects, obj);
  if (!g->group_of[obj])
    return;
  const struct group *grp = &g->groups.v[g->group_of[obj] - 1];
  if (!g->escape_marked[grp->obj])
    mark_escaped (g, grp->obj);
  for (uint32_t i = 0; i < grp->count; i++)
    if (!g->escape_marked[g->members.v[grp->first + i].node])
      mark_escaped (g, g->members.v[grp->first + i].node);
}

/* What escaping memory's loads and stores do to the objects it holds is
   done to each object found to escape: its contents escape, and unknown
   code may store unknown memory in it.  A loop, not recursion: chains of
   escaping objects can be long.  */
static void
draw_escapes (struct graph *g)
{
  if (g->drawing_escapes)
    return;
  g->drawing_escapes = 1;
  while (g->escaped_done < g->escaped_objects.n)
    send_to_accesses (g, g->escaped_objects.v[g->escaped_done++],
		      esc_graph_rep (g, g->escaped));
  g->drawing_escapes = 0;
}

/* What N gains when it gains OBJ: OBJ, or UNKNOWN in a graph that folds
   escaped objects.  Escaped memory is all one to the analysis: what is
   stored in it escapes, and what is loaded from it is unknown memory.
   So an object that escaped is added as UNKNOWN, and the set of escaping
   memory holds UNKNOWN and not the objects (escaped_objects lists them):
   sets stay small where most of a program's objects escape (on SQLite's
   large components, 99.9% of all set entries were escaped objects).  The
   cost is in the reasons only: a set that gains an object after it
   escaped no longer leads to it, so the object's reason is that of the
   first record to reach it during propagation, not in statement order.  */
static esc_node
folded (struct graph *g, esc_node n, esc_node obj)
{
  if (!g->fold_escaped || obj == g->unknown)
    return obj;
  if (g->escape_marked[obj] == FOLDED)
    return g->unknown;
  if (n != esc_graph_rep (g, g->escaped))
    return obj;
  if (g->escape_marked[obj] != NAMED_ESCAPED)
    {
      mark_escaped (g, obj);
      draw_escapes (g);
    }
  return g->unknown;
}

static void
add_object (struct graph *g, esc_node n, esc_node obj)
{
  n = esc_graph_rep (g, n);
  g->is_object[obj] = 1;
  obj = folded (g, n, obj);
  note_incoming (g, n, OP_ADDR, obj, 0);
  if (esc_set_add (&g->pts[n], obj))
    {
      g->work++;
      VEC_PUSH (g->delta[n], obj);
      esc_graph_enqueue (g, n);
      /* A pointer to any part of an object can reach all of it.  */
      if (n == esc_graph_rep (g, g->escaped) && g->group_of[obj])
	{
	  const struct group *grp = &g->groups.v[g->group_of[obj] - 1];
	  add_object (g, n, grp->obj);
	  for (uint32_t i = 0; i < grp->count; i++)
	    add_object (g, n, g->members.v[grp->first + i].node);
	}
    }
}

static uint64_t
edge_key (esc_node a, esc_node b)
{
  return ((uint64_t) a << 32 | b) + 1;
}

static uint32_t
hash_edge (uint64_t key)
{
  key ^= key >> 31;
  key *= 0x9E3779B97F4A7C15ull;
  return (uint32_t) (key >> 32);
}

static void
grow_edges (struct graph *g)
{
  size_t old_cap = g->edges_cap;
  uint64_t *old = g->edges;
  g->edges_cap = old_cap ? 2 * old_cap : 256;
  g->edges = esc_xcalloc (g->edges_cap, sizeof *g->edges);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i])
      {
	size_t j = hash_edge (old[i]) & (g->edges_cap - 1);
	while (g->edges[j])
	  j = (j + 1) & (g->edges_cap - 1);
	g->edges[j] = old[i];
      }
  free (old);
}

static int
edge_hash_add (struct graph *g, esc_node a, esc_node b)
{
  if (2 * (g->nhashed + 1) > g->edges_cap)
    grow_edges (g);
  uint64_t key = edge_key (a, b);
  size_t j = hash_edge (key) & (g->edges_cap - 1);
  while (g->edges[j])
    {
      if (g->edges[j] == key)
	return 0;
      j = (j + 1) & (g->edges_cap - 1);
    }
  g->edges[j] = key;
  g->nhashed++;
  return 1;
}

/* A node with this many successors gets its edges hashed; fewer are
   searched in place, which on SQLite is most nodes and saves a tenth of
   the solving (the hash set's probes miss the cache).  */
#define EDGE_SCAN_MAX 8

/* Records the edge A -> B; returns 1 if it is new.  A successor list may
   hold cells merged since (escape-collapse.c) under their old names, so an
   edge to their new cell may be made once more: that only sends a set
   again.  */
static int
edge_add (struct graph *g, esc_node a, esc_node b)
{
  const struct node_vec *succ = &g->succ[a];
  if (!g->edges_hashed[a] && succ->n < EDGE_SCAN_MAX)
    {
      for (size_t i = 0; i < succ->n; i++)
	if (succ->v[i] == b)
	  return 0;
    }
  else
    {
      if (!g->edges_hashed[a])
	{
	  g->edges_hashed[a] = 1;
	  for (size_t i = 0; i < succ->n; i++)
	    edge_hash_add (g, a, succ->v[i]);
	}
      if (!edge_hash_add (g, a, b))
	return 0;
    }
  g->nedges++;
  return 1;
}

static void flow (struct graph *g, esc_node src, esc_node dst);

/* DST = the contents of CELL: what is stored there, now and later, and
   the level below it if CELL is the caller's memory.  */
static void
read_cell (struct graph *g, esc_node cell, esc_node dst)
{
  flow (g, cell, dst);
  if (g->init[cell])
    add_object (g, dst, g->init[cell] - 1);
}

/* Where in its object's group N points: the object itself is offset 0.  */
static int64_t
start_of (const struct graph *g, esc_node n)
{
  return g->member_of[n] ? g->members.v[g->member_of[n] - 1].offset : 0;
}

/* The field of GRP at OFFSET, of SIZE bytes (0: any size), or
   ESC_NO_NODE.  */
static esc_node
field_at (const struct graph *g, const struct group *grp, int64_t offset,
	  uint64_t size)
{
  for (uint32_t i = 0; i < grp->count; i++)
    {
      const struct member *m = &g->members.v[grp->first + i];
      if (m->offset == offset && (!size || m->size == size))
	return m->node;
    }
  return ESC_NO_NODE;
}

enum { READ, WRITE };

static void
touch (struct graph *g, esc_node cell, esc_node other, int how)
{
  if (how == READ)
    read_cell (g, cell, other);
  else
    flow (g, other, cell);
}

/* Reads into (writes from) OTHER the cells that ACCESS through a pointer
   to OBJ touches: the field it matches, else all of OBJ's group.  */
static void
access_object (struct graph *g, esc_node obj, uint32_t access,
	       esc_node other, int how)
{
  if (!g->group_of[obj])
    {
      touch (g, obj, other, how);
      return;
    }
  const struct group *grp = &g->groups.v[g->group_of[obj] - 1];
  if (access != ACCESS_ALL)
    {
      const struct access *a = &g->accesses.v[access];
      esc_node f = field_at (g, grp, start_of (g, obj) + a->offset, a->size);
      if (f != ESC_NO_NODE)
	{
	  touch (g, f, other, how);
	  return;
	}
    }
  touch (g, grp->obj, other, how);
  for (uint32_t i = 0; i < grp->count; i++)
    touch (g, g->members.v[grp->first + i].node, other, how);
}

/* DST = OBJ + ACCESS's offset, for one object OBJ.  */
static void
offset_object (struct graph *g, esc_node obj, uint32_t access, esc_node dst)
{
  if (!g->group_of[obj])
    {
      add_object (g, dst, obj);
      return;
    }
  const struct group *grp = &g->groups.v[g->group_of[obj] - 1];
  if (access != ACCESS_ALL)
    {
      int64_t at = start_of (g, obj) + g->accesses.v[access].offset;
      esc_node f = field_at (g, grp, at, 0);
      if (f != ESC_NO_NODE || at == 0)
	{
	  add_object (g, dst, f != ESC_NO_NODE ? f : grp->obj);
	  return;
	}
    }
  add_object (g, dst, grp->obj);
  for (uint32_t i = 0; i < grp->count; i++)
    add_object (g, dst, g->members.v[grp->first + i].node);
}

/* A complex constraint of pointer N, applied to one object it points to.  */
static void
apply_cons (struct graph *g, const struct cons_vec *cons, size_t k,
	    esc_node obj, int kind)
{
  struct cons c = cons->v[k];
  if (kind == OP_OFFSET)
    offset_object (g, obj, c.access, c.other);
  else
    access_object (g, obj, c.access, c.other,
		   kind == OP_LOAD ? READ : WRITE);
}

/* Flow from SRC to DST: everything SRC points to, now and later.  */
static void
flow (struct graph *g, esc_node src, esc_node dst)
{
  src = esc_graph_rep (g, src);
  dst = esc_graph_rep (g, dst);
  if (src == dst || !edge_add (g, src, dst))
    return;
  note_incoming (g, dst, OP_COPY, src, 0);
  g->work++;
  VEC_PUSH (g->succ[src], dst);
  if (!g->propagating)
    return;			/* every set still is its own delta */
  /* What SRC already propagated does not travel again: send it now.  */
  const struct pts_set *s = &g->pts[src];

  for (uint32_t i = 0; i < s->n; i++)
    add_object (g, dst, g->pts[src].v[i]);
}

void
esc_graph_addr (struct graph *g, esc_node dst, esc_node obj)
{
  add_object (g, dst, g->alias[obj] ? g->alias[obj] - 1 : obj);
}

/* DST = SRC.  A node of an object with fields stands for all of it.  */
void
esc_graph_copy (struct graph *g, esc_node dst, esc_node src)
{
  if (g->group_of[src])
    access_object (g, src, ACCESS_ALL, dst, READ);
  else if (g->group_of[dst])
    access_object (g, dst, ACCESS_ALL, src, WRITE);
  else
    flow (g, src, dst);
}

static void
add_cons (struct graph *g, struct cons_vec *list, esc_node ptr,
	  esc_node other, uint32_t access, int kind)
{
  struct cons c = { other, access };
  VEC_PUSH (*list, c);
  if (!g->propagating)
    return;
  const struct pts_set *s = &g->pts[ptr];
  for (uint32_t i = 0; i < s->n; i++)
    apply_cons (g, list, list->n - 1, g->pts[ptr].v[i], kind);
}

void
esc_graph_load (struct graph *g, esc_node dst, esc_node ptr, uint32_t access)
{
  ptr = esc_graph_rep (g, ptr);
  note_incoming (g, esc_graph_rep (g, dst), OP_LOAD, ptr, access);
  add_cons (g, &g->loads[ptr], ptr, dst, access, OP_LOAD);
}

void
esc_graph_store (struct graph *g, esc_node ptr, esc_node src,
		 uint32_t access)
{
  ptr = esc_graph_rep (g, ptr);
  add_cons (g, &g->stores[ptr], ptr, src, access, OP_STORE);
}

void
esc_graph_offset (struct graph *g, esc_node dst, esc_node ptr,
		  uint32_t access)
{
  ptr = esc_graph_rep (g, ptr);
  note_incoming (g, esc_graph_rep (g, dst), OP_OFFSET, ptr, access);
  add_cons (g, &g->offsets[ptr], ptr, dst, access, OP_OFFSET);
}

void
esc_graph_escape (struct graph *g, esc_node src, struct esc_reason reason)
{
  struct record r = { src, reason, REC_ESCAPE, 0 };
  VEC_PUSH (g->records, r);
  flow (g, src, g->escaped);
}

/* The graph's object for outside memory of REASON (a global's name, or
   unknown memory), or ESC_NO_NODE.  */
static esc_node
known_external (struct graph *g, struct esc_reason reason)
{
  const void *key = reason.kind == ESC_R_GLOBAL ? (const void *) reason.name
		    : (const void *) g;
  for (size_t i = 0; i < g->externals.n; i++)
    if (g->externals.v[i].callee == key
	&& g->externals.v[i].index == (uint32_t) reason.kind)
      return g->externals.v[i].node;
  struct summary_object e = { key, (uint32_t) reason.kind, ESC_NO_NODE };
  VEC_PUSH (g->externals, e);
  return ESC_NO_NODE;
}

void
esc_graph_external (struct graph *g, esc_node obj, struct esc_reason reason)
{
  g->is_object[obj] = 1;
  if (reason.kind == ESC_R_GLOBAL || reason.kind == ESC_R_MEMORY)
    {
      esc_node same = known_external (g, reason);
      if (same != ESC_NO_NODE)
	{
	  /* OBJ is new and unused: it becomes SAME.  */
	  g->alias[obj] = same + 1;
	  g->rep[obj] = esc_graph_rep (g, same);
	  return;
	}
      g->externals.v[g->externals.n - 1].node = obj;
    }
  struct record r = { obj, reason, REC_EXTERNAL, 0 };
  VEC_PUSH (g->records, r);
  g->foreign_root[obj] = 1;
  g->escape_marked[obj] = NAMED;
  add_object (g, g->escaped, obj);
}

void
esc_graph_free_record (struct graph *g, esc_node ptr, int how)
{
  struct record r = { ptr, { ESC_R_NONE, NULL, 0 }, REC_FREE,
		      (unsigned char) how };
  VEC_PUSH (g->records, r);
}

/* ------------------------------------------------------------------ */
/* Propagation.  */

void
esc_sort_unique (struct node_vec *v)
{
  if (v->n < 2)
    return;
  qsort (v->v, v->n, sizeof *v->v, esc_compare_nodes);
  size_t kept = 1;
  for (size_t i = 1; i < v->n; i++)
    if (v->v[i] != v->v[kept - 1])
      v->v[kept++] = v->v[i];
  v->n = kept;
}

/* What loads and stores through a pointer to the objects OBJS touch,
   each once: the CELLS of objects without fields, the caller's LEVELS
   below them (which loads also read), and the objects WITH_FIELDS, whose
   access lands on a field that depends on the object.  Objects whose
   cells were merged share one: a cycle through escaped memory holds
   thousands, and each would repeat the same edge.  */
struct touched
{
  struct node_vec cells, levels, with_fields;
};

static void
touched_by (struct graph *g, const struct node_vec *objs, struct touched *t)
{
  memset (t, 0, sizeof *t);
  for (size_t i = 0; i < objs->n; i++)
    {
      esc_node obj = objs->v[i];
      if (g->group_of[obj])
	{
	  VEC_PUSH (t->with_fields, obj);
	  continue;
	}
      VEC_PUSH (t->cells, esc_graph_rep (g, obj));
      if (g->init[obj])
	VEC_PUSH (t->levels, g->init[obj] - 1);
    }
  esc_sort_unique (&t->cells);
  esc_sort_unique (&t->levels);
}

/* Applies the loads LOADS and stores STORES of a pointer to the objects
   OBJS.  */
static void
apply_accesses (struct graph *g, const struct cons_vec *loads,
		const struct cons_vec *stores, const struct node_vec *objs)
{
  if (!loads->n && !stores->n)
    return;
  struct touched t;
  touched_by (g, objs, &t);
  for (size_t k = 0; k < loads->n; k++)
    {
      esc_node dst = loads->v[k].other;
      for (size_t i = 0; i < t.cells.n; i++)
	flow (g, t.cells.v[i], dst);
      for (size_t i = 0; i < t.levels.n; i++)
	add_object (g, dst, t.levels.v[i]);
    }
  for (size_t k = 0; k < stores->n; k++)
    for (size_t i = 0; i < t.cells.n; i++)
      flow (g, stores->v[k].other, t.cells.v[i]);
  for (size_t i = 0; i < t.with_fields.n; i++)
    {
      for (size_t k = 0; k < loads->n; k++)
	apply_cons (g, loads, k, t.with_fields.v[i], OP_LOAD);
      for (size_t k = 0; k < stores->n; k++)
	apply_cons (g, stores, k, t.with_fields.v[i], OP_STORE);
    }
  VEC_FREE (t.cells);
  VEC_FREE (t.levels);
  VEC_FREE (t.with_fields);
}

/* Sends the objects OBJS to a pointer's consumers: its loads, stores and
   offsets, and the nodes SUCC its edges go to.  Indices, not pointers:
   flow() may grow the vectors being walked.  */
static void
send (struct graph *g, const struct node_vec *objs,
      const struct cons_vec *loads, const struct cons_vec *stores,
      const struct cons_vec *offsets, const struct node_vec *succ)
{
  apply_accesses (g, loads, stores, objs);
  for (size_t i = 0; i < objs->n; i++)
    for (size_t k = 0; k < offsets->n; k++)
      apply_cons (g, offsets, k, objs->v[i], OP_OFFSET);
  for (size_t k = 0; k < succ->n; k++)
    {
      esc_node dst = succ->v[k];
      for (size_t i = 0; i < objs->n; i++)
	add_object (g, dst, objs->v[i]);
    }
}

/* Applies node N's loads, stores and offsets to its new object OBJ.  */
static void
send_to_accesses (struct graph *g, esc_node obj, esc_node n)
{
  struct node_vec one = { &obj, 1, 1 };
  struct node_vec none = { NULL, 0, 0 };
  send (g, &one, &g->loads[n], &g->stores[n], &g->offsets[n], &none);
}

/* Sends node N's delta to its consumers.  */
static void
propagate_node (struct graph *g, esc_node n)
{
  struct node_vec delta = g->delta[n];
  g->delta[n].v = NULL;
  g->delta[n].n = g->delta[n].cap = 0;
  g->work_since_collapse += delta.n * (1 + g->loads[n].n + g->stores[n].n
				       + g->offsets[n].n + g->succ[n].n);
  send (g, &delta, &g->loads[n], &g->stores[n], &g->offsets[n], &g->succ[n]);
  VEC_FREE (delta);
}

void
esc_graph_propagate (struct graph *g)
{
  esc_merge_equivalents (g);
  g->propagating = 1;
  esc_collapse_cycles (g);
  while (g->queue_head < g->queue.n)
    {
      esc_node n = g->queue.v[g->queue_head++];
      g->queued[n] = 0;
      if (esc_graph_rep (g, n) == n)
	propagate_node (g, n);
      if (g->work_since_collapse > 4 * ((size_t) g->n + g->nedges))
	esc_collapse_cycles (g);
      if (g->queue_head == g->queue.n)
	g->queue.n = g->queue_head = 0;
    }
}

