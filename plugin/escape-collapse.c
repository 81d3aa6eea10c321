/* escape-collapse.c -- fewer nodes for the same sets: cycles of flow
   merged into one cell, and nodes with a single source merged into it.

   Both keep propagation (escape-graph.c) near-linear where plain
   inclusion-based analysis is not: nodes on a cycle of edges, and nodes
   that only copy or load one pointer, end with the same set as another
   node, and would each carry a copy of it.  */

#include "escape-core-impl.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* Cycles.

   Nodes on a cycle of flow edges end with the same points-to set, and a
   ring of calls inside a component (f0 (p) calls f1 (p) ... calls f0 (p))
   is such a cycle whose every node would get every object: quadratic.
   So cycles are found (Tarjan, iteratively) and each becomes one cell
   before propagation, and again whenever propagation has done more work
   than the graph is large (loads and stores add edges, and with them new
   cycles).  */

/* Merges node B's cell into A's; everything A holds is sent again.  */
static void
merge (struct graph *g, esc_node a, esc_node b)
{
  struct pts_set *from = &g->pts[b];
  g->rep[b] = a;
  for (uint32_t i = 0; i < from->n; i++)
    esc_set_add (&g->pts[a], from->v[i]);
  free (from->v);
  free (from->slots);
  memset (from, 0, sizeof *from);
  VEC_FREE (g->delta[b]);
#define MOVE(field)							\
  for (size_t i = 0; i < g->field[b].n; i++)				\
    VEC_PUSH (g->field[a], g->field[b].v[i]);				\
  VEC_FREE (g->field[b])
  MOVE (succ);
  MOVE (loads);
  MOVE (stores);
  MOVE (offsets);
#undef MOVE
}

/* After a cycle became the cell A: its edges to itself go, and each edge
   to another cell once.  */
static void
drop_inner_edges (struct graph *g, esc_node a)
{
  struct node_vec *succ = &g->succ[a];
  for (size_t i = 0; i < succ->n; i++)
    succ->v[i] = esc_graph_rep (g, succ->v[i]);
  esc_sort_unique (succ);
  size_t kept = 0;
  for (size_t i = 0; i < succ->n; i++)
    if (succ->v[i] != a)
      succ->v[kept++] = succ->v[i];
  succ->n = kept;
}

/* Sends all of A's set along all its edges again, after a merge.  */
static void
resend (struct graph *g, esc_node a)
{
  VEC_FREE (g->delta[a]);
  for (uint32_t i = 0; i < g->pts[a].n; i++)
    VEC_PUSH (g->delta[a], g->pts[a].v[i]);
  if (g->pts[a].n)
    esc_graph_enqueue (g, a);
}

struct tarjan_frame
{
  esc_node n;
  size_t next;
};

struct cycles
{
  uint32_t *index, *low;
  unsigned char *on_stack;
  struct node_vec stack;
  VEC (struct tarjan_frame) frames;
  uint32_t counter;
  int merged;
};

static void
pop_component (struct graph *g, struct cycles *c, esc_node root)
{
  size_t first = c->stack.n;
  do
    first--;
  while (c->stack.v[first] != root);
  esc_node keep = root;
  for (size_t i = first; i < c->stack.n; i++)
    if (c->stack.v[i] < keep)
      keep = c->stack.v[i];
  for (size_t i = first; i < c->stack.n; i++)
    {
      esc_node m = c->stack.v[i];
      c->on_stack[m] = 0;
      if (m != keep)
	merge (g, keep, m);
    }
  if (c->stack.n - first > 1)
    {
      drop_inner_edges (g, keep);
      resend (g, keep);
      c->merged = 1;
    }
  c->stack.n = first;
}

static void
visit_cycles (struct graph *g, struct cycles *c, esc_node start)
{
  struct tarjan_frame first = { start, 0 };
  c->index[start] = c->low[start] = ++c->counter;
  c->on_stack[start] = 1;
  VEC_PUSH (c->stack, start);
  VEC_PUSH (c->frames, first);
  while (c->frames.n)
    {
      struct tarjan_frame *fr = &c->frames.v[c->frames.n - 1];
      esc_node n = fr->n;
      if (fr->next < g->succ[n].n)
	{
	  esc_node m = esc_graph_rep (g, g->succ[n].v[fr->next++]);
	  if (!c->index[m])
	    {
	      struct tarjan_frame next = { m, 0 };
	      c->index[m] = c->low[m] = ++c->counter;
	      c->on_stack[m] = 1;
	      VEC_PUSH (c->stack, m);
	      VEC_PUSH (c->frames, next);
	    }
	  else if (c->on_stack[m] && c->index[m] < c->low[n])
	    c->low[n] = c->index[m];
	  continue;
	}
      c->frames.n--;
      if (c->low[n] == c->index[n])
	pop_component (g, c, n);
      if (c->frames.n)
	{
	  esc_node parent = c->frames.v[c->frames.n - 1].n;
	  if (c->low[n] < c->low[parent])
	    c->low[parent] = c->low[n];
	}
    }
}

void
esc_collapse_cycles (struct graph *g)
{
  struct cycles c;
  memset (&c, 0, sizeof c);
  c.index = esc_xcalloc (g->n, sizeof *c.index);
  c.low = esc_xcalloc (g->n, sizeof *c.low);
  c.on_stack = esc_xcalloc (g->n, 1);
  for (esc_node n = 0; n < g->n; n++)
    if (g->rep[n] == n && !c.index[n] && g->succ[n].n)
      visit_cycles (g, &c, n);
  free (c.index);
  free (c.low);
  free (c.on_stack);
  VEC_FREE (c.stack);
  VEC_FREE (c.frames);
  g->work_since_collapse = 0;
}

/* ------------------------------------------------------------------ */
/* Equivalent nodes.

   Most nodes are values with a single source: a copy of one node (an SSA
   name copied, a parameter passed on), or a load or an offset of one
   pointer.  Such a node ends with exactly the set of its source, or of
   every other load of the same pointer at the same place, so it is merged
   into it before propagation (Hardekopf and Lin's hash-based value
   numbering, in its simplest form).  On SQLite's large components, 15000
   nodes held only 134 distinct sets.  Objects are never merged: stores
   reach their cells during propagation.  */

struct signature
{
  unsigned char kind;
  esc_node from;
  int64_t offset;
  uint64_t size;
  esc_node node;
};

static size_t
hash_signature (const struct signature *s)
{
  uint64_t x = ((uint64_t) s->kind << 56) ^ ((uint64_t) s->from << 20)
	       ^ (uint64_t) s->offset * 0x9E3779B97F4A7C15ull ^ s->size;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ull;
  return (size_t) (x ^ (x >> 29));
}

static int
same_signature (const struct signature *a, const struct signature *b)
{
  return a->kind == b->kind && a->from == b->from && a->offset == b->offset
	 && a->size == b->size;
}

/* The signature of node N's single load or offset.  */
static struct signature
signature_of (struct graph *g, esc_node n)
{
  struct signature s = { g->in_kind[n], esc_graph_rep (g, g->in_first[n].other), 0,
			 UINT64_MAX, n };
  uint32_t access = g->in_first[n].access;
  if (access != ACCESS_ALL)
    {
      s.offset = g->accesses.v[access].offset;
      s.size = g->accesses.v[access].size;
    }
  return s;
}

/* Whether node N has one incoming edge, and is not an object or merged
   already: the nodes esc_merge_equivalents looks at.  */
static int
single_source (struct graph *g, esc_node n)
{
  return g->rep[n] == n && !g->is_object[n] && g->in_count[n] == 1;
}

/* A table of signatures for the nodes with one load or offset, at most
   half full.  Sized for them, not for the graph: on SQLite a table per
   graph node made the kernel zero more memory than the merge took.  */
static struct signature *
signature_table (struct graph *g, size_t *cap)
{
  size_t wanted = 0;
  for (esc_node n = 0; n < g->n; n++)
    if (single_source (g, n)
	&& (g->in_kind[n] == OP_LOAD || g->in_kind[n] == OP_OFFSET))
      wanted++;
  *cap = 16;
  while (*cap < 2 * wanted)
    *cap *= 2;
  return esc_xcalloc (*cap, sizeof (struct signature));
}

void
esc_merge_equivalents (struct graph *g)
{
  size_t cap, used = 0;
  struct signature *table = signature_table (g, &cap);
  for (esc_node n = 0; n < g->n; n++)
    {
      if (!single_source (g, n))
	continue;
      if (g->in_kind[n] == OP_COPY)
	{
	  esc_node src = esc_graph_rep (g, g->in_first[n].other);
	  if (src != n)
	    merge (g, src, n);
	  continue;
	}
      if (g->in_kind[n] != OP_LOAD && g->in_kind[n] != OP_OFFSET)
	continue;
      struct signature s = signature_of (g, n);
      size_t j = hash_signature (&s) & (cap - 1);
      while (table[j].kind && !same_signature (&table[j], &s))
	j = (j + 1) & (cap - 1);
      /* A merge above can give a node counted out its one incoming
	 edge; past half full, such nodes stay as they are (merging is
	 only a saving) and every probe still ends at an empty slot.  */
      if (!table[j].kind && 2 * used < cap)
	{
	  table[j] = s;
	  used++;
	}
      else if (table[j].kind && esc_graph_rep (g, table[j].node) != n)
	merge (g, esc_graph_rep (g, table[j].node), n);
    }
  free (table);
}
