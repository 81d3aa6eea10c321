/* escape-graph.c -- the directed graph of one call-graph component.

   Nodes are cells; pts(n) is the set of objects n may point to.  The
   constraints are those of Andersen's analysis, which are Go's edges with
   dereference counts in another dress (escape-core-impl.h):

     p = &o	o in pts(p)				(derefs -1)
     p = q	edge q -> p: pts(p) includes pts(q)	(derefs 0)
     p = *q	edge o -> p for every o in pts(q)	(derefs 1)
     *p = q	edge q -> o for every o in pts(p)

   The constraints and their propagation are in escape-propagate.c.  Sets
   are vectors with a hash index once large, so that adding to a big set
   stays cheap.  */

#include "escape-core-impl.h"

#include <assert.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Sets of nodes.  */

/* Below this size a set is searched linearly.  */
#define SET_LINEAR_MAX 16

static void
set_index (struct pts_set *s, esc_node x)
{
  uint32_t mask = s->nslots - 1;
  uint32_t j = esc_hash_node (x) & mask;
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

const struct node_vec *
esc_pointees (struct graph *g, esc_node n)
{
  struct node_vec *out = &g->pointees;
  out->n = 0;
  const struct pts_set *s = esc_graph_pts (g, n);
  for (uint32_t i = 0; i < s->n; i++)
    push_with_group (g, s->v[i], out);
  if (g->init[n])
    VEC_PUSH (*out, g->init[n] - 1);
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

/* Room for CAP nodes in every per-node array, the new ones zeroed.  */
static void
grow_nodes (struct graph *g, uint32_t cap)
{
  uint32_t old = g->cap;
  g->cap = cap;
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
  GROW (escape_marked);
  GROW (edges_hashed);
#undef GROW
}

void
esc_graph_reserve (struct graph *g, uint32_t count)
{
  if (count > g->cap)
    grow_nodes (g, count);
}

esc_node
esc_graph_node (struct graph *g)
{
  if (g->n == g->cap)
    grow_nodes (g, g->cap ? 2 * g->cap : 64);
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
esc_graph_fold_escaped (struct graph *g)
{
  g->fold_escaped = 1;
  /* Unknown memory holds whatever escaped: its cell is escaping memory's
     (what is stored there is marked at once, and loads from it give
     what is loaded from any escaping memory, UNKNOWN).  Else every
     object stored into unknown memory would travel to each of the many
     loads from it before being folded.  */
  struct pts_set *own = &g->pts[g->unknown];
  free (own->v);
  free (own->slots);
  memset (own, 0, sizeof *own);
  VEC_FREE (g->delta[g->unknown]);
  g->rep[g->unknown] = g->escaped;
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
  free (g->escape_marked);
  free (g->edges_hashed);
  VEC_FREE (g->escaped_objects);
  VEC_FREE (g->externals);
  VEC_FREE (g->queue);
  VEC_FREE (g->pointees);
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
