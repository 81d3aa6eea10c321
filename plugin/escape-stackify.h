/* escape-stackify.h -- what the stackify pass's files share: the
   candidates and what was decided about them.

     escape-stackify.cc		the pass: which allocations move, and why
				not, and its notes;
     escape-stackify-rewrite.cc	the rewrite of those that move.  */

#ifndef ESCAPE_STACKIFY_H
#define ESCAPE_STACKIFY_H

namespace stackify {

/* What the pass decided about one allocation call.  */
struct candidate
{
  const escape_alloc_site *site;
  bool moved;
  const char *refusal;		/* why not, while !moved */
  enum escape_refusal refusal_kind;  /* the same, for its rule */
  unsigned HOST_WIDE_INT align_bytes;
  unsigned HOST_WIDE_INT slot_size;
  bool resized;			/* given to realloc, which stays guarded */
  bool bounded;			/* a run-time size GCC's ranges bound by
				   stackify-max: the slot is always taken */
  unsigned HOST_WIDE_INT bound;	/* then the bound */
  bool flagged;			/* in a loop, a block may outlive its
				   iteration: the slot is taken only while
				   free */
  bool budgeted;		/* the function may recurse: the slot is in
				   the region it takes from the thread's
				   stack budget (escape-budget.cc) */
};

/* The alignment of a region taken from the thread's budget: what malloc
   gives.  A slot that needs more stays on the heap in a function that may
   recurse.  */
const unsigned HOST_WIDE_INT max_region_alignment = 16;

/* Is C an allocation of run-time size, that GCC's ranges do not bound?  */
inline bool
run_time_size_p (const candidate &c)
{
  return !c.site->size_known && !c.bounded;
}

/* Is C's slot taken only when a test at run time allows: its size fits,
   its slot is free, or the thread's budget gave the function a region
   (escape-guard.cc)?  */
inline bool
guarded_p (const candidate &c)
{
  return run_time_size_p (c) || c.flagged || c.budgeted;
}

/* Do C's frees stay, and skip its slot: it is guarded, or realloc may have
   moved it to the heap?  */
inline bool
frees_stay_p (const candidate &c)
{
  return guarded_p (c) || c.resized;
}

/* Is C moved with its frees removed?  */
inline bool
frees_go_p (const candidate *c)
{
  return c && c->moved && !frees_stay_p (*c);
}

/* The allocation calls the pass judges, and where each is in the list.  */
struct candidates
{
  auto_vec<candidate> list;
  hash_map<gimple *, unsigned> place;
};

/* escape-stackify.cc: the allocation calls PTR may hold (trace_pointer,
   which says how), the candidate for CALL (or NULL), and whether the free
   call F can go: it frees moved allocations only.  */
bool trace_pointer (candidates &cands, tree ptr, bool through_phis,
		    hash_set<gimple *> *visited, auto_vec<gcall *> *calls);
candidate *candidate_for (candidates &cands, gimple *call);
bool free_removable (struct esc_unit *unit, esc_fn fn,
		     const escape_free_site &f, candidates &cands);

/* escape-stackify-rewrite.cc: may the realloc site R resize the moved
   candidate C; and the rewrite of the moved candidates of CANDS (true if
   the function changed).  */
bool resizes_p (struct esc_unit *unit, esc_fn fn, const escape_free_site &r,
		const candidate &c);
bool rewrite (struct esc_unit *unit, esc_fn fn, const escape_sites &sites,
	      candidates &cands, const struct escape_options *options);

} // namespace stackify

#endif /* ESCAPE_STACKIFY_H */
