/* escape-stackify-rewrite.cc -- the rewrite of the allocations the
   stackify pass moves (escape-stackify.cc decides which): each gets a slot
   (a char array of the frame, or a place in the region a function that may
   recurse takes from the thread's budget: escape-budget.cc), and a flag
   when a loop's blocks may outlive their iteration; a call of constant
   size becomes the slot's address and loses its frees, a guarded one
   (escape-guard.cc) takes the slot when a test allows and keeps its frees,
   which skip the slot.  */

#include "escape-gcc.h"
#include "escape-stackify.h"

namespace stackify {

namespace {

tree
make_slot (const candidate &c)
{
  tree type = build_array_type_nelts (char_type_node, c.slot_size);
  tree slot = create_tmp_var (type, "escape_slot");
  SET_DECL_ALIGN (slot, c.align_bytes * BITS_PER_UNIT);
  DECL_USER_ALIGN (slot) = 1;
  TREE_ADDRESSABLE (slot) = 1;
  return slot;
}

/* The slots of the moved candidates of CANDS, in *SLOTS (one per
   candidate): arrays of the frame, or places in the region the function
   takes from the thread's budget when it may recurse; with their flags.  */
void
make_slots (const candidates &cands, const struct escape_options *options,
	    vec<escape_slot> *slots)
{
  unsigned HOST_WIDE_INT region_bytes = 0;
  for (const candidate &c : cands.list)
    {
      escape_slot slot = { NULL_TREE, NULL_TREE, 0, c.slot_size, NULL_TREE };
      if (c.moved && c.budgeted)
	{
	  slot.offset = ROUND_UP (region_bytes, max_region_alignment);
	  region_bytes = slot.offset + c.slot_size;
	}
      else if (c.moved)
	slot.decl = make_slot (c);
      if (c.moved && c.flagged)
	slot.flag = escape_make_frame_var (cfun, boolean_type_node,
					   "escape_taken");
      slots->safe_push (slot);
    }
  if (!region_bytes)
    return;
  tree region = escape_take_region (cfun, region_bytes, max_region_alignment,
				    options->stackify_recursive_max);
  for (unsigned i = 0; i < cands.list.length (); i++)
    if (cands.list[i].moved && cands.list[i].budgeted)
      (*slots)[i].region = region;
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
  if (escape_slot_cleared_p (*c.site))
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
remove_free (gcall *free_call, candidates &cands,
	     const vec<escape_slot> &slots)
{
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  trace_pointer (cands, escape_freed_pointer (free_call), true, &visited,
		 &calls);
  gimple_stmt_iterator gsi = gsi_for_stmt (free_call);
  bool one_slot = calls.length () == 1 && escape_frees_exactly (free_call, calls[0]);
  unlink_vdef (free_call);
  if (!one_slot)
    {
      gsi_remove (&gsi, true);
      return;
    }
  candidate *c = candidate_for (cands, calls[0]);
  tree slot = slots[c - cands.list.address ()].decl;
  gassign *clobber = gimple_build_assign (slot, build_clobber (TREE_TYPE
							       (slot)));
  gimple_set_location (clobber, gimple_location (free_call));
  gsi_replace (&gsi, clobber, true);
}

/* Every free call that stays frees nothing when given a guarded slot's
   address: the slot's address may have reached it any way.  */
void
guard_kept_frees (const escape_sites &sites, const vec<gcall *> &removed,
		  const candidates &cands, const vec<escape_slot> &slots)
{
  for (const escape_free_site &f : sites.frees)
    {
      if (removed.contains (f.call))
	continue;
      for (unsigned i = 0; i < cands.list.length (); i++)
	if (cands.list[i].moved && frees_stay_p (cands.list[i]))
	  escape_guard_free (f.call, slots[i]);
    }
}

}  // anon namespace

/* May the realloc site R resize the moved candidate C?  */
bool
resizes_p (struct esc_unit *unit, esc_fn fn, const escape_free_site &r,
	   const candidate &c)
{
  return c.moved && c.resized && esc_may_point_to (unit, fn, r.ptr,
						   c.site->object);
}

namespace {

/* Each realloc that may resize a moved candidate keeps it in its slot
   while it fits, and copies it to the heap beyond.  */
void
guard_reallocs (struct esc_unit *unit, esc_fn fn, const escape_sites &sites,
		const candidates &cands, const vec<escape_slot> &slots)
{
  for (const escape_free_site &r : sites.reallocs)
    for (unsigned i = 0; i < cands.list.length (); i++)
      if (resizes_p (unit, fn, r, cands.list[i]))
	escape_guard_realloc (r.call, slots[i]);
}

}  // anon namespace

bool
rewrite (struct esc_unit *unit, esc_fn fn, const escape_sites &sites,
	 candidates &cands, const struct escape_options *options)
{
  auto_vec<escape_slot> slots;
  bool changed = false;
  make_slots (cands, options, &slots);
  /* Frees first: they are found by tracing from the allocation calls.  */
  auto_vec<gcall *> frees;
  for (const escape_free_site &f : sites.frees)
    if (free_removable (unit, fn, f, cands))
      frees.safe_push (f.call);
  for (gcall *free_call : frees)
    remove_free (free_call, cands, slots);
  guard_kept_frees (sites, frees, cands, slots);
  guard_reallocs (unit, fn, sites, cands, slots);
  for (unsigned i = 0; i < cands.list.length (); i++)
    if (cands.list[i].moved)
      {
	const candidate &c = cands.list[i];
	if (guarded_p (c) && gimple_call_lhs (c.site->call))
	  escape_guard_allocation (c.site->call, c.site->entry,
				   escape_slot_cleared_p (*c.site), slots[i]);
	else
	  move_allocation (c, slots[i].decl);
	changed = true;
      }
  return changed || !frees.is_empty ();
}

} // namespace stackify
