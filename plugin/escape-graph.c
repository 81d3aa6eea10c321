/* escape-graph.c -- the directed graph of one call-graph component.

   Nodes are cells; pts(n) is the set of objects n may point to.  The
   constraints are those of Andersen's analysis, which are Go's edges with
   dereference counts in another dress (escape-core-impl.h):

     p = &o	o in pts(p)				(derefs -1)
     p = q	edge q -> p: pts(p) includes pts(q)	(derefs 0)
     p = *q	edge o -> p for every o in pts(q)	(derefs 1)
     *p = q	edge q -> o for every o in pts(p)

   Propagation is by difference: a node's new objects (its delta) travel
   along its edges once, and each object added to a pointer's set adds the
   edges of its loads and stores once.  Sets are vectors with a hash index
   once large, so that adding to a big set stays cheap.  */

#include "escape-core-impl.h"

#include <assert.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Sets of nodes.  */

/* Below this size a set is searched linearly.  */
#define SET_LINEAR_MAX 16

static uint32_t
hash_node (esc_node x)
{
  uint32_t h = x * 0x9E3779B1u;
  return h ^ (h >> 15);
}

static void
set_index (struct pts_set *s, esc_node x)
{
  uint32_t mask = s->nslots - 1;
  uint32_t j = hash_node (x) & mask;
  while (s->slots[j])
    j = (j + 1) & mask;
  s->slots[j] = x + 1;
}

static void
set_reindex (struct pts_set *s)
{
  free (s->slots);
  s->nslots = 64;
  while (s->nslots < 4 * s->n)
    s->nslots *= 2;
  s->slots = esc_xcalloc (s->nslots, sizeof *s->slots);
  for (uint32_t i = 0; i < s->n; i++)
    set_index (s, s->v[i]);
}

int
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
  for (uint32_t j = hash_node (x) & mask; s->slots[j]; j = (j + 1) & mask)
    if (s->slots[j] == x + 1)
      return 1;
  return 0;
}

/* Adds X to S; returns 1 if it was not there.  */
int
esc_set_add (struct pts_set *s, esc_node x)
{
  if (esc_pts_contains (s, x))
    return 0;
  if (s->n == s->cap)
    {
      s->cap = s->cap ? 2 * s->cap : 4;
      s->v = esc_xrealloc (s->v, s->cap * sizeof *s->v);
    }
  s->v[s->n++] = x;
  if (s->n > SET_LINEAR_MAX)
    {
      if (!s->slots || 2 * s->n > s->nslots)
	set_reindex (s);
      else
	set_index (s, x);
    }
  return 1;
}

int
esc_compare_nodes (const void *a, const void *b)
{
  esc_node x = *(const esc_node *) a, y = *(const esc_node *) b;
  return (x > y) - (x < y);
}

/* The cell that holds N's contents: N's, or that of the cycle it was
   merged into.  */
esc_node
esc_graph_rep (struct graph *g, esc_node n)
{
  while (g->rep[n] != n)
    {
      g->rep[n] = g->rep[g->rep[n]];
      n = g->rep[n];
    }
  return n;
}

const struct pts_set *
esc_graph_pts (struct graph *g, esc_node n)
{
  return &g->pts[esc_graph_rep (g, n)];
}

struct node_vec
esc_pts_list (struct graph *g, esc_node n)
{
  struct node_vec out = { NULL, 0, 0 };
  const struct pts_set *s = esc_graph_pts (g, n);
  if (!s->n)
    return out;
  out.v = esc_xrealloc (NULL, s->n * sizeof *out.v);
  memcpy (out.v, s->v, s->n * sizeof *out.v);
  out.n = out.cap = s->n;
  return out;
}

/* Adds N's group (the object and all its fields) to OUT, once: a pointer
   to a field can reach the whole object.  */
static void
push_with_group (const struct graph *g, esc_node n, struct node_vec *out)
{
  if (!g->group_of[n])
    {
      VEC_PUSH (*out, n);
      return;
    }
  const struct group *grp = &g->groups.v[g->group_of[n] - 1];
  VEC_PUSH (*out, grp->obj);
  for (uint32_t i = 0; i < grp->count; i++)
    VEC_PUSH (*out, g->members.v[grp->first + i].node);
}

struct node_vec
esc_pointees (struct graph *g, esc_node n)
{
  struct node_vec out = { NULL, 0, 0 };
  const struct pts_set *s = esc_graph_pts (g, n);
  for (uint32_t i = 0; i < s->n; i++)
    push_with_group (g, s->v[i], &out);
  if (g->init[n])
    VEC_PUSH (out, g->init[n] - 1);
  return out;
}

esc_node
esc_graph_group_object (const struct graph *g, esc_node n)
{
  return g->group_of[n] ? g->groups.v[g->group_of[n] - 1].obj : n;
}

void
esc_graph_group (struct graph *g, esc_node obj, const esc_node *fields,
		 const struct access *ranges, uint32_t count)
{
  struct group grp = { obj, (uint32_t) g->members.n, count };
  VEC_PUSH (g->groups, grp);
  g->group_of[obj] = (uint32_t) g->groups.n;
  g->is_object[obj] = 1;
  for (uint32_t i = 0; i < count; i++)
    {
      g->is_object[fields[i]] = 1;
      struct member m = { fields[i], ranges[i].offset, ranges[i].size };
      VEC_PUSH (g->members, m);
      g->group_of[fields[i]] = (uint32_t) g->groups.n;
      g->member_of[fields[i]] = (uint32_t) g->members.n;
    }
}

static size_t
hash_summary_object (const void *callee, uint32_t index)
{
  uint64_t x = (uint64_t) (uintptr_t) callee * 0x9E3779B97F4A7C15ull;
  return (size_t) ((x ^ (x >> 29)) + index * 0x85EBCA6Bu);
}

static void
grow_summary_objects (struct graph *g)
{
  size_t old_cap = g->summary_objects_cap;
  struct summary_object *old = g->summary_objects;
  g->summary_objects_cap = old_cap ? 2 * old_cap : 64;
  g->summary_objects = esc_xcalloc (g->summary_objects_cap,
				    sizeof *g->summary_objects);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i].callee)
      {
	size_t mask = g->summary_objects_cap - 1;
	size_t j = hash_summary_object (old[i].callee, old[i].index) & mask;
	while (g->summary_objects[j].callee)
	  j = (j + 1) & mask;
	g->summary_objects[j] = old[i];
      }
  free (old);
}

esc_node
esc_graph_summary_object (struct graph *g, const void *callee,
			  uint32_t index)
{
  if (2 * (g->nsummary_objects + 1) > g->summary_objects_cap)
    grow_summary_objects (g);
  size_t mask = g->summary_objects_cap - 1;
  size_t j = hash_summary_object (callee, index) & mask;
  for (; g->summary_objects[j].callee; j = (j + 1) & mask)
    if (g->summary_objects[j].callee == callee
	&& g->summary_objects[j].index == index)
      return g->summary_objects[j].node;
  struct summary_object o = { callee, index,
			      esc_graph_foreign_object (g) };
  g->summary_objects[j] = o;
  g->nsummary_objects++;
  return o.node;
}

uint32_t
esc_graph_access (struct graph *g, const struct program *p, uint32_t access)
{
  if (access == ACCESS_ALL)
    return ACCESS_ALL;
  VEC_PUSH (g->accesses, p->accesses.v[access]);
  return (uint32_t) (g->accesses.n - 1);
}

/* ------------------------------------------------------------------ */
/* Nodes.  */

esc_node
esc_graph_node (struct graph *g)
{
  if (g->n == g->cap)
    {
      uint32_t old = g->cap;
      g->cap = g->cap ? 2 * g->cap : 64;
#define GROW(field)							\
      g->field = esc_xrealloc (g->field, g->cap * sizeof *g->field);	\
      memset (g->field + old, 0, (g->cap - old) * sizeof *g->field)
      GROW (pts);
      GROW (delta);
      GROW (succ);
      GROW (loads);
      GROW (stores);
      GROW (queued);
      GROW (foreign_root);
      GROW (init);
      GROW (param_slot);
      GROW (rep);
      GROW (offsets);
      GROW (group_of);
      GROW (member_of);
      GROW (alias);
      GROW (in_count);
      GROW (in_first);
      GROW (in_kind);
      GROW (is_object);
#undef GROW
    }
  g->rep[g->n] = g->n;
  return g->n++;
}

esc_node
esc_graph_foreign_object (struct graph *g)
{
  esc_node n = esc_graph_node (g);
  g->foreign_root[n] = 1;
  g->is_object[n] = 1;
  return n;
}

void
esc_graph_set_init (struct graph *g, esc_node obj, esc_node level)
{
  g->is_object[obj] = g->is_object[level] = 1;
  g->init[obj] = level + 1;
}

void
esc_graph_init (struct graph *g)
{
  memset (g, 0, sizeof *g);
  for (int d = 0; d < ESC_PARAM_DEPTH; d++)
    g->shared_level[d] = ESC_NO_NODE;
  g->escaped = esc_graph_node (g);
  g->is_object[g->escaped] = 1;	/* never merged */
  g->unknown = esc_graph_foreign_object (g);
  /* Unknown memory escapes, and may point to unknown memory.  */
  esc_graph_addr (g, g->escaped, g->unknown);
  esc_graph_addr (g, g->unknown, g->unknown);
  /* What escaping memory holds escapes; unknown code may have stored
     anything of its own there.  */
  esc_graph_load (g, g->escaped, g->escaped, ACCESS_ALL);
  esc_node any = esc_graph_node (g);
  esc_graph_addr (g, any, g->unknown);
  esc_graph_store (g, g->escaped, any, ACCESS_ALL);
}

void
esc_graph_free (struct graph *g)
{
  for (uint32_t i = 0; i < g->n; i++)
    {
      free (g->pts[i].v);
      free (g->pts[i].slots);
      VEC_FREE (g->delta[i]);
      VEC_FREE (g->succ[i]);
      VEC_FREE (g->loads[i]);
      VEC_FREE (g->stores[i]);
      VEC_FREE (g->offsets[i]);
    }
  free (g->offsets);
  free (g->group_of);
  free (g->member_of);
  VEC_FREE (g->accesses);
  VEC_FREE (g->groups);
  VEC_FREE (g->members);
  free (g->pts);
  free (g->delta);
  free (g->succ);
  free (g->loads);
  free (g->stores);
  free (g->queued);
  free (g->foreign_root);
  free (g->init);
  free (g->param_slot);
  free (g->rep);
  free (g->scratch);
  free (g->summary_objects);
  free (g->alias);
  free (g->in_count);
  free (g->in_first);
  free (g->in_kind);
  free (g->is_object);
  VEC_FREE (g->externals);
  VEC_FREE (g->queue);
  free (g->edges);
  VEC_FREE (g->records);
  free (g->is_escaped);
  free (g->external);
  free (g->foreign);
  free (g->freed);
  free (g->why);
  free (g->stamp);
  free (g->local);
  memset (g, 0, sizeof *g);
}

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

static void
add_object (struct graph *g, esc_node n, esc_node obj)
{
  n = esc_graph_rep (g, n);
  g->is_object[obj] = 1;
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

/* Records the edge A -> B; returns 1 if it is new.  */
static int
edge_add (struct graph *g, esc_node a, esc_node b)
{
  if (2 * (g->nedges + 1) > g->edges_cap)
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

/* Sends node N's delta along its edges, and adds the edges its loads and
   stores make for each new object.  Indices, not pointers: flow() may
   grow the vectors being walked.  */
static void
propagate_node (struct graph *g, esc_node n)
{
  struct node_vec delta = g->delta[n];
  g->delta[n].v = NULL;
  g->delta[n].n = g->delta[n].cap = 0;
  g->work_since_collapse += delta.n * (1 + g->loads[n].n + g->stores[n].n
				       + g->offsets[n].n + g->succ[n].n);
  for (size_t i = 0; i < delta.n; i++)
    {
      esc_node obj = delta.v[i];
      for (size_t k = 0; k < g->loads[n].n; k++)
	apply_cons (g, &g->loads[n], k, obj, OP_LOAD);
      for (size_t k = 0; k < g->stores[n].n; k++)
	apply_cons (g, &g->stores[n], k, obj, OP_STORE);
      for (size_t k = 0; k < g->offsets[n].n; k++)
	apply_cons (g, &g->offsets[n], k, obj, OP_OFFSET);
    }
  for (size_t k = 0; k < g->succ[n].n; k++)
    {
      esc_node dst = g->succ[n].v[k];
      for (size_t i = 0; i < delta.n; i++)
	add_object (g, dst, delta.v[i]);
    }
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

/* ------------------------------------------------------------------ */
/* Walks.  */

void
esc_graph_new_walk (struct graph *g)
{
  if (!g->stamp)
    {
      g->stamp = esc_xcalloc (g->n, sizeof *g->stamp);
      g->local = esc_xcalloc (g->n, sizeof *g->local);
    }
  g->cur_stamp++;
}

int
esc_graph_visited (const struct graph *g, esc_node n)
{
  return g->stamp[n] == g->cur_stamp;
}

void
esc_graph_visit (struct graph *g, esc_node n)
{
  g->stamp[n] = g->cur_stamp;
}
