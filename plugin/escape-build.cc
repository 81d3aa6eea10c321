/* escape-build.cc -- the GIMPLE that the rewrites of escape-guard.cc and
   escape-budget.cc build alike: variables of the frame, their loads and
   stores, and new blocks and edges with their probabilities.  */

#include "escape-gcc.h"

tree
escape_load_var (gimple_seq *seq, location_t loc, tree var)
{
  tree value = make_ssa_name (TREE_TYPE (var));
  gassign *load = gimple_build_assign (value, var);
  gimple_set_location (load, loc);
  gimple_seq_add_stmt (seq, load);
  return value;
}

void
escape_store_var (gimple_seq *seq, location_t loc, tree var, tree value)
{
  gassign *store = gimple_build_assign (var, value);
  gimple_set_location (store, loc);
  gimple_seq_add_stmt (seq, store);
}

tree
escape_make_frame_var (function *fun, tree type, const char *name)
{
  tree var = create_tmp_var (type, name);
  TREE_ADDRESSABLE (var) = 1;
  gassign *clear = gimple_build_assign (var, build_zero_cst (type));
  gsi_insert_on_edge_immediate (single_succ_edge
				(ENTRY_BLOCK_PTR_FOR_FN (fun)), clear);
  return var;
}

/* Ends BB with "if (TEST != 0)", TEST computed by SEQ.  */
void
escape_end_with_test (basic_block bb, gimple_seq seq, tree test,
		      location_t loc)
{
  gcond *cond = gimple_build_cond (NE_EXPR, test, boolean_false_node,
				   NULL_TREE, NULL_TREE);
  gimple_set_location (cond, loc);
  gimple_seq_add_stmt (&seq, cond);
  gimple_stmt_iterator at = gsi_last_bb (bb);
  gsi_insert_seq_after (&at, seq, GSI_NEW_STMT);
}

/* An edge FROM -> TO of FLAGS, taken with PROBABILITY.  */
edge
escape_connect (basic_block from, basic_block to, int flags,
		profile_probability probability)
{
  edge e = make_edge (from, to, flags);
  e->probability = probability;
  return e;
}

/* A new empty block in FROM's loop, entered from FROM by an edge of FLAGS
   taken with PROBABILITY: its count is what that edge brings.  */
basic_block
escape_new_block (basic_block from, int flags,
		  profile_probability probability)
{
  basic_block bb = create_empty_bb (from);
  if (current_loops)
    add_bb_to_loop (bb, from->loop_father);
  escape_connect (from, bb, flags, probability);
  bb->count = from->count.apply_probability (probability);
  return bb;
}

/* After blocks and edges were added: what GCC must compute again.  */
void
escape_cfg_changed (void)
{
  free_dominance_info (CDI_DOMINATORS);
  if (current_loops)
    loops_state_set (LOOPS_NEED_FIXUP);
}
