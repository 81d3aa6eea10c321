/* escape-wrappers.cc -- the allocation wrappers of the unit, found by
   their bodies (escape-allocators.cc says what an allocator is).

   A wrapper returns what one allocation call returns: malloc, calloc or
   another allocator whose sizes are known, its sizes being the wrapper's
   own integer parameters or constants (calloc (1, n)).  On the side
   where the allocation succeeded, nothing else happens: the blocks that
   can reach a return, except those after the failing edge of a null check
   of the result, hold only that call, copies, conversions and tests (no
   memory access, no other call), and every return gives the result.  The
   failing side may do anything (print, abort, exit, return NULL): a moved
   allocation never fails.  */

#include "escape-gcc.h"

namespace {

/* The allocation call whose result VALUE is, through copies and
   conversions, or NULL.  */
gcall *
allocation_of (tree value)
{
  gimple *def = value ? escape_pointer_source (value) : NULL;
  return def ? dyn_cast <gcall *> (def) : NULL;
}

/* The position of the parameter whose value ARG is, through conversions
   to integer types, or -1.  */
int
parameter_position (tree arg, tree fndecl)
{
  while (TREE_CODE (arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (arg))
    {
      gassign *assign = dyn_cast <gassign *> (SSA_NAME_DEF_STMT (arg));
      if (!assign || !CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (assign))
	  || !INTEGRAL_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (assign))))
	return -1;
      arg = gimple_assign_rhs1 (assign);
    }
  if (TREE_CODE (arg) != SSA_NAME || !SSA_NAME_VAR (arg)
      || TREE_CODE (SSA_NAME_VAR (arg)) != PARM_DECL)
    return -1;
  int pos = 0;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p), pos++)
    if (p == SSA_NAME_VAR (arg))
      return pos < ESC_LIBC_MAX_ARGS ? pos : -1;
  return -1;
}

/* The edge of the null check COND of RESULT on which RESULT is null, or
   NULL.  */
edge
null_edge (gcond *cond, tree result)
{
  tree lhs = gimple_cond_lhs (cond);
  enum tree_code code = gimple_cond_code (cond);
  if ((code != EQ_EXPR && code != NE_EXPR) || !integer_zerop
      (gimple_cond_rhs (cond))
      || TREE_CODE (lhs) != SSA_NAME || allocation_of (lhs)
      != SSA_NAME_DEF_STMT (result))
    return NULL;
  edge t, f;
  extract_true_false_edges_from_block (gimple_bb (cond), &t, &f);
  return code == EQ_EXPR ? t : f;
}

/* May STMT run when the allocation succeeded, in a wrapper, without
   making it more than a wrapper: a copy, a conversion, a test?  */
bool
plain_stmt_p (gimple *stmt)
{
  if (gimple_vdef (stmt) || gimple_vuse (stmt))
    return false;
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
    case GIMPLE_COND:
    case GIMPLE_RETURN:
    case GIMPLE_LABEL:
    case GIMPLE_DEBUG:
    case GIMPLE_PREDICT:
    case GIMPLE_NOP:
      return true;
    default:
      return false;
    }
}

/* The blocks that can reach the exit through a return, in *LIVE.  */
void
blocks_reaching_exit (function *fun, auto_sbitmap &live)
{
  bitmap_clear (live);
  auto_vec<basic_block> work;
  work.safe_push (EXIT_BLOCK_PTR_FOR_FN (fun));
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->preds)
	if (!bitmap_bit_p (live, e->src->index))
	  {
	    bitmap_set_bit (live, e->src->index);
	    work.safe_push (e->src);
	  }
    }
}

/* Is BB on the failing side of the null check: dominated by NULL_DEST,
   the destination of the null edge, entered only through it?  */
bool
failing_side_p (basic_block bb, basic_block null_dest)
{
  return null_dest && dominated_by_p (CDI_DOMINATORS, bb, null_dest);
}

/* The one allocation call of FUN on the succeeding side, if every
   statement there is plain and every return gives its result; NULL
   otherwise.  */
gcall *
wrapped_call (function *fun, const auto_sbitmap &live)
{
  gcall *alloc = NULL;
  basic_block null_dest = NULL, bb;
  /* Blocks in order: the allocation comes before its null check.  */
  int *order = XNEWVEC (int, n_basic_blocks_for_fn (fun));
  int n = pre_and_rev_post_order_compute_fn (fun, NULL, order, false);
  bool ok = true;
  for (int i = 0; i < n && ok; i++)
    {
      bb = BASIC_BLOCK_FOR_FN (fun, order[i]);
      if (!bitmap_bit_p (live, bb->index) || failing_side_p (bb, null_dest))
	continue;
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	if (!virtual_operand_p (gimple_phi_result (gsi.phi ())))
	  ok = false;
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); ok && !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  gcall *call = dyn_cast <gcall *> (stmt);
	  if (call && !alloc && gimple_call_lhs (call))
	    alloc = call;
	  else if (greturn *ret = dyn_cast <greturn *> (stmt))
	    ok = alloc && allocation_of (gimple_return_retval (ret)) == alloc;
	  else if (gcond *cond = dyn_cast <gcond *> (stmt))
	    {
	      edge e = alloc ? null_edge (cond, gimple_call_lhs (alloc)) : NULL;
	      if (e && !null_dest && single_pred_p (e->dest))
		null_dest = e->dest;
	      ok = plain_stmt_p (stmt);
	    }
	  else
	    ok = plain_stmt_p (stmt);
	}
    }
  XDELETEVEC (order);
  return ok ? alloc : NULL;
}

/* The allocator ALLOC calls, if it is one a wrapper may wrap: malloc,
   calloc or another allocator whose sizes and alignment are plain.  */
const escape_allocator *
wrappable (gcall *alloc, escape_allocator *as_libc)
{
  if (gimple_call_builtin_p (alloc, BUILT_IN_MALLOC)
      || gimple_call_builtin_p (alloc, BUILT_IN_CALLOC))
    {
      bool calloc_p = gimple_call_builtin_p (alloc, BUILT_IN_CALLOC);
      as_libc->entry.alloc = calloc_p ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
      as_libc->entry.size_arg[0] = 0;
      as_libc->entry.size_arg[1] = calloc_p ? 1 : ESC_LIBC_NONE;
      as_libc->clears = calloc_p;
      as_libc->align_arg = -1;
      as_libc->size_factor = 1;
      as_libc->sized = true;
      return as_libc;
    }
  tree callee = gimple_call_fndecl (alloc);
  const escape_allocator *inner = callee ? escape_allocator_of_decl (callee)
				  : NULL;
  if (!inner || inner->entry.alloc == ESC_ALLOC_NONE || !inner->sized
      || inner->align_arg >= 0 || inner->align_bytes)
    return NULL;
  return inner;
}

escape_allocator *
wrapper_of (function *fun, gcall *alloc)
{
  escape_allocator as_libc;
  memset (&as_libc, 0, sizeof as_libc);
  const escape_allocator *inner = wrappable (alloc, &as_libc);
  if (!inner)
    return NULL;
  escape_allocator *a = escape_new_allocator (fun->decl, ESC_RES_ALLOC,
				       ESC_ALLOC_MALLOC);
  /* Its parameters are integers that only give the size.  */
  for (unsigned i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    a->entry.arg[i] = ESC_ARG_NOT_KEPT;
  a->size_factor = inner->size_factor;
  int kept = 0;
  for (unsigned i = 0; i < 2; i++)
    {
      int arg = inner->entry.size_arg[i];
      if (arg == ESC_LIBC_NONE)
	continue;
      if ((unsigned) arg >= gimple_call_num_args (alloc))
	return NULL;
      tree size = gimple_call_arg (alloc, arg);
      int pos = parameter_position (size, fun->decl);
      if (pos >= 0)
	a->entry.size_arg[kept++] = pos;
      else if (TREE_CODE (size) != INTEGER_CST || !tree_fits_uhwi_p (size)
	       || !escape_scale_allocator (a, tree_to_uhwi (size)))
	return NULL;
    }
  /* Every size a constant: not a wrapper worth the name.  */
  if (!kept)
    return NULL;
  a->entry.alloc = kept == 2 ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
  a->clears = inner->clears;
  a->wrapped = true;
  a->sized = true;
  return a;
}

/* Could FUN's body be a wrapper: a pointer result, integer parameters
   only, no variadic part?  */
bool
wrapper_signature_p (function *fun)
{
  tree fntype = TREE_TYPE (fun->decl);
  if (!POINTER_TYPE_P (TREE_TYPE (fntype)) || stdarg_p (fntype)
      || !prototype_p (fntype) || !DECL_NAME (fun->decl))
    return false;
  for (tree p = DECL_ARGUMENTS (fun->decl); p; p = DECL_CHAIN (p))
    if (!INTEGRAL_TYPE_P (TREE_TYPE (p)))
      return false;
  return true;
}

} // anon namespace

void
escape_detect_wrapper (function *fun)
{
  if (!wrapper_signature_p (fun) || escape_allocator_of_decl (fun->decl))
    return;
  auto_sbitmap live (last_basic_block_for_fn (fun));
  blocks_reaching_exit (fun, live);
  bool had_dominators = dom_info_available_p (fun, CDI_DOMINATORS);
  if (!had_dominators)
    calculate_dominance_info (CDI_DOMINATORS);
  gcall *alloc = wrapped_call (fun, live);
  if (!had_dominators)
    free_dominance_info (CDI_DOMINATORS);
  escape_allocator *a = alloc ? wrapper_of (fun, alloc) : NULL;
  if (!a)
    return;
  escape_add_wrapper (fun->decl, a);
}
