/* escape-guard.cc -- the rewrite of an allocation of run-time size that
   does not escape: a frame slot of K bytes when the size fits, the
   allocator otherwise.

     p = malloc (n);	  =>	  if (n <= K) goto slot; else goto heap;
				  slot: p.1 = &escape_slot;
				  heap: p.2 = malloc (n);
				  p = PHI <p.1 (slot), p.2 (heap)>

   calloc (a, b) fits when a <= K, b <= K and a * b <= K (the product of
   two numbers up to K cannot wrap, so calloc's own overflow check is left
   to calloc), and its slot is cleared for a * b bytes.  malloc (0) gets
   the slot: a pointer that is not null and is no other live object's, as
   glibc's malloc (0) gives.

   Every free call of the function that stays becomes

     free (p == &escape_slot ? NULL : p)

   so that the slot is never freed, whichever way its address travelled
   (a copy, a PHI, a load from a struct).  */

#include "escape-gcc.h"

namespace {

/* The condition "what CALL asks for fits SLOT_SIZE bytes", computed into
   SEQ, and in *BYTES the number of bytes asked.  */
tree
fits_slot (gcall *call, unsigned HOST_WIDE_INT slot_size, gimple_seq *seq,
	   tree *bytes)
{
  location_t loc = gimple_location (call);
  tree k = build_int_cst (size_type_node, slot_size);
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    {
      tree n = gimple_convert (seq, loc, size_type_node,
			       gimple_call_arg (call, 0));
      tree size = gimple_convert (seq, loc, size_type_node,
				  gimple_call_arg (call, 1));
      *bytes = gimple_build (seq, loc, MULT_EXPR, size_type_node, n, size);
      tree fits = gimple_build (seq, loc, LE_EXPR, boolean_type_node, n, k);
      tree size_fits = gimple_build (seq, loc, LE_EXPR, boolean_type_node,
				     size, k);
      tree product_fits = gimple_build (seq, loc, LE_EXPR, boolean_type_node,
					*bytes, k);
      fits = gimple_build (seq, loc, BIT_AND_EXPR, boolean_type_node, fits,
			   size_fits);
      return gimple_build (seq, loc, BIT_AND_EXPR, boolean_type_node, fits,
			   product_fits);
    }
  unsigned size_arg = gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
  *bytes = gimple_convert (seq, loc, size_type_node,
			   gimple_call_arg (call, size_arg));
  return gimple_build (seq, loc, LE_EXPR, boolean_type_node, *bytes, k);
}

/* Splits CALL's block before CALL and after it: returns the edge from the
   block before to CALL's own block, and in *JOIN the block after.  */
edge
isolate_call (gcall *call, basic_block *join)
{
  basic_block bb = gimple_bb (call);
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  gsi_prev (&gsi);
  edge into = gsi_end_p (gsi) ? split_block_after_labels (bb)
			      : split_block (bb, gsi_stmt (gsi));
  *join = split_block (into->dest, call)->dest;
  return into;
}

}  // anon namespace

void
escape_guard_allocation (gcall *call, tree slot,
			 unsigned HOST_WIDE_INT slot_size)
{
  tree lhs = gimple_call_lhs (call);
  location_t loc = gimple_location (call);
  basic_block join;
  edge to_heap = isolate_call (call, &join);
  basic_block test_bb = to_heap->src, heap_bb = to_heap->dest;

  gimple_seq test = NULL;
  tree bytes;
  tree fits = fits_slot (call, slot_size, &test, &bytes);
  gcond *cond = gimple_build_cond (NE_EXPR, fits, boolean_false_node,
				   NULL_TREE, NULL_TREE);
  gimple_set_location (cond, loc);
  gimple_seq_add_stmt (&test, cond);
  gimple_stmt_iterator at = gsi_last_bb (test_bb);
  gsi_insert_seq_after (&at, test, GSI_NEW_STMT);

  basic_block slot_bb = create_empty_bb (test_bb);
  if (current_loops)
    add_bb_to_loop (slot_bb, test_bb->loop_father);
  to_heap->flags = EDGE_FALSE_VALUE;
  edge to_slot = make_edge (test_bb, slot_bb, EDGE_TRUE_VALUE);
  to_slot->probability = profile_probability::likely ();
  to_heap->probability = to_slot->probability.invert ();
  slot_bb->count = test_bb->count.apply_probability (to_slot->probability);
  heap_bb->count = test_bb->count.apply_probability (to_heap->probability);
  edge slot_out = make_edge (slot_bb, join, EDGE_FALLTHRU);
  slot_out->probability = profile_probability::always ();

  gimple_stmt_iterator in_slot = gsi_start_bb (slot_bb);
  tree from_slot = make_ssa_name (TREE_TYPE (lhs));
  gassign *take = gimple_build_assign (from_slot,
				       build_fold_addr_expr_with_type
				       (slot, TREE_TYPE (lhs)));
  gimple_set_location (take, loc);
  gsi_insert_after (&in_slot, take, GSI_NEW_STMT);
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    {
      gcall *clear = gimple_build_call (builtin_decl_explicit
					(BUILT_IN_MEMSET), 3,
					build_fold_addr_expr (slot),
					integer_zero_node, bytes);
      gimple_set_location (clear, loc);
      gsi_insert_after (&in_slot, clear, GSI_NEW_STMT);
    }

  tree from_heap = make_ssa_name (TREE_TYPE (lhs));
  gimple_call_set_lhs (call, from_heap);
  update_stmt (call);
  gphi *phi = create_phi_node (lhs, join);
  add_phi_arg (phi, from_slot, slot_out, loc);
  add_phi_arg (phi, from_heap, single_succ_edge (heap_bb), loc);
  free_dominance_info (CDI_DOMINATORS);
  if (current_loops)
    loops_state_set (LOOPS_NEED_FIXUP);
}

/* Appends LHS = A CODE B [C] to SEQ, unfolded: folding now would use the
   points-to information of before the rewrite, where a pointer that may
   now hold the slot's address still points to the heap only (and a
   comparison with the slot's address would fold to false).  */
tree
append_unfolded (gimple_seq *seq, location_t loc, tree type, tree_code code,
		 tree a, tree b, tree c = NULL_TREE)
{
  tree lhs = make_ssa_name (type);
  gassign *stmt = gimple_build_assign (lhs, code, a, b, c);
  gimple_set_location (stmt, loc);
  gimple_seq_add_stmt (seq, stmt);
  return lhs;
}

void
escape_guard_free (gcall *free_call, tree slot)
{
  tree ptr = gimple_call_arg (free_call, 0);
  if (integer_zerop (ptr))
    return;
  location_t loc = gimple_location (free_call);
  gimple_seq seq = NULL;
  tree type = TREE_TYPE (ptr);
  tree is_slot = append_unfolded (&seq, loc, boolean_type_node, EQ_EXPR, ptr,
				  build_fold_addr_expr_with_type (slot, type));
  tree freed = append_unfolded (&seq, loc, type, COND_EXPR, is_slot,
				build_zero_cst (type), ptr);
  gimple_stmt_iterator gsi = gsi_for_stmt (free_call);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
  gimple_call_set_arg (free_call, 0, freed);
  update_stmt (free_call);
}
