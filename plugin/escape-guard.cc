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
   (a copy, a PHI, a load from a struct).  A deallocator other than free
   (escape-allocators.cc) may not take a null pointer: its call is
   skipped instead, "if (p != &escape_slot) dealloc (p)".  The slot of an
   allocator that clears, or whose contents are not known, is cleared for
   the bytes asked.  */

#include "escape-gcc.h"

namespace {

/* The condition "what CALL (an allocation by ENTRY) asks for fits
   SLOT_SIZE bytes", computed into SEQ, and in *BYTES the number of bytes
   asked: the product of its sizes (one or two arguments, and the constant
   factor of a program's allocator).  Each argument must fit, so that the
   product, of numbers up to 2^20, cannot wrap.  */
tree
fits_slot (gcall *call, const esc_libc_fn *entry,
	   unsigned HOST_WIDE_INT slot_size, gimple_seq *seq, tree *bytes)
{
  location_t loc = gimple_location (call);
  tree k = build_int_cst (size_type_node, slot_size);
  const escape_allocator *a = escape_allocator_of_entry (entry);
  unsigned HOST_WIDE_INT factor = a ? a->size_factor : 1;
  tree fits = NULL_TREE;
  *bytes = NULL_TREE;
  unsigned count = 0;
  for (unsigned i = 0; i < 2; i++)
    {
      if (entry->size_arg[i] == ESC_LIBC_NONE)
	continue;
      tree n = gimple_convert (seq, loc, size_type_node,
			       gimple_call_arg (call, entry->size_arg[i]));
      tree n_fits = gimple_build (seq, loc, LE_EXPR, boolean_type_node, n, k);
      fits = fits ? gimple_build (seq, loc, BIT_AND_EXPR, boolean_type_node,
				  fits, n_fits) : n_fits;
      *bytes = *bytes ? gimple_build (seq, loc, MULT_EXPR, size_type_node,
				      *bytes, n) : n;
      count++;
    }
  if (factor != 1)
    *bytes = gimple_build (seq, loc, MULT_EXPR, size_type_node, *bytes,
			   build_int_cst (size_type_node, factor));
  if (count == 1 && factor == 1)
    return fits;
  tree product_fits = gimple_build (seq, loc, LE_EXPR, boolean_type_node,
				    *bytes, k);
  return gimple_build (seq, loc, BIT_AND_EXPR, boolean_type_node, fits,
		       product_fits);
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
escape_guard_allocation (gcall *call, const esc_libc_fn *entry, bool clears,
			 tree slot, unsigned HOST_WIDE_INT slot_size)
{
  tree lhs = gimple_call_lhs (call);
  location_t loc = gimple_location (call);
  basic_block join;
  edge to_heap = isolate_call (call, &join);
  basic_block test_bb = to_heap->src, heap_bb = to_heap->dest;

  gimple_seq test = NULL;
  tree bytes;
  tree fits = fits_slot (call, entry, slot_size, &test, &bytes);
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
  if (clears)
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

namespace {

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

/* Runs CALL only when IS_SLOT, computed by TEST, is false: a deallocator
   other than free need not take a null pointer.  A result of the call is
   null when it was skipped.  */
void
skip_when (gcall *call, gimple_seq test, tree is_slot)
{
  location_t loc = gimple_location (call);
  basic_block join;
  edge to_call = isolate_call (call, &join);
  basic_block test_bb = to_call->src;
  gcond *cond = gimple_build_cond (NE_EXPR, is_slot, boolean_false_node,
				   NULL_TREE, NULL_TREE);
  gimple_set_location (cond, loc);
  gimple_seq_add_stmt (&test, cond);
  gimple_stmt_iterator at = gsi_last_bb (test_bb);
  gsi_insert_seq_after (&at, test, GSI_NEW_STMT);
  to_call->flags = EDGE_FALSE_VALUE;
  edge skip = make_edge (test_bb, join, EDGE_TRUE_VALUE);
  skip->probability = profile_probability::unlikely ();
  to_call->probability = skip->probability.invert ();
  to_call->dest->count = test_bb->count.apply_probability
    (to_call->probability);
  tree lhs = gimple_call_lhs (call);
  if (lhs && TREE_CODE (lhs) == SSA_NAME)
    {
      tree from_call = make_ssa_name (TREE_TYPE (lhs));
      gimple_call_set_lhs (call, from_call);
      update_stmt (call);
      gphi *phi = create_phi_node (lhs, join);
      add_phi_arg (phi, from_call, single_succ_edge (to_call->dest), loc);
      add_phi_arg (phi, build_zero_cst (TREE_TYPE (lhs)), skip, loc);
    }
  free_dominance_info (CDI_DOMINATORS);
  if (current_loops)
    loops_state_set (LOOPS_NEED_FIXUP);
}

}  // anon namespace

void
escape_guard_free (gcall *free_call, tree slot)
{
  tree ptr = escape_freed_pointer (free_call);
  if (integer_zerop (ptr))
    return;
  location_t loc = gimple_location (free_call);
  gimple_seq seq = NULL;
  tree type = TREE_TYPE (ptr);
  tree is_slot = append_unfolded (&seq, loc, boolean_type_node, EQ_EXPR, ptr,
				  build_fold_addr_expr_with_type (slot, type));
  if (!gimple_call_builtin_p (free_call, BUILT_IN_FREE))
    {
      skip_when (free_call, seq, is_slot);
      return;
    }
  tree freed = append_unfolded (&seq, loc, type, COND_EXPR, is_slot,
				build_zero_cst (type), ptr);
  gimple_stmt_iterator gsi = gsi_for_stmt (free_call);
  gsi_insert_seq_before (&gsi, seq, GSI_SAME_STMT);
  gimple_call_set_arg (free_call, 0, freed);
  update_stmt (free_call);
}
