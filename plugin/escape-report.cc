/* escape-report.cc -- the notes.

   The extractor registers an item for every address-taken local, every
   allocation call and every pointer parameter; once the unit is solved,
   each item gets one note:

     address of 'NAME' does not escape | escapes: REASON
     allocation of N bytes / of unknown size does not escape | escapes: REASON
     parameter 'NAME' does not escape | leaks to return value | escapes: REASON

   and the stackify pass adds, for the allocation calls it looks at,

     allocation of N bytes moved to stack
     allocation of N bytes does not escape; stays on heap: REASON

   which replace the report's "does not escape" note of the same call.  All
   notes are held and printed at the end of the unit, in source order, each
   once.  Items in system headers get none.  docs/notes.md lists them all.

   Each held note carries its structured kind (verdict, reason, refusal)
   for the SARIF log (escape-sarif-log.cc), which gets every note
   printed.  */

#include "escape-gcc.h"
#include "ggc.h"

namespace {

struct report_item
{
  enum escape_item_kind kind;
  esc_fn fn;
  tree fndecl;			/* the function, for the "In function" line */
  location_t loc;
  const char *name;		/* local or parameter */
  const char *captured_by;	/* a local captured by a nested function */
  location_t captured_at;	/* that function */
  esc_node node;
  unsigned index;		/* parameter */
  bool size_known;
  unsigned HOST_WIDE_INT size;
};

vec<report_item> items;

struct pending_note
{
  tree fndecl;
  location_t loc;
  char *text;
  struct escape_note_kind kind;
  bool deferred_allocation;	/* dropped if the stackify pass spoke */
  unsigned seq;
  bool keep_block;		/* its location's block is in held_blocks */
  vec<escape_path_event> events;	/* the path of an "escapes" note */
};

vec<pending_note> notes;

/* The blocks of the stackify notes' locations, kept from the garbage
   collector until the notes are printed: a block tells GCC's printer that
   the call was inlined, and from where ("In function 'f', inlined from
   'g' at ..."), and the blocks of a function already compiled are
   otherwise collected.  A GC root (escape_register_report_roots).  */
tree held_blocks;

const struct ggc_root_tab held_blocks_root[] = {
  { &held_blocks, 1, sizeof held_blocks, &gt_ggc_mx_tree_node,
    &gt_pch_nx_tree_node },
  LAST_GGC_ROOT_TAB
};
hash_set<int_hash<location_t, UNKNOWN_LOCATION, BUILTINS_LOCATION> >
  *stackified_loci;

pending_note &
hold_note (tree fndecl, location_t loc, const char *text,
	   struct escape_note_kind kind, bool deferred_allocation)
{
  pending_note note = { fndecl, loc, xstrdup (text), kind,
			deferred_allocation, notes.length (), false, vNULL };
  notes.safe_push (note);
  return notes.last ();
}

report_item
new_item (enum escape_item_kind kind, esc_fn fn, location_t loc)
{
  report_item item;
  memset (&item, 0, sizeof item);
  item.kind = kind;
  item.fn = fn;
  item.fndecl = current_function_decl;
  item.loc = expansion_point_location_if_in_system_header (loc);
  return item;
}

const char *
name_of (tree decl)
{
  if (DECL_NAME (decl))
    return IDENTIFIER_POINTER (DECL_NAME (decl));
  return "<compound literal>";
}

int
compare_notes (const void *pa, const void *pb)
{
  const pending_note *a = (const pending_note *) pa;
  const pending_note *b = (const pending_note *) pb;
  int c = escape_compare_locations (a->loc, b->loc);
  if (c)
    return c;
  /* Same place: identical notes (inlined copies) end up side by side.  */
  c = strcmp (a->text, b->text);
  if (c)
    return c;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Writes "does not escape" or "escapes: REASON" into BUF.  */
const char *
verdict_text (esc_reason reason, char *buf, size_t size)
{
  char why[256];
  if (reason.kind == ESC_R_NONE)
    snprintf (buf, size, "does not escape");
  else
    snprintf (buf, size, "escapes: %s",
	      esc_reason_text (reason, why, sizeof why));
  return buf;
}

/* The kind of a note whose verdict is REASON.  */
struct escape_note_kind
reason_kind (esc_reason reason)
{
  struct escape_note_kind kind
    = { reason.kind == ESC_R_NONE ? ESCAPE_VERDICT_NO_ESCAPE
	: ESCAPE_VERDICT_ESCAPES, reason.kind, ESCAPE_REFUSAL_NONE };
  return kind;
}

/* The kind of a parameter's note: its own escape first, then its
   contents'.  */
struct escape_note_kind
param_kind (const struct esc_param_verdict &v)
{
  struct escape_note_kind kind = reason_kind (v.reason);
  if (v.kind == ESC_PARAM_ESCAPES)
    return kind;
  if (v.contents_escape)
    {
      kind.verdict = ESCAPE_VERDICT_CONTENTS_ESCAPE;
      kind.reason = v.contents_reason.kind;
    }
  else
    {
      kind.verdict = v.kind == ESC_PARAM_LEAKS_TO_RETURN
		     ? ESCAPE_VERDICT_LEAKS_TO_RETURN : ESCAPE_VERDICT_NO_ESCAPE;
      kind.reason = ESC_R_NONE;
    }
  return kind;
}

/* The note for ITEM and its KIND, or false if it has none in MODE.  */
bool
item_text (struct esc_unit *unit, const report_item &item,
	   enum escape_report_mode mode, char *buf, size_t size,
	   struct escape_note_kind *kind)
{
  char verdict[320];
  esc_reason reason = { ESC_R_NONE, NULL, 0 };
  switch (item.kind)
    {
    case ESCAPE_ITEM_LOCAL:
      if (item.captured_by)
	reason.kind = ESC_R_NESTED, reason.name = item.captured_by;
      else
	reason = esc_object_verdict (unit, item.fn, item.node);
      if (mode == ESCAPE_REPORT_ESCAPES && reason.kind == ESC_R_NONE)
	return false;
      *kind = reason_kind (reason);
      snprintf (buf, size, "address of '%s' %s", item.name,
		verdict_text (reason, verdict, sizeof verdict));
      return true;
    case ESCAPE_ITEM_ALLOCATION:
      {
	reason = esc_object_verdict (unit, item.fn, item.node);
	if (mode == ESCAPE_REPORT_ESCAPES && reason.kind == ESC_R_NONE)
	  return false;
	*kind = reason_kind (reason);
	char what[64];
	if (!item.size_known)
	  snprintf (what, sizeof what, "unknown size");
	else
	  snprintf (what, sizeof what, HOST_WIDE_INT_PRINT_UNSIGNED " byte%s",
		    item.size, item.size == 1 ? "" : "s");
	snprintf (buf, size, "allocation of %s %s", what,
		  verdict_text (reason, verdict, sizeof verdict));
	return true;
      }
    case ESCAPE_ITEM_PARAMETER:
      {
	struct esc_param_verdict v = esc_param_verdict (unit, item.fn, item.index);
	if (mode == ESCAPE_REPORT_ESCAPES && v.kind != ESC_PARAM_ESCAPES)
	  return false;
	*kind = param_kind (v);
	int n;
	if (v.kind == ESC_PARAM_LEAKS_TO_RETURN)
	  n = snprintf (buf, size, "parameter '%s' leaks to return value",
			item.name);
	else
	  n = snprintf (buf, size, "parameter '%s' %s", item.name,
			verdict_text (v.kind == ESC_PARAM_ESCAPES ? v.reason
				      : reason, verdict, sizeof verdict));
	/* Go's "leaking param content": the pointer stays, what it leads
	   to does not.  */
	if (v.contents_escape && n > 0 && (size_t) n < size)
	  snprintf (buf + n, size - n, "; its contents escape: %s",
		    esc_reason_text (v.contents_reason, verdict,
				     sizeof verdict));
	return true;
      }
    }
  return false;
}

/* The path of ITEM's note into EVENTS, when it escapes and the core
   found the way.  */
void
item_path (struct esc_unit *unit, const report_item &item,
	   vec<escape_path_event> *events)
{
  size_t count = 0;
  const struct esc_step *steps = NULL;
  char *start = NULL;
  switch (item.kind)
    {
    case ESCAPE_ITEM_LOCAL:
      if (item.captured_by)
	{
	  /* One step: the nested function, which reaches it through its
	     static chain.  */
	  if (item.captured_at != UNKNOWN_LOCATION)
	    events->safe_push ({ item.captured_at, item.fndecl, 0,
				 xasprintf ("captured by nested function "
					    "'%s'", item.captured_by) });
	  return;
	}
      if (esc_object_verdict (unit, item.fn, item.node).kind == ESC_R_NONE)
	return;
      steps = esc_object_path (unit, item.fn, item.node, &count);
      start = xasprintf ("address of '%s' taken", item.name);
      break;
    case ESCAPE_ITEM_ALLOCATION:
      if (esc_object_verdict (unit, item.fn, item.node).kind == ESC_R_NONE)
	return;
      steps = esc_object_path (unit, item.fn, item.node, &count);
      start = xstrdup ("allocated here");
      break;
    case ESCAPE_ITEM_PARAMETER:
      {
	struct esc_param_verdict v = esc_param_verdict (unit, item.fn,
						       item.index);
	if (v.kind != ESC_PARAM_ESCAPES && !v.contents_escape)
	  return;
      }
      steps = esc_param_path (unit, item.fn, item.index, &count);
      start = xasprintf ("parameter '%s'", item.name);
      break;
    }
  escape_path_events (unit, steps, count, item.loc, item.fndecl, start,
		      events);
  free (start);
}

/* A function any program could run: visible outside the file, kept on
   purpose, or with its address taken.  */
bool
root_function_p (cgraph_node *node)
{
  tree decl = node->decl;
  return (TREE_PUBLIC (decl) && !DECL_EXTERNAL (decl))
	 || DECL_PRESERVE_P (decl)
	 || node->address_taken || DECL_STATIC_CONSTRUCTOR (decl)
	 || DECL_STATIC_DESTRUCTOR (decl) || MAIN_NAME_P (DECL_NAME (decl));
}

/* The functions reachable from the roots through calls and references,
   computed once per unit.  */
hash_set<cgraph_node *> *reachable_functions;

void
compute_reachable_functions (void)
{
  reachable_functions = new hash_set<cgraph_node *>;
  auto_vec<cgraph_node *> work;
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (DECL_NAME (node->decl) && root_function_p (node)
	&& !reachable_functions->add (node))
      work.safe_push (node);
  while (!work.is_empty ())
    {
      node = work.pop ();
      for (cgraph_edge *e = node->callees; e; e = e->next_callee)
	if (!reachable_functions->add (e->callee))
	  work.safe_push (e->callee);
      ipa_ref *ref;
      for (unsigned i = 0; node->iterate_reference (i, ref); i++)
	if (cgraph_node *target = dyn_cast <cgraph_node *> (ref->referred))
	  if (!reachable_functions->add (target))
	    work.safe_push (target);
    }
}

} // anon namespace

bool
escape_reported_function_p (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node || DECL_EXTERNAL (fndecl))
    return false;
  if (!reachable_functions)
    compute_reachable_functions ();
  /* A nested function is reached through its parent.  */
  while (node && !reachable_functions->contains (node)
	 && DECL_CONTEXT (node->decl)
	 && TREE_CODE (DECL_CONTEXT (node->decl)) == FUNCTION_DECL)
    node = cgraph_node::get (DECL_CONTEXT (node->decl));
  return node && reachable_functions->contains (node);
}

void
escape_add_local (esc_fn fn, tree decl, esc_node node)
{
  report_item item = new_item (ESCAPE_ITEM_LOCAL, fn,
			       DECL_SOURCE_LOCATION (decl));
  item.name = name_of (decl);
  item.node = node;
  items.safe_push (item);
}

void
escape_add_captured_local (esc_fn fn, tree decl, const char *nested_fn,
			   location_t nested_loc)
{
  report_item item = new_item (ESCAPE_ITEM_LOCAL, fn,
			       DECL_SOURCE_LOCATION (decl));
  item.name = name_of (decl);
  item.captured_by = nested_fn;	/* an identifier: never freed */
  item.captured_at = nested_loc;
  items.safe_push (item);
}

void
escape_add_allocation (esc_fn fn, location_t loc, bool size_known,
		       unsigned HOST_WIDE_INT size, esc_node node)
{
  report_item item = new_item (ESCAPE_ITEM_ALLOCATION, fn, loc);
  item.size_known = size_known;
  item.size = size;
  item.node = node;
  items.safe_push (item);
}

void
escape_add_parameter (esc_fn fn, tree parm, unsigned index)
{
  report_item item = new_item (ESCAPE_ITEM_PARAMETER, fn,
			       DECL_SOURCE_LOCATION (parm));
  item.name = name_of (parm);
  item.index = index;
  items.safe_push (item);
}

void
escape_report (struct esc_unit *unit, enum escape_report_mode mode,
	       bool defer_allocations)
{
  for (const report_item &item : items)
    {
      char text[512];
      struct escape_note_kind kind;
      if (in_system_header_at (item.loc)
	  || !item_text (unit, item, mode, text, sizeof text, &kind))
	continue;
      bool deferred = defer_allocations
		      && item.kind == ESCAPE_ITEM_ALLOCATION
		      && esc_object_verdict (unit, item.fn, item.node).kind
			 == ESC_R_NONE;
      pending_note &note = hold_note (item.fndecl, item.loc, text, kind,
				      deferred);
      item_path (unit, item, &note.events);
    }
  items.release ();
}

void
escape_stackify_note (location_t loc, const char *text,
		      struct escape_note_kind kind)
{
  location_t locus = LOCATION_LOCUS (loc);
  if (in_system_header_at (locus))
    return;
  if (!stackified_loci)
    stackified_loci = new hash_set<int_hash<location_t, UNKNOWN_LOCATION,
					    BUILTINS_LOCATION> >;
  if (locus > BUILTINS_LOCATION)
    stackified_loci->add (locus);
  /* Under -flto the report spoke when the file was compiled, from the file
     alone ("escapes: passed to 'f', which may keep it"); lto1 decides
     after inlining across files, and says so, lest the two notes seem to
     contradict each other.  */
  char *told = in_lto_p ? concat (text, ESCAPE_LINK_TIME_CLAUSE, NULL)
		 : xstrdup (text);
  hold_note (current_function_decl, loc, told, kind, false);
  free (told);
  if (tree block = LOCATION_BLOCK (loc))
    {
      held_blocks = tree_cons (NULL_TREE, block, held_blocks);
      notes.last ().keep_block = true;
    }
}

/* Is NOTE the same as the one before it (an inlined copy of the same call
   with the same verdict)?  */
bool
repeated_note (const pending_note *note, const pending_note *prev)
{
  return prev && LOCATION_LOCUS (prev->loc) == LOCATION_LOCUS (note->loc)
	 && !strcmp (prev->text, note->text);
}

void
escape_emit_notes (void)
{
  notes.qsort (compare_notes);
  const pending_note *prev = NULL;
  /* Under the usual "In function 'f':" line, not "At top level:" (GCC
     prints the function it is compiling), or "In function 'f', inlined
     from 'g' at ..." for a stackify note about an inlined copy: its
     location keeps its block (held_blocks).  */
  tree compiling = current_function_decl;
  for (const pending_note &note : notes)
    {
      bool replaced = note.deferred_allocation && stackified_loci
		      && stackified_loci->contains (LOCATION_LOCUS (note.loc));
      if (!replaced && !repeated_note (&note, prev))
	{
	  current_function_decl = note.fndecl;
	  /* The report's notes were made before inlining: their block could
	     only tell the function's own scope, and may be gone.  */
	  if (note.keep_block)
	    escape_inform_in_context (note.loc, note.text);
	  else if (note.events.length ())
	    escape_inform_with_path (set_block (note.loc, NULL_TREE),
				     note.text, note.events);
	  else
	    inform (set_block (note.loc, NULL_TREE), "%s", note.text);
	  escape_sarif_add (note.fndecl, note.loc, note.text, note.kind,
			    note.events);
	  prev = &note;
	}
    }
  current_function_decl = compiling;
  for (pending_note &note : notes)
    {
      free (note.text);
      escape_release_path_events (&note.events);
    }
  notes.release ();
  held_blocks = NULL_TREE;
  delete stackified_loci;
  stackified_loci = NULL;
  delete reachable_functions;
  reachable_functions = NULL;
}

void
escape_register_report_roots (const char *plugin_name)
{
  register_callback (plugin_name, PLUGIN_REGISTER_GGC_ROOTS, NULL,
		     (void *) held_blocks_root);
}

int
escape_compare_locations (location_t loc_a, location_t loc_b)
{
  expanded_location a = expand_location (loc_a);
  expanded_location b = expand_location (loc_b);
  int c = strcmp (a.file ? a.file : "", b.file ? b.file : "");
  if (c)
    return c;
  if (a.line != b.line)
    return a.line < b.line ? -1 : 1;
  return (a.column > b.column) - (a.column < b.column);
}
