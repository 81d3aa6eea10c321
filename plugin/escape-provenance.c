/* escape-provenance.c -- why each object escapes, or outlives its
   function, and where that came from.

   Propagation (escape-graph.c) decides what escapes; this file explains
   it, deterministically: the records are taken in the order the program
   made them (statement order), each object gets the reason of the first
   record that reaches it, and an object reached through another object's
   contents remembers that object (struct why), so that the way from the
   record to the object can be told step by step.  */

#include "escape-core-impl.h"

#include <string.h>

/* Marks OBJ (escaping) with REASON, reached from FROM, unless it has a
   reason already; queues it for the walk.  */
static void
explain (struct graph *g, esc_node obj, struct esc_reason reason,
	 esc_node from, struct node_vec *queue)
{
  if (!g->is_escaped[obj] || g->why[obj].reason.kind != ESC_R_NONE)
    return;
  g->why[obj].reason = reason;
  g->why[obj].from = from;
  VEC_PUSH (*queue, obj);
}

/* What an object holds escapes: for an object outside the function (a
   global), with the object's own reason ("stored in global 'g'"), else as
   "stored in memory that escapes".  */
static void
explain_contents (struct graph *g, struct node_vec *queue)
{
  for (size_t next = 0; next < queue->n; next++)
    {
      esc_node obj = queue->v[next];
      struct esc_reason reason = g->external[obj].kind != ESC_R_NONE
	? g->external[obj] : esc_make_reason (ESC_R_MEMORY, NULL, 0);
      const struct node_vec *pts = esc_pointees (g, obj);
      for (size_t i = 0; i < pts->n; i++)
	explain (g, pts->v[i], reason, obj, queue);
    }
  queue->n = 0;
}

static void
explain_record (struct graph *g, const struct record *r,
		struct node_vec *queue)
{
  if (r->kind == REC_EXTERNAL)
    explain (g, r->node, r->reason, ESC_NO_NODE, queue);
  else
    {
      const struct node_vec *pts = esc_pointees (g, r->node);
      for (size_t i = 0; i < pts->n; i++)
	explain (g, pts->v[i], r->reason, ESC_NO_NODE, queue);
    }
  explain_contents (g, queue);
}

static void
mark_freed (struct graph *g, const struct record *r)
{
  const struct node_vec *pts = esc_pointees (g, r->node);
  for (size_t i = 0; i < pts->n; i++)
    g->freed[pts->v[i]] |= r->freed;
}

/* Everything reachable from memory that is not the function's own is not
   its own either: a caller or a callee may hold it.  */
static void
mark_foreign (struct graph *g)
{
  struct node_vec work = { NULL, 0, 0 };
  for (esc_node n = 0; n < g->n; n++)
    if (g->foreign_root[n])
      {
	g->foreign[n] = 1;
	VEC_PUSH (work, n);
      }
  while (work.n)
    {
      const struct node_vec *pts = esc_pointees (g, work.v[--work.n]);
      for (size_t i = 0; i < pts->n; i++)
	if (!g->foreign[pts->v[i]])
	  {
	    g->foreign[pts->v[i]] = 1;
	    VEC_PUSH (work, pts->v[i]);
	  }
    }
  VEC_FREE (work);
}

void
esc_resolve_escapes (struct graph *g)
{
  struct node_vec queue = { NULL, 0, 0 };
  g->external = esc_xcalloc (g->n, sizeof *g->external);
  g->is_escaped = esc_xcalloc (g->n, 1);
  g->why = esc_xcalloc (g->n, sizeof *g->why);
  g->freed = esc_xcalloc (g->n, 1);
  g->foreign = esc_xcalloc (g->n, 1);
  const struct pts_set *escaped = esc_graph_pts (g, g->escaped);
  for (uint32_t i = 0; i < escaped->n; i++)
    g->is_escaped[escaped->v[i]] = 1;
  for (size_t i = 0; i < g->escaped_objects.n; i++)
    g->is_escaped[g->escaped_objects.v[i]] = 1;
  for (size_t i = 0; i < g->records.n; i++)
    {
      const struct record *r = &g->records.v[i];
      if (r->kind == REC_EXTERNAL && g->external[r->node].kind == ESC_R_NONE)
	g->external[r->node] = r->reason;
    }
  for (size_t i = 0; i < g->records.n; i++)
    {
      const struct record *r = &g->records.v[i];
      if (r->kind == REC_FREE)
	mark_freed (g, r);
      else
	explain_record (g, r, &queue);
    }
  /* Anything else escaped by being stored where unknown code can read
     it.  */
  for (esc_node n = 0; n < g->n; n++)
    if (g->is_escaped[n] && g->why[n].reason.kind == ESC_R_NONE)
      {
	g->why[n].reason = esc_make_reason (ESC_R_MEMORY, NULL, 0);
	g->why[n].from = ESC_NO_NODE;
      }
  mark_foreign (g);
  VEC_FREE (queue);
}

/* Gives OBJ (not escaping anyway) REASON, reached from FROM, unless this
   walk has been there; queues it.  */
static void
outlives (struct graph *g, esc_node obj, struct esc_reason reason,
	  esc_node from, struct node_vec *queue)
{
  if (esc_graph_visited (g, obj) || g->is_escaped[obj])
    return;
  esc_graph_visit (g, obj);
  g->local[obj].reason = reason;
  g->local[obj].from = from;
  VEC_PUSH (*queue, obj);
}

void
esc_walk_outlives (struct graph *g, esc_node from, struct esc_reason reason)
{
  struct node_vec queue = { NULL, 0, 0 };
  const struct node_vec *pts = esc_pointees (g, from);
  for (size_t i = 0; i < pts->n; i++)
    outlives (g, pts->v[i], reason, ESC_NO_NODE, &queue);
  for (size_t next = 0; next < queue.n; next++)
    {
      esc_node obj = queue.v[next];
      pts = esc_pointees (g, obj);
      for (size_t i = 0; i < pts->n; i++)
	outlives (g, pts->v[i], esc_make_reason (ESC_R_MEMORY, NULL, 0), obj,
		  &queue);
    }
  VEC_FREE (queue);
}

struct node_vec
esc_reachable (struct graph *g, esc_node from)
{
  struct node_vec reached = { NULL, 0, 0 };
  esc_graph_new_walk (g);
  const struct node_vec *pts = esc_pointees (g, from);
  for (size_t next = 0;; next++)
    {
      for (size_t i = 0; i < pts->n; i++)
	if (!esc_graph_visited (g, pts->v[i]))
	  {
	    esc_graph_visit (g, pts->v[i]);
	    VEC_PUSH (reached, pts->v[i]);
	  }
      if (next == reached.n)
	break;
      pts = esc_pointees (g, reached.v[next]);
    }
  return reached;
}
