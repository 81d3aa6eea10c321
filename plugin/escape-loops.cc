/* escape-loops.cc -- the cycles the stackify pass asks about
   (escape-stackify.cc): of the call graph (may the function recurse, so
   that each level would take the slot again?) and of the CFG (may an
   allocation inside a loop take one stack slot for all its iterations?).

   An allocation in a loop may take one slot when no value derived from it
   is used after the call runs again (escape_unused_after_next_run): its
   address is kept in SSA names only (copies, offsets, PHIs; loads and
   stores through it, tests, frees, and library calls that keep nothing),
   and none of them is live at the call.  It may leak on one path and be
   freed on another.  Failing that, it may still take one slot when it is
   freed on every path back to itself (escape_dead_before_next_iteration):

   no path leads from the call back to itself without freeing this
   iteration's object: then one slot serves every iteration.  Such a path stays in the call's strongly connected
   component of the CFG.  It is freed by a free of the call's result, or by
   a free of a PHI that merges the result with null pointers, "free (PHI
   <NULL, p>)" (an inlined constructor's error path returns NULL), when the
   path enters the PHI's block through an edge that brings the result; that
   PHI may be in the loop's header, before the call: "free (prev); prev =
   malloc (n);" frees the previous iteration's object.  And the null branch
   of a test of the result (or of such a PHI), "if (!p) continue;", is
   never taken once the result is a slot's address.  */

#include "escape-gcc.h"

namespace {

/* Does FUN call FNDECL directly?  */
bool
calls_directly (function *fun, tree fndecl)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	tree callee = call ? gimple_call_fndecl (call) : NULL_TREE;
	if (callee && escape_origin_of (callee) == fndecl)
	  return true;
      }
  return false;
}

/* Is FUN in a cycle of the call graph of this file?  The unit knows, from
   the bodies as they were before inlining (a clone asks for the function
   it was made from).  A function whose address is taken may also be
   called back through a pointer, if it or a function it calls makes an
   indirect call or calls a function the analysis does not know.  A
   function the unit never saw (in lto1, or made by GCC) is taken as
   recursive only if it calls itself.  */
}  // anon namespace

bool
escape_may_recurse (struct esc_unit *unit, function *fun)
{
  tree origin = escape_origin_of (fun->decl);
  esc_fn fn = esc_fn_find (unit, origin);
  int known = fn >= 0 ? esc_fn_recursive (unit, fn) : -1;
  if (known < 0)
    return calls_directly (fun, origin);
  cgraph_node *node = cgraph_node::get (origin);
  return known || (node && node->address_taken
		   && esc_fn_may_call_out (unit, fn));
}

void
escape_cfg_cycles (function *fun, auto_vec<int> *component)
{
  unsigned n = last_basic_block_for_fn (fun);
  auto_vec<int> index, low;
  index.safe_grow_cleared (n);
  low.safe_grow_cleared (n);
  component->safe_grow_cleared (n);
  auto_vec<basic_block> stack;
  auto_sbitmap on_stack (n);
  bitmap_clear (on_stack);
  struct frame { basic_block bb; unsigned next; };
  auto_vec<frame> dfs;
  int counter = 0, components = 0;
  basic_block root;
  FOR_ALL_BB_FN (root, fun)
    {
      if (index[root->index])
	continue;
      frame first = { root, 0 };
      dfs.safe_push (first);
      index[root->index] = low[root->index] = ++counter;
      stack.safe_push (root);
      bitmap_set_bit (on_stack, root->index);
      while (!dfs.is_empty ())
	{
	  basic_block v = dfs.last ().bb;
	  if (dfs.last ().next < EDGE_COUNT (v->succs))
	    {
	      basic_block w = EDGE_SUCC (v, dfs.last ().next++)->dest;
	      if (!index[w->index])
		{
		  frame next = { w, 0 };
		  dfs.safe_push (next);
		  index[w->index] = low[w->index] = ++counter;
		  stack.safe_push (w);
		  bitmap_set_bit (on_stack, w->index);
		}
	      else if (bitmap_bit_p (on_stack, w->index))
		low[v->index] = MIN (low[v->index], index[w->index]);
	      continue;
	    }
	  dfs.pop ();
	  if (!dfs.is_empty ())
	    {
	      int parent = dfs.last ().bb->index;
	      low[parent] = MIN (low[parent], low[v->index]);
	    }
	  if (low[v->index] != index[v->index])
	    continue;
	  bool cycle = stack.last () != v || find_edge (v, v);
	  components++;
	  basic_block w;
	  do
	    {
	      w = stack.pop ();
	      bitmap_clear_bit (on_stack, w->index);
	      (*component)[w->index] = cycle ? components : 0;
	    }
	  while (w != v);
	}
    }
}

namespace {



/* A free of PHI <p, NULL, ...> where p is the allocation's result.  */
struct phi_free
{
  gphi *phi;
  basic_block free_block;
  bool counts;			/* still taken as freeing the object */
  bool entered_null;		/* a path entered the PHI with a NULL */
};

struct loop_check
{
  gcall *call;
  basic_block home;
  const vec<int> *component;
  auto_bitmap exact_free_blocks;
  auto_vec<phi_free> phi_frees;
  hash_map<edge, int> null_branches;	/* null_branch_kind, once known */
};

/* Does STMT come before the call in the call's block?  */
bool
before_call_p (const loop_check &lc, gimple *stmt)
{
  if (gimple_bb (stmt) != lc.home)
    return false;
  for (gimple_stmt_iterator gsi = gsi_for_stmt (lc.call); !gsi_end_p (gsi);
       gsi_next (&gsi))
    if (gsi_stmt (gsi) == stmt)
      return false;
  return true;
}

/* Does every path from the call to FREE_BLOCK pass through PHI_BLOCK, so
   that the PHI there is chosen after the call?  */
bool
phi_chosen_after_call (const loop_check &lc, basic_block phi_block,
		       basic_block free_block)
{
  if (free_block == phi_block)
    return true;
  int home_component = (*lc.component)[lc.home->index];
  auto_bitmap visited;
  auto_vec<basic_block> work;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, lc.home->succs)
    work.safe_push (e->dest);
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      if (bb == phi_block || (*lc.component)[bb->index] != home_component
	  || !bitmap_set_bit (visited, bb->index))
	continue;
      if (bb == free_block)
	return false;
      if (bb == lc.home)
	continue;
      FOR_EACH_EDGE (e, ei, bb->succs)
	work.safe_push (e->dest);
    }
  return true;
}

/* The PHI a free call frees, if it merges the allocation's result with
   null pointers only, and is chosen after the call on every path from the
   call to the free: then the result it brings is this iteration's.  A
   free in the call's own block must come before the call.  */
gphi *
result_or_null_phi (const loop_check &lc, gcall *free_call)
{
  gphi *phi = safe_dyn_cast <gphi *> (escape_pointer_source
				      (escape_freed_pointer (free_call)));
  if (!phi)
    return NULL;
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    {
      tree arg = gimple_phi_arg_def (phi, i);
      if (!integer_zerop (arg) && escape_pointer_source (arg) != lc.call)
	return NULL;
    }
  basic_block free_block = gimple_bb (free_call);
  if (free_block == lc.home && !before_call_p (lc, free_call))
    return NULL;
  return phi_chosen_after_call (lc, gimple_bb (phi), free_block) ? phi : NULL;
}

/* What E's source block tests against a null pointer when E is the branch
   taken for null: the statement making the tested value, or NULL.  */
gimple *
null_tested_source (edge e)
{
  gimple_stmt_iterator last = gsi_last_bb (e->src);
  gcond *cond = gsi_end_p (last) ? NULL
		: dyn_cast <gcond *> (gsi_stmt (last));
  if (!cond || !integer_zerop (gimple_cond_rhs (cond)))
    return NULL;
  enum tree_code code = gimple_cond_code (cond);
  if (code != EQ_EXPR && code != NE_EXPR)
    return NULL;
  if (!(e->flags & (code == EQ_EXPR ? EDGE_TRUE_VALUE : EDGE_FALSE_VALUE)))
    return NULL;
  return escape_pointer_source (gimple_cond_lhs (cond));
}

/* E is no null branch (NOT_NULL_BRANCH), the null branch of a test of the
   allocation's result (RESULT_NULL_BRANCH), or that of a test of the PHI
   of phi_frees[I] chosen after the call (I): while that free counts, the
   PHI holds the result wherever the test sees it.  A test in the call's
   own block sees the PHI as it was before the call.  */
const int not_null_branch = -2;
const int result_null_branch = -1;

int
null_branch_kind (const loop_check &lc, edge e)
{
  gimple *tested = null_tested_source (e);
  if (!tested)
    return not_null_branch;
  if (tested == lc.call)
    return result_null_branch;
  if (e->src == lc.home)
    return not_null_branch;
  for (unsigned i = 0; i < lc.phi_frees.length (); i++)
    if (lc.phi_frees[i].phi == tested
	&& phi_chosen_after_call (lc, gimple_bb (tested), e->src))
      return i;
  return not_null_branch;
}

/* Is E a branch never taken once the result is a slot's address?  */
bool
null_branch_p (loop_check *lc, edge e)
{
  int *known = lc->null_branches.get (e);
  int kind = known ? *known : null_branch_kind (*lc, e);
  if (!known)
    lc->null_branches.put (e, kind);
  return kind == result_null_branch
	 || (kind >= 0 && lc->phi_frees[kind].counts);
}

void
collect_loop_frees (loop_check *lc, const escape_sites &sites)
{
  for (const escape_free_site &f : sites.frees)
    if (escape_frees_exactly (f.call, lc->call))
      bitmap_set_bit (lc->exact_free_blocks, gimple_bb (f.call)->index);
    else if (gphi *phi = result_or_null_phi (*lc, f.call))
      {
	phi_free pf = { phi, gimple_bb (f.call), true, false };
	lc->phi_frees.safe_push (pf);
      }
}

/* Notes the PHIs that edge E enters with a null pointer.  */
void
note_null_entries (loop_check *lc, edge e)
{
  for (phi_free &pf : lc->phi_frees)
    if (pf.counts && gimple_bb (pf.phi) == e->dest
	&& escape_pointer_source (PHI_ARG_DEF_FROM_EDGE (pf.phi, e)) != lc->call)
      pf.entered_null = true;
}

/* Does a path through BB free the object?  */
bool
frees_on_entry (loop_check &lc, basic_block bb)
{
  if (bitmap_bit_p (lc.exact_free_blocks, bb->index))
    return true;
  for (const phi_free &pf : lc.phi_frees)
    if (pf.counts && pf.free_block == bb)
      return true;
  return false;
}

/* Is there a path from the call back to itself that the frees that count
   do not end?  */
bool
unfreed_path_back (loop_check *lc)
{
  int home_component = (*lc->component)[lc->home->index];
  auto_bitmap visited;
  auto_vec<edge> work;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, lc->home->succs)
    work.safe_push (e);
  while (!work.is_empty ())
    {
      edge taken = work.pop ();
      basic_block bb = taken->dest;
      if ((*lc->component)[bb->index] != home_component
	  || null_branch_p (lc, taken))
	continue;
      note_null_entries (lc, taken);
      if (bb == lc->home)
	{
	  /* Freed before the call, by a free of the block's PHI.  */
	  if (frees_on_entry (*lc, bb))
	    continue;
	  return true;
	}
      if (!bitmap_set_bit (visited, bb->index) || frees_on_entry (*lc, bb))
	continue;
      FOR_EACH_EDGE (e, ei, bb->succs)
	work.safe_push (e);
    }
  return false;
}

/* A free of a PHI counts only if no path from the call enters the PHI
   with a null pointer before a free that counts: drop those that do, and
   look again, until none is dropped.  */
/* ---- Values derived from the allocation, and where they are used.  */

/* Does T mention NAME as an address (&p->f, &MEM[p + 4])?  */
bool
address_mentions (tree t, tree name)
{
  if (t == name)
    return true;
  if (TREE_CODE (t) != ADDR_EXPR)
    return false;
  tree base = get_base_address (TREE_OPERAND (t, 0));
  return base && TREE_CODE (base) == MEM_REF
	 && TREE_OPERAND (base, 0) == name;
}

/* May the call CALL take NAME as its argument I without keeping it
   anywhere: a free, a realloc, or a library function that only reads or
   writes what it points to?  If its result may point into it, pushes the
   result onto DERIVED: realloc's may be the same block, or once the pass
   has rewritten it, the slot.  */
bool
call_keeps_nothing (gcall *call, unsigned i, vec<tree> *derived)
{
  if (escape_freed_pointer (call) == gimple_call_arg (call, i))
    {
      tree lhs = gimple_call_lhs (call);
      if (!lhs || !gimple_call_builtin_p (call, BUILT_IN_REALLOC))
	return true;
      if (TREE_CODE (lhs) != SSA_NAME)
	return false;
      derived->safe_push (lhs);
      return true;
    }
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || gimple_call_internal_p (call))
    return false;
  const esc_libc_fn *entry = escape_libc_entry (call, fndecl);
  if (!entry || entry->store_arg == (int) i)
    return false;
  unsigned effect = i < ESC_LIBC_MAX_ARGS ? entry->arg[i] : entry->rest;
  if (effect == ESC_ARG_RETURNED && entry->result == ESC_RES_ARGS)
    {
      tree lhs = gimple_call_lhs (call);
      if (lhs && TREE_CODE (lhs) != SSA_NAME)
	return false;
      if (lhs)
	derived->safe_push (lhs);
      return true;
    }
  return effect == ESC_ARG_NOT_KEPT;
}

/* Does the assignment STMT keep NAME's value in SSA names only?  Pushes
   the names it makes from it onto DERIVED.  */
bool
assign_keeps_in_names (gassign *stmt, tree name, vec<tree> *derived)
{
  tree lhs = gimple_assign_lhs (stmt);
  if (gimple_store_p (stmt))
    /* Through it, or into it: what is stored must not be its address.  */
    return !address_mentions (gimple_assign_rhs1 (stmt), name)
	   && (!gimple_assign_rhs2 (stmt)
	       || !address_mentions (gimple_assign_rhs2 (stmt), name));
  if (TREE_CODE (lhs) != SSA_NAME)
    return false;
  enum tree_code code = gimple_assign_rhs_code (stmt);
  if (TREE_CODE_CLASS (code) == tcc_comparison || code == POINTER_DIFF_EXPR
      || gimple_assign_load_p (stmt))
    return true;
  if (!POINTER_TYPE_P (TREE_TYPE (lhs)))
    return false;
  /* Copies, conversions, offsets, selections: its address again.  */
  derived->safe_push (lhs);
  return code == SSA_NAME || CONVERT_EXPR_CODE_P (code)
	 || code == POINTER_PLUS_EXPR || code == ADDR_EXPR
	 || code == COND_EXPR || code == MIN_EXPR || code == MAX_EXPR;
}

/* Does STMT, a use of NAME, keep its value in SSA names only?  */
bool
use_keeps_in_names (gimple *stmt, tree name, vec<tree> *derived)
{
  switch (gimple_code (stmt))
    {
    case GIMPLE_DEBUG:
    case GIMPLE_COND:
      return true;
    case GIMPLE_PHI:
      derived->safe_push (gimple_phi_result (stmt));
      return true;
    case GIMPLE_ASSIGN:
      return assign_keeps_in_names (as_a <gassign *> (stmt), name, derived);
    case GIMPLE_CALL:
      {
	gcall *call = as_a <gcall *> (stmt);
	for (unsigned i = 0; i < gimple_call_num_args (call); i++)
	  if (address_mentions (gimple_call_arg (call, i), name)
	      && !call_keeps_nothing (call, i, derived))
	    return false;
	return true;
      }
    default:
      return false;
    }
}

/* The most statements looked at for one allocation: beyond, it is taken
   as live.  */
const unsigned max_liveness_steps = 20000;

/* Walking back from STMT (the end of BB if NULL), is CALL met before DEF?
   Adds BB's predecessors to WORK when neither is.  */
bool
call_before_def (basic_block bb, gimple *stmt, gimple *def, gcall *call,
		 vec<basic_block> *work, unsigned *steps)
{
  gimple_stmt_iterator gsi = stmt ? gsi_for_stmt (stmt) : gsi_last_bb (bb);
  if (stmt)
    gsi_prev (&gsi);
  for (; !gsi_end_p (gsi); gsi_prev (&gsi))
    {
      ++*steps;
      if (gsi_stmt (gsi) == def)
	return false;
      if (gsi_stmt (gsi) == call)
	return true;
    }
  if (gimple_code (def) == GIMPLE_PHI && gimple_bb (def) == bb)
    return false;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, bb->preds)
    work->safe_push (e->src);
  return false;
}

/* Is NAME live where CALL runs: does a path lead from CALL to a use of
   NAME without passing NAME's definition?  */
bool
live_at_call (tree name, gcall *call, unsigned *steps)
{
  gimple *def = SSA_NAME_DEF_STMT (name);
  imm_use_iterator it;
  use_operand_p use;
  FOR_EACH_IMM_USE_FAST (use, it, name)
    {
      gimple *stmt = USE_STMT (use);
      if (is_gimple_debug (stmt))
	continue;
      auto_vec<basic_block> work;
      auto_bitmap seen;
      bool found;
      if (gphi *phi = dyn_cast <gphi *> (stmt))
	found = call_before_def (gimple_phi_arg_edge
				 (phi, PHI_ARG_INDEX_FROM_USE (use))->src,
				 NULL, def, call, &work, steps);
      else
	found = call_before_def (gimple_bb (stmt), stmt, def, call, &work,
				 steps);
      while (!found && !work.is_empty ())
	{
	  basic_block bb = work.pop ();
	  if (bb->index != ENTRY_BLOCK && bitmap_set_bit (seen, bb->index))
	    found = call_before_def (bb, NULL, def, call, &work, steps);
	}
      if (found || *steps > max_liveness_steps)
	return true;
    }
  return false;
}

}  // anon namespace

bool
escape_unused_after_next_run (gcall *call)
{
  tree lhs = gimple_call_lhs (call);
  if (!lhs)
    return true;
  if (TREE_CODE (lhs) != SSA_NAME)
    return false;
  auto_vec<tree> work;
  hash_set<tree> seen;
  unsigned steps = 0;
  work.safe_push (lhs);
  while (!work.is_empty ())
    {
      tree name = work.pop ();
      if (seen.add (name))
	continue;
      imm_use_iterator it;
      use_operand_p use;
      FOR_EACH_IMM_USE_FAST (use, it, name)
	if (!use_keeps_in_names (USE_STMT (use), name, &work))
	  return false;
      if (live_at_call (name, call, &steps))
	return false;
    }
  return true;
}

bool
escape_dead_before_next_iteration (gcall *call, const escape_sites &sites,
				   const vec<int> &component)
{
  basic_block home = gimple_bb (call);
  if (!component[home->index])
    return true;
  loop_check lc;
  lc.call = call;
  lc.home = home;
  lc.component = &component;
  collect_loop_frees (&lc, sites);
  /* A free of the result in the call's own block uses it, so it comes
     after the call: every path from the call passes it.  */
  if (bitmap_bit_p (lc.exact_free_blocks, home->index))
    return true;
  for (;;)
    {
      if (unfreed_path_back (&lc))
	return false;
      bool dropped = false;
      for (phi_free &pf : lc.phi_frees)
	{
	  if (pf.counts && pf.entered_null)
	    pf.counts = false, dropped = true;
	  pf.entered_null = false;
	}
      if (!dropped)
	return true;
    }
}
