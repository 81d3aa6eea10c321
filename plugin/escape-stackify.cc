/* escape-stackify.cc -- moves small allocations that do not escape to the
   stack.

   Runs on each function right after the value numbering ("fre") that
   follows "alias" (just before the first "threadfull"): after inlining, so that a foo_new/foo_free pair inlined
   into its caller is seen there; after CCP, so that sizes are constants;
   after FRE, so that "free (v->buf)" is "free (buf_7)" once the store to
   v->buf is forwarded; before DSE, SRA and PRE, which then treat the new
   local array like any other.  GCC's points-to information is recomputed
   after a change (TODO_rebuild_alias): it still described a heap object.
   The function as it is then is
   analysed again, as a late function of the solved unit (callees through
   their summaries), and each allocation call is judged:

   - it must not escape, and be malloc, calloc or aligned_alloc with a
     constant size of at most stackify-max bytes, within the function's
     stackify-frame-max budget, in a function that does not recurse (unless
     stackify-recursive) and does not call setjmp;
   - every free call that may free it must free nothing but allocations that
     are moved too (or a null pointer), so that it can be removed; nothing
     else may free it (a callee that was not inlined, for instance);
   - inside a loop, it must be freed on every path back to itself, by a
     free of this very allocation: then one slot serves every iteration.

   A moved call becomes "p = &slot" (a char array aligned for any object, or
   as aligned_alloc asked), calloc's gets "slot = {}", and its frees become
   clobbers of the slot (GCC's end-of-life marker) or disappear.  */

#include "escape-gcc.h"
#include "escape-libc.h"

namespace {

/* What the pass decided about one allocation call.  */
struct candidate
{
  const escape_alloc_site *site;
  bool moved;
  const char *refusal;		/* why not, while !moved */
  unsigned HOST_WIDE_INT align_bytes;
};

/* The alignment malloc guarantees (alignof (max_align_t)), in bytes.  */
unsigned HOST_WIDE_INT
malloc_alignment (void)
{
  unsigned HOST_WIDE_INT bits = MAX (TYPE_ALIGN (long_double_type_node),
				     TYPE_ALIGN (long_long_integer_type_node));
  bits = MAX (bits, (unsigned HOST_WIDE_INT) MALLOC_ABI_ALIGNMENT);
  return bits / BITS_PER_UNIT;
}

/* The largest alignment asked of aligned_alloc that is honoured.  */
const unsigned HOST_WIDE_INT max_stack_alignment = 4096;

bool
movable_allocator_p (gcall *call)
{
  return gimple_call_builtin_p (call, BUILT_IN_MALLOC)
	 || gimple_call_builtin_p (call, BUILT_IN_CALLOC)
	 || gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
}

/* The alignment of the slot for CALL, or 0 if aligned_alloc's is not a
   constant power of two the stack can give.  */
unsigned HOST_WIDE_INT
slot_alignment (gcall *call)
{
  unsigned HOST_WIDE_INT align = malloc_alignment ();
  if (!gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC))
    return align;
  tree arg = gimple_call_arg (call, 0);
  if (TREE_CODE (arg) != INTEGER_CST || !tree_fits_uhwi_p (arg))
    return 0;
  unsigned HOST_WIDE_INT asked = tree_to_uhwi (arg);
  if (!pow2p_hwi (asked) || asked > max_stack_alignment)
    return 0;
  return MAX (align, asked);
}

/* ---- Where the pointer of a free call comes from.  */

/* The allocation calls PTR may hold, following copies, pointer
   conversions and (if THROUGH_PHIS) PHIs.  False if it may hold anything
   else but a null pointer.  */
bool
trace_pointer (tree ptr, bool through_phis, hash_set<gimple *> *visited,
	       auto_vec<gcall *> *calls)
{
  if (integer_zerop (ptr))
    return true;
  if (TREE_CODE (ptr) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (ptr))
    return false;
  gimple *def = SSA_NAME_DEF_STMT (ptr);
  if (visited->add (def))
    return true;
  if (gcall *call = dyn_cast <gcall *> (def))
    {
      calls->safe_push (call);
      return true;
    }
  if (gphi *phi = dyn_cast <gphi *> (def))
    {
      if (!through_phis)
	return false;
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	if (!trace_pointer (gimple_phi_arg_def (phi, i), true, visited, calls))
	  return false;
      return true;
    }
  if (gassign *assign = dyn_cast <gassign *> (def))
    {
      tree rhs = gimple_assign_rhs1 (assign);
      enum tree_code code = gimple_assign_rhs_code (assign);
      if ((code == SSA_NAME || CONVERT_EXPR_CODE_P (code))
	  && POINTER_TYPE_P (TREE_TYPE (rhs)))
	return trace_pointer (rhs, through_phis, visited, calls);
    }
  return false;
}

/* The candidate for CALL, or NULL.  */
candidate *
candidate_for (vec<candidate> &cands, gimple *call)
{
  for (candidate &c : cands)
    if (c.site->call == call)
      return &c;
  return NULL;
}

/* Does the free call FREE_CALL free exactly the allocation ALLOC_CALL of
   this iteration (its result, with no PHI in between)?  */
bool
frees_exactly (gcall *free_call, gcall *alloc_call)
{
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  return trace_pointer (gimple_call_arg (free_call, 0), false, &visited,
			&calls)
	 && calls.length () == 1 && calls[0] == alloc_call;
}

/* ---- Loops.  */

/* Can control flow from CALL back to CALL?  If MUST_FREES is given, paths
   through one of its statements do not count.  */
bool
reaches_itself (gcall *call, hash_set<gimple *> *must_frees)
{
  basic_block home = gimple_bb (call);
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  /* A free later in the block ends every path; without frees to look for,
     the rest of the block need not be read.  */
  if (must_frees)
    for (gsi_next (&gsi); !gsi_end_p (gsi); gsi_next (&gsi))
      if (must_frees->contains (gsi_stmt (gsi)))
	return false;
  auto_bitmap visited;
  auto_vec<basic_block> work;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, home->succs)
    work.safe_push (e->dest);
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      if (bb == home)
	return true;
      if (!bitmap_set_bit (visited, bb->index))
	continue;
      bool freed = false;
      if (must_frees)
	for (gsi = gsi_start_bb (bb); !gsi_end_p (gsi) && !freed;
	     gsi_next (&gsi))
	  freed = must_frees->contains (gsi_stmt (gsi));
      if (freed)
	continue;
      FOR_EACH_EDGE (e, ei, bb->succs)
	work.safe_push (e->dest);
    }
  return false;
}

/* An allocation in a loop may be moved if each iteration frees it before
   the next one allocates it again.  */
bool
dead_before_next_iteration (const candidate &c, const escape_sites &sites)
{
  if (!reaches_itself (c.site->call, NULL))
    return true;
  hash_set<gimple *> must_frees;
  for (const escape_free_site &f : sites.frees)
    if (frees_exactly (f.call, c.site->call))
      must_frees.add (f.call);
  return !reaches_itself (c.site->call, &must_frees);
}

/* ---- Recursion.  */

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
bool
may_recurse (struct esc_unit *unit, function *fun)
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

/* ---- Decisions.  */

/* The reason, if any, that C cannot be moved on its own.  */
const char *
first_refusal (struct esc_unit *unit, esc_fn fn, const candidate &c,
	       const escape_sites &sites, function *fun,
	       const struct escape_options *options, bool *recursion_known,
	       bool *recursive)
{
  static char buf[128];
  const escape_alloc_site *site = c.site;
  if (!movable_allocator_p (site->call))
    return "only malloc, calloc and aligned_alloc are moved";
  if (!site->size_known)
    return "size is not a constant";
  if (site->size > options->stackify_max)
    {
      snprintf (buf, sizeof buf, "larger than stackify-max (%lu bytes)",
		options->stackify_max);
      return buf;
    }
  if (!c.align_bytes)
    return "alignment is not a constant power of two up to 4096";
  if (fun->calls_setjmp)
    return "function calls setjmp";
  if (!options->stackify_recursive)
    {
      if (!*recursion_known)
	{
	  *recursive = may_recurse (unit, fun);
	  *recursion_known = true;
	}
      if (*recursive)
	return "function may recurse (see stackify-recursive)";
    }
  if (esc_freed_elsewhere (unit, fn, site->object))
    return "freed or used as heap memory by a function that was not "
	   "inlined";
  if (!dead_before_next_iteration (c, sites))
    return "may outlive a loop iteration";
  return NULL;
}

/* Withdraws a moved candidate freed by a free call that stays.  */
bool
withdraw_freed (candidate *c)
{
  if (!c || !c->moved)
    return false;
  c->moved = false;
  c->refusal = "freed through a pointer that may hold another allocation";
  return true;
}

/* Can the free call F go: does it free moved allocations only (or a null
   pointer)?  Its pointer is traced to allocation calls through copies and
   PHIs; when it comes from elsewhere (a load: free (v->buf)), it may still
   go if it points only to this function's own memory, all of it moved.  */
bool
free_removable (struct esc_unit *unit, esc_fn fn, const escape_free_site &f,
		vec<candidate> &cands)
{
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  if (trace_pointer (gimple_call_arg (f.call, 0), true, &visited, &calls))
    {
      for (gcall *call : calls)
	{
	  candidate *c = candidate_for (cands, call);
	  if (!c || !c->moved)
	    return false;
	}
      return !calls.is_empty ();
    }
  if (!esc_pointee_own (unit, fn, f.ptr))
    return false;
  bool any = false;
  for (const candidate &c : cands)
    if (esc_may_point_to (unit, fn, f.ptr, c.site->object))
      {
	if (!c.moved)
	  return false;
	any = true;
      }
  return any;
}

/* A free call F that may free something staying on the heap stays too, so
   nothing it may free can be moved: when its pointer is traced to its
   allocation calls, those; otherwise whatever it may point to.  */
bool
check_free (struct esc_unit *unit, esc_fn fn, const escape_free_site &f,
	    vec<candidate> &cands)
{
  if (free_removable (unit, fn, f, cands))
    return false;
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  bool changed = false;
  if (trace_pointer (gimple_call_arg (f.call, 0), true, &visited, &calls))
    for (gcall *call : calls)
      changed |= withdraw_freed (candidate_for (cands, call));
  else
    for (candidate &c : cands)
      if (esc_may_point_to (unit, fn, f.ptr, c.site->object))
	changed |= withdraw_freed (&c);
  return changed;
}

/* Keeps the moved allocations within the frame budget, in statement
   order.  */
bool
check_budget (vec<candidate> &cands, const struct escape_options *options)
{
  static char buf[128];
  unsigned HOST_WIDE_INT used = 0;
  bool changed = false;
  for (candidate &c : cands)
    {
      if (!c.moved)
	continue;
      unsigned HOST_WIDE_INT size = MAX (c.site->size, 1);
      if (used + size > options->stackify_frame_max)
	{
	  c.moved = false;
	  snprintf (buf, sizeof buf,
		    "frame budget used up (stackify-frame-max %lu bytes)",
		    options->stackify_frame_max);
	  c.refusal = buf;
	  changed = true;
	}
      else
	used += size;
    }
  return changed;
}

void
decide (struct esc_unit *unit, esc_fn fn, function *fun,
	const escape_sites &sites, const struct escape_options *options,
	vec<candidate> &cands)
{
  bool recursion_known = false, recursive = false;
  for (const escape_alloc_site &site : sites.allocs)
    {
      candidate c = { &site, false, NULL, slot_alignment (site.call) };
      if (esc_object_verdict (unit, fn, site.object).kind != ESC_R_NONE)
	continue;
      c.refusal = first_refusal (unit, fn, c, sites, fun, options,
				 &recursion_known, &recursive);
      c.moved = !c.refusal;
      cands.safe_push (c);
    }
  /* Withdrawing one candidate can make a free call irremovable, which
     withdraws others: repeat until nothing changes.  */
  bool changed = true;
  while (changed)
    {
      changed = false;
      for (const escape_free_site &f : sites.frees)
	changed |= check_free (unit, fn, f, cands);
      changed |= check_budget (cands, options);
    }
}

/* ---- The rewrite.  */

tree
make_slot (const candidate &c)
{
  unsigned HOST_WIDE_INT size = MAX (c.site->size, 1);
  tree type = build_array_type_nelts (char_type_node, size);
  tree slot = create_tmp_var (type, "escape_slot");
  SET_DECL_ALIGN (slot, c.align_bytes * BITS_PER_UNIT);
  DECL_USER_ALIGN (slot) = 1;
  TREE_ADDRESSABLE (slot) = 1;
  return slot;
}

/* Removes STMT's virtual definition from the IL.  */
void
unlink_vdef (gimple *stmt)
{
  tree vdef = gimple_vdef (stmt);
  unlink_stmt_vdef (stmt);
  if (vdef && TREE_CODE (vdef) == SSA_NAME)
    release_ssa_name (vdef);
}

void
move_allocation (const candidate &c, tree slot)
{
  gcall *call = c.site->call;
  gimple_stmt_iterator gsi = gsi_for_stmt (call);
  tree lhs = gimple_call_lhs (call);
  location_t loc = gimple_location (call);
  unlink_vdef (call);
  if (!lhs)
    {
      gsi_remove (&gsi, true);
      return;
    }
  gassign *assign
    = gimple_build_assign (lhs, build_fold_addr_expr_with_type
				  (slot, TREE_TYPE (lhs)));
  gimple_set_location (assign, loc);
  gsi_replace (&gsi, assign, true);
  if (gimple_call_builtin_p (call, BUILT_IN_CALLOC))
    {
      gassign *zero = gimple_build_assign (slot, build_constructor
						   (TREE_TYPE (slot), NULL));
      gimple_set_location (zero, loc);
      gsi_insert_after (&gsi, zero, GSI_NEW_STMT);
    }
}

/* A free call of moved allocations: the end of the slot's life if it
   always frees the same one (never a null pointer, never another), else
   nothing.  */
void
remove_free (gcall *free_call, vec<candidate> &cands, vec<tree> &slots)
{
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  trace_pointer (gimple_call_arg (free_call, 0), true, &visited, &calls);
  gimple_stmt_iterator gsi = gsi_for_stmt (free_call);
  bool one_slot = calls.length () == 1 && frees_exactly (free_call, calls[0]);
  unlink_vdef (free_call);
  if (!one_slot)
    {
      gsi_remove (&gsi, true);
      return;
    }
  candidate *c = candidate_for (cands, calls[0]);
  tree slot = slots[c - cands.address ()];
  gassign *clobber = gimple_build_assign (slot, build_clobber (TREE_TYPE
							       (slot)));
  gimple_set_location (clobber, gimple_location (free_call));
  gsi_replace (&gsi, clobber, true);
}

bool
rewrite (struct esc_unit *unit, esc_fn fn, const escape_sites &sites,
	 vec<candidate> &cands)
{
  auto_vec<tree> slots;
  bool changed = false;
  for (const candidate &c : cands)
    slots.safe_push (c.moved ? make_slot (c) : NULL_TREE);
  /* Frees first: they are found by tracing from the allocation calls.  */
  auto_vec<gcall *> frees;
  for (const escape_free_site &f : sites.frees)
    if (free_removable (unit, fn, f, cands))
      frees.safe_push (f.call);
  for (gcall *free_call : frees)
    remove_free (free_call, cands, slots);
  for (unsigned i = 0; i < cands.length (); i++)
    if (cands[i].moved)
      {
	move_allocation (cands[i], slots[i]);
	changed = true;
      }
  return changed || !frees.is_empty ();
}

void
note_decisions (const vec<candidate> &cands)
{
  for (const candidate &c : cands)
    {
      char text[512];
      if (c.moved)
	snprintf (text, sizeof text,
		  "allocation of " HOST_WIDE_INT_PRINT_UNSIGNED " byte%s "
		  "moved to stack", c.site->size,
		  c.site->size == 1 ? "" : "s");
      else if (c.site->size_known)
	snprintf (text, sizeof text,
		  "allocation of " HOST_WIDE_INT_PRINT_UNSIGNED " byte%s does "
		  "not escape; stays on heap: %s", c.site->size,
		  c.site->size == 1 ? "" : "s", c.refusal);
      else
	snprintf (text, sizeof text,
		  "allocation of unknown size does not escape; stays on heap: "
		  "%s", c.refusal);
      escape_stackify_note (gimple_location (c.site->call), text);
    }
}

} // anon namespace

unsigned int
escape_stackify (struct esc_unit *unit, function *fun,
		 const struct escape_options *options)
{
  escape_sites sites;
  esc_fn fn = escape_extract_late (unit, fun, &sites);
  bool changed = false;
  if (!sites.allocs.is_empty ())
    {
      auto_vec<candidate> cands;
      esc_late_solve (unit, fn);
      decide (unit, fn, fun, sites, options, cands);
      if (options->report == ESCAPE_REPORT_ALL)
	note_decisions (cands);
      changed = rewrite (unit, fn, sites, cands);
    }
  esc_late_end (unit, fn);
  if (!changed)
    return 0;
  mark_virtual_operands_for_renaming (fun);
  cgraph_edge::rebuild_edges ();
  return TODO_update_ssa | TODO_cleanup_cfg | TODO_rebuild_alias;
}
