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

   - it must not escape, and be malloc, calloc, aligned_alloc or one of the
     program's allocators (escape-allocators.cc) with a constant size of at
     most stackify-max bytes, or a size known only at run time (it then
     gets a slot of stackify-max bytes, taken when the size fits:
     escape-guard.cc), within the function's stackify-frame-max budget, in
     a function that does not call setjmp; in a function that may recurse,
     its slot is in a region the function takes from the thread's stack
     budget (escape-budget.cc), unless stackify-recursive puts it in the
     frame;
   - if realloc resizes it, its slot has stackify-max bytes, each such
     realloc keeps it there while it fits and copies it to the heap beyond,
     and its frees stay, skipping the slot;
   - every free call that may free it must free nothing but allocations that
     are moved too (or a null pointer), so that it can be removed; nothing
     else may free it (a callee that was not inlined, for instance);
   - inside a loop, one slot serves every iteration when no block of one
     iteration is used after the call runs again (escape-loops.cc);
     otherwise the slot gets a flag and is taken only while it is free,
     the allocator serving the call while it is taken (escape-guard.cc),
     and its frees stay, skipping the slot.

   A moved call becomes "p = &slot" (a char array aligned for any object, or
   as aligned_alloc asked), calloc's gets "slot = {}", and its frees become
   clobbers of the slot (GCC's end-of-life marker) or disappear; a guarded
   one takes its slot when a test allows (escape-stackify-rewrite.cc).  */

#include "escape-gcc.h"
#include "escape-stackify.h"

namespace stackify {

/* ---- Where the pointer of a free call comes from.  */

/* The allocation calls PTR may hold, following copies, pointer
   conversions and (if THROUGH_PHIS) PHIs.  False if it may hold anything
   else but a null pointer: the result of a call that is not one of CANDS
   (free (id (p)) frees whatever id returns).  */
bool
trace_pointer (candidates &cands, tree ptr, bool through_phis,
	       hash_set<gimple *> *visited, auto_vec<gcall *> *calls)
{
  if (integer_zerop (ptr))
    return true;
  gimple *def = escape_pointer_source (ptr);
  if (!def)
    return false;
  if (visited->add (def))
    return true;
  if (gcall *call = dyn_cast <gcall *> (def))
    {
      if (!cands.place.get (call))
	return false;
      calls->safe_push (call);
      return true;
    }
  gphi *phi = dyn_cast <gphi *> (def);
  if (!phi || !through_phis)
    return false;
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    if (!trace_pointer (cands, gimple_phi_arg_def (phi, i), true, visited,
			calls))
      return false;
  return true;
}

/* The candidate for CALL, or NULL.  */
candidate *
candidate_for (candidates &cands, gimple *call)
{
  unsigned *place = cands.place.get (call);
  return place ? &cands.list[*place] : NULL;
}

namespace {

/* ---- Decisions.  */

/* What the pass learns of the function, once, when a candidate first
   asks.  */
struct function_facts
{
  function *fun;
  int recursive;		/* -1 until asked */
  auto_vec<int> component;	/* of each block (escape_cfg_cycles); empty until
				   asked */
};

bool
function_may_recurse (struct esc_unit *unit, function_facts *facts)
{
  if (facts->recursive < 0)
    facts->recursive = escape_may_recurse (unit, facts->fun);
  return facts->recursive;
}

const vec<int> &
cfg_components (function_facts *facts)
{
  if (facts->component.is_empty ())
    escape_cfg_cycles (facts->fun, &facts->component);
  return facts->component;
}

/* Is the realloc call R one the pass rewrites for a slot: realloc itself,
   which cannot throw, its result in a register or unused?  */
bool
rewritable_realloc_p (function *fun, gcall *r)
{
  tree lhs = gimple_call_lhs (r);
  return gimple_call_builtin_p (r, BUILT_IN_REALLOC)
	 && !stmt_could_throw_p (fun, r)
	 && (!lhs || TREE_CODE (lhs) == SSA_NAME);
}

/* The name of a call of this function that resizes C and cannot be
   rewritten (reallocarray, or a realloc that may throw or stores its result
   in memory), or NULL.  A realloc in a callee is "freed elsewhere".  */
const char *
unmovable_resizer (struct esc_unit *unit, esc_fn fn, function *fun,
		   const candidate &c, const escape_sites &sites)
{
  if (!c.resized)
    return NULL;
  for (const escape_free_site &r : sites.reallocs)
    if (esc_may_point_to (unit, fn, r.ptr, c.site->object)
	&& !rewritable_realloc_p (fun, r.call))
      return IDENTIFIER_POINTER (DECL_NAME (gimple_call_fndecl (r.call)));
  return NULL;
}

/* TEXT, after setting *KIND to WHY.  */
const char *
refuse (enum escape_refusal *kind, enum escape_refusal why, const char *text)
{
  *kind = why;
  return text;
}

/* The reason, if any, that C cannot be moved on its own, and its KIND.  */
const char *
refusal_text (struct esc_unit *unit, esc_fn fn, const candidate &c,
	      const escape_sites &sites, function_facts *facts,
	      const struct escape_options *options, enum escape_refusal *kind)
{
  static char buf[128];
  const escape_alloc_site *site = c.site;
  const escape_allocator *a = escape_allocator_of_entry (site->entry);
  if (!a && !escape_builtin_movable_p (site->call))
    return refuse (kind, ESCAPE_REFUSAL_NOT_MOVABLE,
		   "only malloc, calloc, aligned_alloc and the program's "
		   "allocators are moved");
  if (a && !a->sized)
    {
      snprintf (buf, sizeof buf, "the size '%s' allocates is not known: "
		"declare it with alloc_size", a->entry.name);
      return refuse (kind, ESCAPE_REFUSAL_ALLOCATOR_SIZE, buf);
    }
  if (a && stmt_could_throw_p (facts->fun, site->call))
    return refuse (kind, ESCAPE_REFUSAL_ALLOCATOR_THROWS,
		   "the allocator may throw an exception");
  if (!site->size_known && !options->stackify_max)
    return refuse (kind, ESCAPE_REFUSAL_RUN_TIME_SIZE,
		   "size is not a constant, and stackify-max is 0");
  if (site->size_known && site->size > options->stackify_max)
    {
      snprintf (buf, sizeof buf, "larger than stackify-max (%lu bytes)",
		options->stackify_max);
      return refuse (kind, ESCAPE_REFUSAL_TOO_LARGE, buf);
    }
  if (!c.align_bytes)
    return refuse (kind, ESCAPE_REFUSAL_ALIGNMENT,
		   "alignment is not a constant power of two up to 4096");
  if (facts->fun->calls_setjmp)
    return refuse (kind, ESCAPE_REFUSAL_SETJMP, "function calls setjmp");
  if (c.budgeted && (c.slot_size > options->stackify_recursive_max
		     || c.align_bytes > max_region_alignment))
    return refuse (kind, ESCAPE_REFUSAL_RECURSIVE,
		   "function may recurse (see stackify-recursive-max)");
  if (const char *resizer = unmovable_resizer (unit, fn, facts->fun, c,
						   sites))
    {
      snprintf (buf, sizeof buf, "resized by '%s'", resizer);
      return refuse (kind, ESCAPE_REFUSAL_RESIZED, buf);
    }
  if (esc_freed_elsewhere (unit, fn, site->object))
    return refuse (kind, ESCAPE_REFUSAL_FREED_ELSEWHERE,
		   "freed or used as heap memory by a function that was "
		   "not inlined");
  return refuse (kind, ESCAPE_REFUSAL_NONE, NULL);
}

/* May a block C allocates in a loop still be used when the call runs
   again, so that one slot cannot serve every iteration unguarded?  */
bool
may_outlive_iteration (const candidate &c, const escape_sites &sites,
		       function_facts *facts)
{
  return !escape_dead_before_next_iteration (c.site->call, sites,
					     cfg_components (facts))
	 && !escape_unused_after_next_run (c.site->call);
}

/* Withdraws a moved candidate freed by a free call that stays.  */
bool
withdraw_freed (candidate *c)
{
  if (!frees_go_p (c))
    return false;
  c->moved = false;
  c->refusal = "freed through a pointer that may hold another allocation";
  c->refusal_kind = ESCAPE_REFUSAL_SHARED_FREE;
  return true;
}

}  // anon namespace

/* Can the free call F go: does it free moved allocations only (or a null
   pointer)?  Its pointer is traced to allocation calls through copies and
   PHIs; when it comes from elsewhere (a load: free (v->buf)), it may still
   go if it points only to this function's own memory, all of it moved.  */
bool
free_removable (struct esc_unit *unit, esc_fn fn, const escape_free_site &f,
		candidates &cands)
{
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  if (trace_pointer (cands, escape_freed_pointer (f.call), true, &visited,
		     &calls))
    {
      for (gcall *call : calls)
	{
	  if (!frees_go_p (candidate_for (cands, call)))
	    return false;
	}
      return !calls.is_empty ();
    }
  if (!esc_pointee_own (unit, fn, f.ptr))
    return false;
  bool any = false;
  for (const candidate &c : cands.list)
    if (esc_may_point_to (unit, fn, f.ptr, c.site->object))
      {
	if (!frees_go_p (&c))
	  return false;
	any = true;
      }
  return any;
}

namespace {

/* A free call F that may free something staying on the heap stays too, so
   nothing it may free can be moved: when its pointer is traced to its
   allocation calls, those; otherwise whatever it may point to.  */
bool
check_free (struct esc_unit *unit, esc_fn fn, const escape_free_site &f,
	    candidates &cands)
{
  if (free_removable (unit, fn, f, cands))
    return false;
  hash_set<gimple *> visited;
  auto_vec<gcall *> calls;
  bool changed = false;
  if (trace_pointer (cands, escape_freed_pointer (f.call), true, &visited,
		     &calls))
    for (gcall *call : calls)
      changed |= withdraw_freed (candidate_for (cands, call));
  else
    for (candidate &c : cands.list)
      if (esc_may_point_to (unit, fn, f.ptr, c.site->object))
	changed |= withdraw_freed (&c);
  return changed;
}

/* Keeps the moved allocations within the frame budget, in statement
   order.  */
bool
check_budget (candidates &cands, const struct escape_options *options)
{
  static char buf[128];
  unsigned HOST_WIDE_INT used = 0;
  bool changed = false;
  for (candidate &c : cands.list)
    {
      if (!c.moved)
	continue;
      unsigned HOST_WIDE_INT size = c.slot_size;
      if (used + size > options->stackify_frame_max)
	{
	  c.moved = false;
	  snprintf (buf, sizeof buf,
		    "frame budget used up (stackify-frame-max %lu bytes)",
		    options->stackify_frame_max);
	  c.refusal = buf;
	  c.refusal_kind = ESCAPE_REFUSAL_FRAME_BUDGET;
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
	candidates &cands)
{
  function_facts facts;
  facts.fun = fun;
  facts.recursive = -1;
  /* GCC's ranges at each call, for run-time sizes: made when first
     needed.  */
  gimple_ranger *ranges = NULL;
  for (const escape_alloc_site &site : sites.allocs)
    {
      if (esc_object_verdict (unit, fn, site.object).kind != ESC_R_NONE)
	continue;
      bool resized = esc_reallocated (unit, fn, site.object);
      unsigned HOST_WIDE_INT bound = site.size;
      bool bounded = false;
      if (!site.size_known && options->stackify_max)
	{
	  if (!ranges)
	    ranges = escape_enable_ranger (fun);
	  bounded = escape_size_bound (ranges, site, &bound)
		    && bound <= options->stackify_max;
	}
      bool fixed = site.size_known || bounded;
      /* A block that realloc may grow gets room to grow in.  */
      unsigned HOST_WIDE_INT slot_size
	= fixed && !resized ? MAX (bound, 1)
	  : MAX (fixed ? bound : 0,
		 (unsigned HOST_WIDE_INT) options->stackify_max);
      candidate c = { &site, false, NULL, ESCAPE_REFUSAL_NONE,
		      escape_slot_alignment (site), slot_size, resized,
		      bounded, bound, false,
		      !options->stackify_recursive
		      && function_may_recurse (unit, &facts) };
      c.refusal = refusal_text (unit, fn, c, sites, &facts, options,
				&c.refusal_kind);
      c.moved = !c.refusal;
      c.flagged = c.moved && may_outlive_iteration (c, sites, &facts);
      cands.place.put (site.call, cands.list.length ());
      cands.list.safe_push (c);
    }
  if (ranges)
    escape_disable_ranger (fun, ranges);
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

/* The slot size of a moved candidate the realloc call CALL may resize, or
   0.  */
unsigned HOST_WIDE_INT
grown_slot (struct esc_unit *unit, esc_fn fn, gimple *call,
	    const escape_sites &sites, const candidates &cands)
{
  for (const escape_free_site &r : sites.reallocs)
    if (r.call == call)
      for (const candidate &c : cands.list)
	if (resizes_p (unit, fn, r, c))
	  return c.slot_size;
  return 0;
}

/* Appends FORMAT's text to the note TEXT of SIZE bytes.  */
void ATTRIBUTE_PRINTF_3
append_note (char *text, size_t size, const char *format, ...)
{
  size_t used = strlen (text);
  va_list ap;
  va_start (ap, format);
  vsnprintf (text + used, size - used, format, ap);
  va_end (ap);
}

/* The note on a moved candidate C.  */
void
moved_note (const candidate &c, const struct escape_options *options,
	    char *text, size_t size)
{
  text[0] = 0;
  if (run_time_size_p (c))
    append_note (text, size, "allocation of run-time size moved to stack "
		 "when it fits " HOST_WIDE_INT_PRINT_UNSIGNED " bytes%s",
		 c.slot_size, c.flagged ? " and its slot is free" : "");
  else if (c.bounded)
    append_note (text, size, "allocation of at most "
		 HOST_WIDE_INT_PRINT_UNSIGNED " byte%s moved to stack",
		 c.bound, c.bound == 1 ? "" : "s");
  else
    append_note (text, size, "allocation of " HOST_WIDE_INT_PRINT_UNSIGNED
		 " byte%s moved to stack", c.site->size,
		 c.site->size == 1 ? "" : "s");
  if (c.flagged)
    append_note (text, size, "%s (heap otherwise: the block of an earlier "
		 "iteration may still be in use)",
		 run_time_size_p (c) ? "" : " while its slot is free");
  else if (run_time_size_p (c))
    append_note (text, size, " (heap otherwise)");
  if (c.resized)
    append_note (text, size, "; realloc grows it in place up to "
		 HOST_WIDE_INT_PRINT_UNSIGNED " bytes (heap beyond)",
		 c.slot_size);
  if (c.budgeted)
    append_note (text, size, "; the function may recurse: its slot is "
		 "taken from a stack budget of %lu bytes per thread (heap "
		 "once it is spent)", options->stackify_recursive_max);
}

void
note_decisions (struct esc_unit *unit, esc_fn fn, const escape_sites &sites,
		const candidates &cands, const struct escape_options *options)
{
  for (const candidate &c : cands.list)
    {
      char text[512], size[64] = "unknown size";
      if (c.site->size_known)
	snprintf (size, sizeof size, HOST_WIDE_INT_PRINT_UNSIGNED " byte%s",
		  c.site->size, c.site->size == 1 ? "" : "s");
      unsigned HOST_WIDE_INT grows = c.moved ? 0
	: grown_slot (unit, fn, c.site->call, sites, cands);
      struct escape_note_kind kind = { ESCAPE_VERDICT_STAYS_ON_HEAP,
				       ESC_R_NONE, c.refusal_kind };
      if (c.moved)
	{
	  kind.verdict = ESCAPE_VERDICT_MOVED;
	  moved_note (c, options, text, sizeof text);
	}
      else if (grows)
	{
	  kind.verdict = ESCAPE_VERDICT_GROWS_MOVED;
	  snprintf (text, sizeof text, "allocation of %s does not escape; "
		    "grows a block moved to stack: in its slot up to "
		    HOST_WIDE_INT_PRINT_UNSIGNED " bytes, on the heap beyond",
		    size, grows);
	}
      else
	snprintf (text, sizeof text, "allocation of %s does not escape; "
		  "stays on heap: %s", size, c.refusal);
      escape_stackify_note (gimple_location (c.site->call), text, kind);
    }
}

/* What became of each candidate, for escape_assert_stack
   (escape-attributes.cc).  */
void
tell_marks (const candidates &cands)
{
  for (const candidate &c : cands.list)
    escape_stack_decision (gimple_location (c.site->call),
			   c.moved ? NULL : c.refusal ? c.refusal : "not moved");
}

} // anon namespace

} // namespace stackify

using namespace stackify;

gimple *
escape_pointer_source (tree ptr)
{
  while (TREE_CODE (ptr) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (ptr))
    {
      gimple *def = SSA_NAME_DEF_STMT (ptr);
      gassign *assign = dyn_cast <gassign *> (def);
      if (!assign)
	return def;
      tree rhs = gimple_assign_rhs1 (assign);
      enum tree_code code = gimple_assign_rhs_code (assign);
      if ((code != SSA_NAME && !CONVERT_EXPR_CODE_P (code))
	  || !POINTER_TYPE_P (TREE_TYPE (rhs)))
	return def;
      ptr = rhs;
    }
  return NULL;
}

bool
escape_frees_exactly (gcall *free_call, gcall *alloc_call)
{
  return escape_pointer_source (escape_freed_pointer (free_call)) == alloc_call;
}

unsigned int
escape_stackify (struct esc_unit *unit, function *fun,
		 const struct escape_options *options)
{
  if (!escape_calls_allocator_p (fun))
    return 0;
  escape_sites sites;
  esc_fn fn = escape_extract_late (unit, fun, &sites);
  bool changed = false;
  if (!sites.allocs.is_empty ())
    {
      candidates cands;
      esc_late_solve (unit, fn);
      decide (unit, fn, fun, sites, options, cands);
      if (options->report == ESCAPE_REPORT_ALL)
	note_decisions (unit, fn, sites, cands, options);
      tell_marks (cands);
      changed = rewrite (unit, fn, sites, cands, options);
    }
  esc_late_end (unit, fn);
  if (!changed)
    return 0;
  mark_virtual_operands_for_renaming (fun);
  cgraph_edge::rebuild_edges ();
  return TODO_update_ssa | TODO_cleanup_cfg | TODO_rebuild_alias;
}
