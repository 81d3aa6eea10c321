/* escape-gcc.h -- the GCC headers the plugin's C++ files need, in the order
   GCC wants them, and the declarations shared between those files.  */

#ifndef ESCAPE_GCC_H
#define ESCAPE_GCC_H

/* What the plugin exports: the Makefile hides everything else.  */
#define ESCAPE_EXPORT __attribute__ ((visibility ("default")))

#include "gcc-plugin.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "tree.h"
#include "gimple.h"
#include "tree-pass.h"
#include "context.h"
#include "ssa.h"
#include "cgraph.h"
#include "gimple-iterator.h"
#include "gimple-walk.h"
#include "tree-into-ssa.h"
#include "alloc-pool.h"
#include "symbol-summary.h"
#include "symtab-clones.h"
#include "diagnostic-core.h"
#include "diagnostic.h"
#include "langhooks.h"
#include "stringpool.h"
#include "internal-fn.h"
#include "fold-const.h"
#include "stor-layout.h"
#include "gimple-fold.h"
#include "cfgloop.h"
#include "tree-cfg.h"
#include "builtins.h"
#include "attribs.h"
#include "tree-eh.h"
#include "escape-gcc-compat.h"

#include "escape-core.h"
#include "escape-libc.h"
#include "escape-sarif.h"

#define ESCAPE_PLUGIN_VERSION "0.2"

/* escape-layout.cc: the fields of struct TYPE (byte ranges, sorted and
   disjoint), false if it gets none; where the memory reference REF goes:
   its base (a decl, or a MEM_REF of a pointer) and the byte range from
   the base's start (for a MEM_REF, from where its pointer points), false
   if not a constant range; *EXACT if REF is all of that range (not one
   element of it at a variable index).  */
bool escape_struct_fields (tree type, auto_vec<uint64_t> *offsets,
			   auto_vec<uint64_t> *sizes);
bool escape_ref_range (tree ref, tree *base, int64_t *offset,
		       uint64_t *size, bool *exact);

/* escape-options.cc */
enum escape_report_mode
{
  ESCAPE_REPORT_NONE,
  ESCAPE_REPORT_ALL,
  ESCAPE_REPORT_ESCAPES
};

struct escape_options
{
  enum escape_report_mode report;
  bool stackify;
  bool stackify_recursive;
  unsigned long stackify_max;		/* bytes */
  unsigned long stackify_frame_max;	/* bytes per function */
  unsigned long stackify_recursive_max;	/* bytes per thread */
  const char *sarif;			/* the SARIF log's name, or NULL */
};

bool escape_parse_options (const struct plugin_name_args *info,
			   struct escape_options *options);

/* escape-extract.cc: turns one function (in SSA form) into its program in
   UNIT, and, FOR_REPORT, registers what the report will speak of.  */
void escape_extract_function (struct esc_unit *unit, function *fun,
			      bool for_report);

/* What the stackify pass needs of a function: its allocation calls and its
   free calls, with their nodes.  */
struct esc_libc_fn;
struct escape_alloc_site
{
  gcall *call;
  const struct esc_libc_fn *entry;
  bool size_known;
  unsigned HOST_WIDE_INT size;
  esc_node object;
};

struct escape_free_site
{
  gcall *call;
  esc_node ptr;
};

struct escape_sites
{
  auto_vec<escape_alloc_site> allocs;
  auto_vec<escape_free_site> frees;
  auto_vec<escape_free_site> reallocs;	/* the calls that resize (realloc) */
};

/* The libc table's entry for CALL of FNDECL: only for a function without
   a body here (or an "extern inline" stand-in), and only for the real
   builtin when the user's declaration does not match its signature.  */
const struct esc_libc_fn *escape_libc_entry (gcall *call, tree fndecl);

/* The function FNDECL was cloned from (IPA-CP, IPA-SRA), or FNDECL.  */
tree escape_origin_of (tree fndecl);

/* Does FUN call an allocator (of libc or the program's)?  Only then has
   the stackify pass anything to look at.  */
bool escape_calls_allocator_p (function *fun);

/* The function as it is now (after inlining), as a late function of the
   solved UNIT (esc_late_begin); fills SITES.  */
esc_fn escape_extract_late (struct esc_unit *unit, function *fun,
			    escape_sites *sites);

/* escape-frontend.cc: what the C front end hides from GIMPLE.  */
void escape_record_generic (tree fndecl);
bool escape_returned_local_p (tree decl, location_t *where);
bool escape_compound_literal_p (tree decl);

/* escape-report.cc: the items the notes are about, and the notes.  */
enum escape_item_kind
{
  ESCAPE_ITEM_LOCAL,
  ESCAPE_ITEM_ALLOCATION,
  ESCAPE_ITEM_PARAMETER
};

void escape_add_local (esc_fn fn, tree decl, esc_node node);
void escape_add_captured_local (esc_fn fn, tree decl, const char *nested_fn,
				location_t nested_loc);
void escape_add_allocation (esc_fn fn, location_t loc, bool size_known,
			    unsigned HOST_WIDE_INT size, esc_node node);
void escape_add_parameter (esc_fn fn, tree parm, unsigned index);
/* Does FNDECL get notes?  Not if GCC drops it when optimizing: a static
   function that nothing calls or takes the address of (at -O0 GCC keeps
   it, but its notes would then come and go with -O).  */
bool escape_reported_function_p (tree fndecl);
/* Turns the registered items into notes (held until escape_emit_notes).
   With DEFER_ALLOCATIONS, an allocation that does not escape keeps its
   note only if the stackify pass does not speak of the same call.  */
void escape_report (struct esc_unit *unit, enum escape_report_mode mode,
		    bool defer_allocations);
/* A note of the stackify pass about the allocation call at LOC; in lto1
   it ends with ESCAPE_LINK_TIME_CLAUSE.  */
#define ESCAPE_LINK_TIME_CLAUSE " (at link time, seeing the whole program)"
void escape_stackify_note (location_t loc, const char *text,
			   struct escape_note_kind kind);
/* Prints every note, in source order, once.  */
void escape_emit_notes (void);
/* Source order of LOC_A and LOC_B (file, line, column), for qsort.  */
int escape_compare_locations (location_t loc_a, location_t loc_b);
/* Registers the report's GC roots (the blocks the held notes need).  */
void escape_register_report_roots (const char *plugin_name);

/* escape-path-events.cc: the path of a note, as events (location,
   function, call depth, text): the first at START_LOC says START_TEXT,
   the others are the core's STEPS, worded.  The note is printed with
   them as a GCC diagnostic path.  */
struct escape_path_event
{
  location_t loc;
  tree fndecl;
  int depth;
  char *text;
};
void escape_path_events (struct esc_unit *unit, const struct esc_step *steps,
			 size_t count, location_t start_loc, tree fndecl,
			 const char *start_text,
			 vec<escape_path_event> *events);
void escape_release_path_events (vec<escape_path_event> *events);
void escape_inform_with_path (location_t loc, const char *text,
			      const vec<escape_path_event> &events);

/* escape-sarif-log.cc: -fplugin-arg-escape-sarif=FILE.  Is the argument
   a valid file name pattern (after an error, false)?  Makes the log's
   temporary file (false after an error); adds a printed note to the log;
   writes the log (when the compiler finishes).  */
bool escape_sarif_pattern_ok (const char *plugin, const char *pattern);
bool escape_sarif_open (const char *plugin, const char *pattern);
struct escape_path_event;
void escape_sarif_add (tree fndecl, location_t loc, const char *text,
		       struct escape_note_kind kind,
		       const vec<escape_path_event> &events);
void escape_sarif_finish (void);

/* escape-allocators.cc: the program's own allocators and deallocators
   (its wrappers), each seen through a libc table entry of its own.  */
struct escape_allocator
{
  struct esc_libc_fn entry;	/* first: the entry is the allocator */
  unsigned freed_arg;		/* a deallocator's freed argument */
  int align_arg;		/* alloc_align's argument, or -1 */
  unsigned HOST_WIDE_INT align_bytes; /* assume_aligned's, 0 if none,
				   all ones if not a constant */
  bool clears;			/* a slot in its stead is cleared */
  bool wrapped;			/* found in the unit (a wrapper) */
  bool sized;			/* the size is known: the product of the
				   size arguments (none: a clone for
				   constant sizes) and SIZE_FACTOR */
  unsigned HOST_WIDE_INT size_factor;
};
/* What FNDECL (the callee of CALL) is, or NULL; the allocator an entry of
   the analysis stands for, or NULL for the C library's.  */
const escape_allocator *escape_allocator_of_decl (tree fndecl);
const escape_allocator *escape_allocator_of_call (gcall *call);
const escape_allocator *escape_allocator_of_entry (const esc_libc_fn *entry);
/* The size CALL of A asks for, if it is a constant.  */
bool escape_allocator_size (gcall *call, const escape_allocator *a,
			    unsigned HOST_WIDE_INT *size);
/* For escape-wrappers.cc: a new allocator (or deallocator) entry for
   FNDECL, its pointer arguments kept; multiplies A's size by the constant
   FACTOR (false if it would grow past any slot); records the wrapper A of
   FNDECL.  */
escape_allocator *escape_new_allocator (tree fndecl,
					enum esc_libc_result result,
					enum esc_libc_alloc alloc);
bool escape_scale_allocator (escape_allocator *a,
			     unsigned HOST_WIDE_INT factor);
void escape_add_wrapper (tree fndecl, escape_allocator *a);
/* escape-wrappers.cc: records FUN as an allocator if its body is a wrapper; called on every
   function of the unit, callees first (where the call graph allows).  */
void escape_detect_wrapper (function *fun);
/* The pointer a free call (free, or a deallocator) frees, or NULL_TREE.  */
tree escape_freed_pointer (gcall *call);
/* -fplugin-arg-escape-allocator=VALUE: false (after an error) if VALUE is
   not a list of ALLOC:DEALLOC pairs.  */
bool escape_name_allocators (const char *plugin, const char *value);

/* Where a moved allocation's block goes (escape-stackify.cc): a char
   array of the frame (DECL), or, in a function that may recurse, OFFSET
   bytes into the region the function took from the thread's stack budget
   when it began (REGION, a pointer variable of the frame; null when the
   budget was spent: escape-budget.cc).  SIZE bytes; FLAG, if any, says
   whether the slot is taken.  */
struct escape_slot
{
  tree decl;
  tree region;
  unsigned HOST_WIDE_INT offset;
  unsigned HOST_WIDE_INT size;
  tree flag;
};

/* escape-build.cc: a new variable of FUN's frame, of TYPE, addressable
   (GCC makes it a register later), zero at FUN's entry.  */
tree escape_make_frame_var (function *fun, tree type, const char *name);
/* Appends to SEQ a load of the variable VAR (its value, returned), or the
   store "VAR = VALUE".  */
tree escape_load_var (gimple_seq *seq, location_t loc, tree var);
void escape_store_var (gimple_seq *seq, location_t loc, tree var,
		       tree value);
/* Ends BB with "if (TEST != 0)", TEST computed by SEQ.  */
void escape_end_with_test (basic_block bb, gimple_seq seq, tree test,
			   location_t loc);
/* An edge FROM -> TO of FLAGS, taken with PROBABILITY.  */
edge escape_connect (basic_block from, basic_block to, int flags,
		     profile_probability probability);
/* A new empty block in FROM's loop, entered from FROM by an edge of FLAGS
   taken with PROBABILITY.  */
basic_block escape_new_block (basic_block from, int flags,
			      profile_probability probability);
/* After blocks and edges were added: what GCC must compute again.  */
void escape_cfg_changed (void);

/* escape-guard.cc: CALL, an allocation (ENTRY), takes SLOT (cleared if
   CLEARS) when what it asks fits, the slot exists and is not taken, and
   stays a call otherwise; FREE_CALL frees nothing when its pointer is
   SLOT's address (and gives the slot back).  */
void escape_guard_allocation (gcall *call, const esc_libc_fn *entry,
			      bool clears, const escape_slot &slot);
void escape_guard_free (gcall *free_call, const escape_slot &slot);
/* CALL, a realloc whose pointer may be SLOT's address and whose result,
   if any, is an SSA name, keeps the block in SLOT while it fits and
   copies it to the heap when it grows past it (giving the slot back).  */
void escape_guard_realloc (gcall *call, const escape_slot &slot);

/* escape-budget.cc: in FUN, which may recurse, takes a region of BYTES
   (aligned to ALIGN bytes) from the stack when FUN begins, if the
   thread's budget for recursive functions (BUDGET bytes in all) allows,
   and gives it back at each return: returns the frame's pointer variable
   that holds the region, or null.  */
tree escape_take_region (function *fun, unsigned HOST_WIDE_INT bytes,
			 unsigned HOST_WIDE_INT align, unsigned long budget);

/* escape-slots.cc: is CALL malloc, calloc or aligned_alloc; is the slot
   replacing SITE cleared (calloc's, or an allocator's whose contents are
   not known); its alignment (0 if aligned_alloc's or the allocator's is
   not a constant power of two up to 4096); and, for a run-time size, the
   largest size RANGES allow at the call (false if they do not bound it).  */
bool escape_builtin_movable_p (gcall *call);
bool escape_slot_cleared_p (const escape_alloc_site &site);
unsigned HOST_WIDE_INT escape_slot_alignment (const escape_alloc_site &site);
bool escape_size_bound (class range_query *ranges,
			const escape_alloc_site &site,
			unsigned HOST_WIDE_INT *bound);

/* escape-stackify.cc: the transformation, on one function.  */
unsigned int escape_stackify (struct esc_unit *unit, function *fun,
			      const struct escape_options *options);
/* The statement that makes PTR's value, looking through copies and pointer
   conversions; NULL for a constant or a parameter's value on entry.  */
gimple *escape_pointer_source (tree ptr);
/* Does the free call FREE_CALL free exactly the allocation ALLOC_CALL of
   this iteration (its result, with no PHI in between)?  */
bool escape_frees_exactly (gcall *free_call, gcall *alloc_call);

/* escape-loops.cc: is FUN in a cycle of the call graph of UNIT's file (or,
   for a function the unit never saw, does it call itself)?  */
bool escape_may_recurse (struct esc_unit *unit, function *fun);
/* The strongly connected component of each block of
   FUN's CFG, numbered from 1; 0 for a block on no cycle (Tarjan's
   algorithm, iteratively).  Can the allocation CALL in such a component
   take one slot for all iterations: is it freed on every path back to
   itself (see there)?  */
void escape_cfg_cycles (function *fun, auto_vec<int> *component);
/* Is no value derived from CALL's result used after CALL runs again
   (its address kept in SSA names only, none live at CALL)?  */
bool escape_unused_after_next_run (gcall *call);
bool escape_dead_before_next_iteration (gcall *call,
					const escape_sites &sites,
					const vec<int> &component);

/* escape-attributes.cc: the attributes noescape, escape_assert_noescape
   and escape_assert_stack (registered by escape_register_attributes); has
   the unit used any?  Is argument INDEX of a call through FNTYPE
   noescape?  The extractor marks the locals, parameters and allocations
   they are on (first extraction only); escape_check_marks checks them
   once the unit is solved, escape_stack_decision where the stackify pass
   decides on the allocation call at LOC (REFUSAL: why it stays on the
   heap, NULL if moved); escape_emit_marks prints the errors and warnings
   at the end of the unit.  */
void escape_register_attributes (const char *plugin_name);
bool escape_attributes_used (void);
bool escape_noescape_argument_p (tree fntype, unsigned index);
void escape_mark_local (esc_fn fn, tree decl, esc_node node);
/* FIELD of FNDECL's frame, a local captured by the nested function USER.  */
void escape_mark_captured (esc_fn fn, tree fndecl, tree field,
			   const char *user);
void escape_mark_parameters (esc_fn fn, tree fndecl);
void escape_mark_allocation (esc_fn fn, gcall *call, esc_node obj);
void escape_check_marks (struct esc_unit *unit);
void escape_stack_decision (location_t loc, const char *refusal);
void escape_emit_marks (void);

#endif /* ESCAPE_GCC_H */
