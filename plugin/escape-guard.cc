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

   Every free call of the function that stays (free, or a deallocator of
   escape-allocators.cc) is skipped for the slot,

     if (p != &escape_slot) free (p);

   so that the slot is never freed, whichever way its address travelled
   (a copy, a PHI, a load from a struct), and no call is made when it
   was taken.  The slot of an
   allocator that clears, or whose contents are not known, is cleared for
   the bytes asked.

   A realloc of a pointer that may hold the slot (escape_guard_realloc)
   keeps the block in the slot while the new size fits, and copies the
   slot to the heap when it grows past it:

     q = realloc (p, n);  =>  if (p == &escape_slot) goto slot; else goto heap;
			      heap: q.1 = realloc (p, n);
			      slot: if (n - 1 < K) goto join;	(q.2 = &escape_slot)
				    if (n == 0) goto join;	(q.3 = NULL)
				    q.4 = malloc (n);
				    if (q.4 != 0) memcpy (q.4, &escape_slot, K);
			      join: q = PHI <q.1, &escape_slot, NULL, q.4>

   realloc (slot, 0) gives NULL, as glibc's realloc (p, 0) does.

   An allocation in a loop whose block may outlive an iteration (the
   previous one still in use when the call runs again) also has a flag,
   "escape_taken", false at the function's entry: the slot is taken only
   while it is free,

     if (n <= K && !escape_taken) goto slot; ...	slot: escape_taken = 1;

   and given back by whatever ends the block: a free of the slot's
   address (escape_taken &= p != &escape_slot), and a realloc that frees
   it or copies it to the heap.  While it is taken, the call goes to the
   allocator, so that no two live blocks ever share the slot.  The flag is
   a variable in memory here; GCC makes it a register at its next
   update of addresses taken.  */

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

/* E, the fall-through edge isolate_call made into a call's block, becomes
   the false arm of its source's test, taken with PROBABILITY.  */
void
make_false_arm (edge e, profile_probability probability)
{
  e->flags = EDGE_FALSE_VALUE;
  e->probability = probability;
  e->dest->count = e->src->count.apply_probability (probability);
}

/* Appends the call CALL to BB, its result (if LHS) in LHS.  */
void
append_call (basic_block bb, tree lhs, location_t loc, gcall *call)
{
  if (lhs)
    gimple_call_set_lhs (call, lhs);
  gimple_set_location (call, loc);
  gimple_stmt_iterator at = gsi_last_bb (bb);
  gsi_insert_after (&at, call, GSI_NEW_STMT);
}

/* Appends SEQ to the end of BB, which does not end in a control
   statement.  */
void
append_seq (basic_block bb, gimple_seq seq)
{
  gimple_stmt_iterator at = gsi_last_bb (bb);
  gsi_insert_seq_after (&at, seq, GSI_NEW_STMT);
}

/* Appends to SEQ "FLAG = FLAG & KEEP": the slot is given back unless
   KEEP.  */
void
give_back_unless (gimple_seq *seq, location_t loc, tree flag, tree keep)
{
  tree taken = escape_load_var (seq, loc, flag);
  tree still = gimple_build (seq, loc, BIT_AND_EXPR, TREE_TYPE (flag), taken,
			     gimple_convert (seq, loc, TREE_TYPE (flag), keep));
  escape_store_var (seq, loc, flag, still);
}

/* SLOT's address as a pointer of TYPE, computed into SEQ.  */
tree
slot_address (gimple_seq *seq, location_t loc, const escape_slot &slot,
	      tree type)
{
  if (slot.decl)
    return build_fold_addr_expr_with_type (slot.decl, type);
  tree region = escape_load_var (seq, loc, slot.region);
  tree at = gimple_build (seq, loc, POINTER_PLUS_EXPR, TREE_TYPE (region),
			  region, size_int (slot.offset));
  return gimple_convert (seq, loc, type, at);
}

/* Is there a slot at all, computed into SEQ: a region may be null (the
   thread's budget was spent when the function began).  NULL_TREE for an
   array, which always is.  */
tree
slot_exists (gimple_seq *seq, location_t loc, const escape_slot &slot)
{
  if (slot.decl)
    return NULL_TREE;
  tree region = escape_load_var (seq, loc, slot.region);
  return gimple_build (seq, loc, NE_EXPR, boolean_type_node, region,
		       build_zero_cst (TREE_TYPE (region)));
}

/* A AND B, where A may be NULL_TREE (true).  */
tree
and_also (gimple_seq *seq, location_t loc, tree a, tree b)
{
  return a ? gimple_build (seq, loc, BIT_AND_EXPR, boolean_type_node, a, b)
	   : b;
}

}  // anon namespace

void
escape_guard_allocation (gcall *call, const esc_libc_fn *entry, bool clears,
			 const escape_slot &slot)
{
  tree flag = slot.flag;
  tree lhs = gimple_call_lhs (call);
  location_t loc = gimple_location (call);
  basic_block join;
  edge to_heap = isolate_call (call, &join);
  basic_block test_bb = to_heap->src, heap_bb = to_heap->dest;

  gimple_seq test = NULL;
  tree bytes;
  tree fits = fits_slot (call, entry, slot.size, &test, &bytes);
  if (tree exists = slot_exists (&test, loc, slot))
    fits = and_also (&test, loc, fits, exists);
  if (flag)
    {
      tree taken = escape_load_var (&test, loc, flag);
      tree free_p = gimple_build (&test, loc, EQ_EXPR, boolean_type_node,
				  taken, boolean_false_node);
      fits = and_also (&test, loc, fits, free_p);
    }
  escape_end_with_test (test_bb, test, fits, loc);
  basic_block slot_bb = escape_new_block (test_bb, EDGE_TRUE_VALUE,
					  profile_probability::likely ());
  make_false_arm (to_heap, profile_probability::likely ().invert ());
  edge slot_out = escape_connect (slot_bb, join, EDGE_FALLTHRU,
				  profile_probability::always ());

  gimple_seq take = NULL;
  tree from_slot = make_ssa_name (TREE_TYPE (lhs));
  gassign *copy = gimple_build_assign (from_slot,
				       slot_address (&take, loc, slot,
						     TREE_TYPE (lhs)));
  gimple_set_location (copy, loc);
  gimple_seq_add_stmt (&take, copy);
  if (flag)
    escape_store_var (&take, loc, flag, boolean_true_node);
  if (clears)
    {
      gcall *clear = gimple_build_call (builtin_decl_explicit
					(BUILT_IN_MEMSET), 3, from_slot,
					integer_zero_node, bytes);
      gimple_set_location (clear, loc);
      gimple_seq_add_stmt (&take, clear);
    }
  gimple_stmt_iterator in_slot = gsi_start_bb (slot_bb);
  gsi_insert_seq_after (&in_slot, take, GSI_NEW_STMT);

  tree from_heap = make_ssa_name (TREE_TYPE (lhs));
  gimple_call_set_lhs (call, from_heap);
  update_stmt (call);
  gphi *phi = create_phi_node (lhs, join);
  add_phi_arg (phi, from_slot, slot_out, loc);
  add_phi_arg (phi, from_heap, single_succ_edge (heap_bb), loc);
  escape_cfg_changed ();
}

namespace {

/* Appends LHS = A CODE B to SEQ, unfolded: folding now would use the
   points-to information of before the rewrite, where a pointer that may
   now hold the slot's address still points to the heap only (and a
   comparison with the slot's address would fold to false).  */
tree
append_unfolded (gimple_seq *seq, location_t loc, tree type, tree_code code,
		 tree a, tree b)
{
  tree lhs = make_ssa_name (type);
  gassign *stmt = gimple_build_assign (lhs, code, a, b);
  gimple_set_location (stmt, loc);
  gimple_seq_add_stmt (seq, stmt);
  return lhs;
}

/* Runs CALL only when IS_SLOT, computed by TEST, is false.  A result of
   the call is null when it was skipped.  */
void
skip_when (gcall *call, gimple_seq test, tree is_slot)
{
  location_t loc = gimple_location (call);
  basic_block join;
  edge to_call = isolate_call (call, &join);
  escape_end_with_test (to_call->src, test, is_slot, loc);
  edge skip = escape_connect (to_call->src, join, EDGE_TRUE_VALUE,
			      profile_probability::unlikely ());
  make_false_arm (to_call, skip->probability.invert ());
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
  escape_cfg_changed ();
}

/* Appends to SEQ the test "PTR is SLOT's address" (and there is a slot:
   a null region's offset is no block), and if FREES, gives the slot back
   when it is, as a free of PTR would.  *ADDR is the slot's address.  */
tree
test_slot_freed (gimple_seq *seq, location_t loc, tree ptr,
		 const escape_slot &slot, bool frees, tree *addr)
{
  *addr = slot_address (seq, loc, slot, TREE_TYPE (ptr));
  tree is_slot = append_unfolded (seq, loc, boolean_type_node, EQ_EXPR, ptr,
				  *addr);
  if (tree exists = slot_exists (seq, loc, slot))
    is_slot = and_also (seq, loc, is_slot, exists);
  if (frees && slot.flag)
    give_back_unless (seq, loc, slot.flag,
		      append_unfolded (seq, loc, boolean_type_node, NE_EXPR,
				       ptr, *addr));
  return is_slot;
}

}  // anon namespace

void
escape_guard_realloc (gcall *call, const escape_slot &slot)
{
  location_t loc = gimple_location (call);
  tree ptr = gimple_call_arg (call, 0);
  tree lhs = gimple_call_lhs (call);
  tree flag = slot.flag;
  gimple_seq test = NULL;
  tree addr;
  tree is_slot = test_slot_freed (&test, loc, ptr, slot, false, &addr);
  if (!lhs)
    {
      /* Its result unused: on the slot, nothing.  The slot stays taken,
	 since the program may go on using the block it holds.  */
      skip_when (call, test, is_slot);
      return;
    }
  basic_block join;
  edge to_heap = isolate_call (call, &join);
  basic_block test_bb = to_heap->src;
  escape_end_with_test (test_bb, test, is_slot, loc);
  make_false_arm (to_heap, profile_probability::even ());
  tree lhs_type = TREE_TYPE (lhs);
  tree from_heap = make_ssa_name (lhs_type);
  gimple_call_set_lhs (call, from_heap);
  update_stmt (call);

  /* In the slot while 1 <= n <= K.  */
  basic_block slot_bb = escape_new_block (test_bb, EDGE_TRUE_VALUE,
					  profile_probability::even ());
  gimple_seq seq = NULL;
  tree n = gimple_convert (&seq, loc, size_type_node, gimple_call_arg (call, 1));
  tree k = build_int_cst (size_type_node, slot.size);
  tree stays_at = gimple_convert (&seq, loc, lhs_type, addr);
  tree below = gimple_build (&seq, loc, MINUS_EXPR, size_type_node, n,
			     build_one_cst (size_type_node));
  tree fits = gimple_build (&seq, loc, LT_EXPR, boolean_type_node, below, k);
  escape_end_with_test (slot_bb, seq, fits, loc);
  edge stays = escape_connect (slot_bb, join, EDGE_TRUE_VALUE,
			       profile_probability::likely ());

  /* realloc (slot, 0): NULL.  */
  basic_block zero_bb = escape_new_block (slot_bb, EDGE_FALSE_VALUE,
					  profile_probability::unlikely ());
  seq = NULL;
  tree is_zero = gimple_build (&seq, loc, EQ_EXPR, boolean_type_node, n,
			       build_zero_cst (size_type_node));
  if (flag)
    give_back_unless (&seq, loc, flag,
		      gimple_build (&seq, loc, NE_EXPR, boolean_type_node, n,
				    build_zero_cst (size_type_node)));
  escape_end_with_test (zero_bb, seq, is_zero, loc);
  edge freed = escape_connect (zero_bb, join, EDGE_TRUE_VALUE,
			       profile_probability::unlikely ());

  /* Past the slot: a new block, and the slot's bytes copied into it.  */
  basic_block grow_bb = escape_new_block (zero_bb, EDGE_FALSE_VALUE,
					  profile_probability::likely ());
  tree grown = make_ssa_name (lhs_type);
  append_call (grow_bb, grown, loc,
	       gimple_build_call (builtin_decl_explicit (BUILT_IN_MALLOC), 1,
				  n));
  seq = NULL;
  tree got = gimple_build (&seq, loc, NE_EXPR, boolean_type_node, grown,
			   build_zero_cst (lhs_type));
  escape_end_with_test (grow_bb, seq, got, loc);
  edge failed = escape_connect (grow_bb, join, EDGE_FALSE_VALUE,
				profile_probability::very_unlikely ());
  basic_block copy_bb = escape_new_block (grow_bb, EDGE_TRUE_VALUE,
					  profile_probability::very_likely ());
  append_call (copy_bb, NULL_TREE, loc,
	       gimple_build_call (builtin_decl_explicit (BUILT_IN_MEMCPY), 3,
				  grown, addr, k));
  if (flag)
    {
      seq = NULL;
      escape_store_var (&seq, loc, flag, boolean_false_node);
      append_seq (copy_bb, seq);
    }
  edge copied = escape_connect (copy_bb, join, EDGE_FALLTHRU,
				profile_probability::always ());

  gphi *phi = create_phi_node (lhs, join);
  add_phi_arg (phi, from_heap, single_succ_edge (to_heap->dest), loc);
  add_phi_arg (phi, stays_at, stays, loc);
  add_phi_arg (phi, build_zero_cst (lhs_type), freed, loc);
  add_phi_arg (phi, build_zero_cst (lhs_type), failed, loc);
  add_phi_arg (phi, grown, copied, loc);
  escape_cfg_changed ();
}

void
escape_guard_free (gcall *free_call, const escape_slot &slot)
{
  tree ptr = escape_freed_pointer (free_call);
  if (integer_zerop (ptr))
    return;
  location_t loc = gimple_location (free_call);
  gimple_seq seq = NULL;
  tree addr;
  tree is_slot = test_slot_freed (&seq, loc, ptr, slot, true, &addr);
  skip_when (free_call, seq, is_slot);
}
