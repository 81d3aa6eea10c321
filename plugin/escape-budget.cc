/* escape-budget.cc -- the stack that functions which may recurse take for
   their slots: one region per call, carved by alloca when the function
   begins, while the thread's budget lasts.

   A slot in the frame of a function that recurses is there again at each
   level: a recursion as deep as its input would use stack where it used
   heap, without bound.  So such a function (escape-stackify.cc) begins
   with

     escape_region = 0;
     used = __escape_recursive_stack;		(thread-local)
     if (used <= BUDGET - BYTES)
       {
	 __escape_recursive_stack = used + BYTES;
	 escape_region = __builtin_alloca_with_align (BYTES, ALIGN);
       }

   and gives the bytes back before each return:

     __escape_recursive_stack -= escape_region != 0 ? BYTES : 0;

   At most BUDGET bytes of such regions are live on a thread's stack, at
   any depth.  A call made once the budget is spent finds no region, and
   its allocations go to the allocator (escape-guard.cc tests the region).
   A frame left by longjmp or an exception does not give its bytes back:
   the budget only shrinks, and the program stays right.  The variable is
   a weak, hidden symbol of every unit that needs it: one per thread in
   each executable or shared library.  */

#include "escape-gcc.h"
#include "varasm.h"

namespace {

/* The thread's count of bytes taken, once made (the symbol table keeps
   it alive).  */
tree budget_used;

tree
thread_budget_used (void)
{
  if (budget_used)
    return budget_used;
  tree decl = build_decl (BUILTINS_LOCATION, VAR_DECL,
			  get_identifier ("__escape_recursive_stack"),
			  size_type_node);
  TREE_STATIC (decl) = 1;
  TREE_PUBLIC (decl) = 1;
  DECL_WEAK (decl) = 1;
  DECL_ARTIFICIAL (decl) = 1;
  DECL_IGNORED_P (decl) = 1;
  TREE_USED (decl) = 1;
  DECL_VISIBILITY (decl) = VISIBILITY_HIDDEN;
  DECL_VISIBILITY_SPECIFIED (decl) = 1;
  DECL_INITIAL (decl) = build_zero_cst (size_type_node);
  set_decl_tls_model (decl, decl_default_tls_model (decl));
  varpool_node::finalize_decl (decl);
  budget_used = decl;
  return decl;
}

/* Appends to SEQ "LHS = A CODE B" (or "LHS = A ? B : C" with C), and
   returns LHS.  */
tree
append (gimple_seq *seq, location_t loc, tree type, tree_code code, tree a,
	tree b, tree c = NULL_TREE)
{
  tree lhs = make_ssa_name (type);
  gassign *stmt = c ? gimple_build_assign (lhs, code, a, b, c)
		  : gimple_build_assign (lhs, code, a, b);
  gimple_set_location (stmt, loc);
  gimple_seq_add_stmt (seq, stmt);
  return lhs;
}

/* Takes the region into REGION when FUN begins: a test of the budget in
   a block of its own before the body, and the alloca in a block the test
   skips once the budget is spent (an alloca of 0 bytes would still cost
   AddressSanitizer's redzones at every level of a deep recursion).  */
void
take_at_entry (function *fun, tree region, unsigned HOST_WIDE_INT bytes,
	       unsigned HOST_WIDE_INT align, unsigned long budget)
{
  location_t loc = DECL_SOURCE_LOCATION (fun->decl);
  tree used_var = thread_budget_used ();
  tree size = build_int_cst (size_type_node, bytes);
  basic_block test_bb = split_edge (single_succ_edge
				    (ENTRY_BLOCK_PTR_FOR_FN (fun)));
  edge skip = single_succ_edge (test_bb);
  gimple_seq seq = NULL;
  escape_store_var (&seq, loc, region, null_pointer_node);
  tree used = escape_load_var (&seq, loc, used_var);
  tree ok = append (&seq, loc, boolean_type_node, LE_EXPR, used,
		    build_int_cst (size_type_node, budget - bytes));
  escape_end_with_test (test_bb, seq, ok, loc);

  basic_block carve_bb = escape_new_block (test_bb, EDGE_TRUE_VALUE,
					   profile_probability::likely ());
  skip->flags = EDGE_FALSE_VALUE;
  skip->probability = profile_probability::likely ().invert ();
  escape_connect (carve_bb, skip->dest, EDGE_FALLTHRU,
		  profile_probability::always ());

  seq = NULL;
  escape_store_var (&seq, loc, used_var,
		    append (&seq, loc, size_type_node, PLUS_EXPR, used, size));
  tree carved = make_ssa_name (ptr_type_node);
  gcall *alloca_call
    = gimple_build_call (builtin_decl_explicit (BUILT_IN_ALLOCA_WITH_ALIGN),
			 2, size, build_int_cst (size_type_node,
						 align * BITS_PER_UNIT));
  gimple_call_set_lhs (alloca_call, carved);
  gimple_set_location (alloca_call, loc);
  gimple_seq_add_stmt (&seq, alloca_call);
  escape_store_var (&seq, loc, region, carved);
  gimple_stmt_iterator at = gsi_start_bb (carve_bb);
  gsi_insert_seq_after (&at, seq, GSI_NEW_STMT);
  escape_cfg_changed ();
}

/* The statements that give the region's bytes back.  */
gimple_seq
give_back_sequence (tree region, unsigned HOST_WIDE_INT bytes, location_t loc)
{
  tree used_var = thread_budget_used ();
  gimple_seq seq = NULL;
  tree held = escape_load_var (&seq, loc, region);
  tree took = append (&seq, loc, boolean_type_node, NE_EXPR, held,
		      null_pointer_node);
  tree back = append (&seq, loc, size_type_node, COND_EXPR, took,
		      build_int_cst (size_type_node, bytes),
		      build_zero_cst (size_type_node));
  tree used = escape_load_var (&seq, loc, used_var);
  escape_store_var (&seq, loc, used_var,
	 append (&seq, loc, size_type_node, MINUS_EXPR, used, back));
  return seq;
}

/* Gives the region back before each return of FUN.  */
void
give_back_at_returns (function *fun, tree region,
		      unsigned HOST_WIDE_INT bytes)
{
  auto_vec<edge> exits;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, EXIT_BLOCK_PTR_FOR_FN (fun)->preds)
    exits.safe_push (e);
  for (edge exit : exits)
    {
      gimple_stmt_iterator last = gsi_last_bb (exit->src);
      greturn *ret = gsi_end_p (last) ? NULL
		     : dyn_cast <greturn *> (gsi_stmt (last));
      if (ret)
	gsi_insert_seq_before (&last, give_back_sequence
			       (region, bytes, gimple_location (ret)),
			       GSI_SAME_STMT);
      else if (!(exit->flags & EDGE_ABNORMAL))
	gsi_insert_seq_on_edge_immediate (exit, give_back_sequence
					  (region, bytes, UNKNOWN_LOCATION));
      /* An abnormal way out keeps the bytes: the budget shrinks.  */
    }
}

}  // anon namespace

tree
escape_take_region (function *fun, unsigned HOST_WIDE_INT bytes,
		    unsigned HOST_WIDE_INT align, unsigned long budget)
{
  tree region = create_tmp_var (ptr_type_node, "escape_region");
  TREE_ADDRESSABLE (region) = 1;
  give_back_at_returns (fun, region, bytes);
  take_at_entry (fun, region, bytes, align, budget);
  fun->calls_alloca = 1;
  return region;
}
