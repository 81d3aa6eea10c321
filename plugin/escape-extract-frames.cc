/* escape-extract-frames.cc -- the frames of GNU C nested functions, for
   the extractor (escape-extract.cc).  */

#include "escape-gcc.h"
#include "escape-extract.h"

namespace escape_extract {

/* Locals captured by a nested function live in the parent's frame object
   (tree-nested.cc): one field per captured variable, with the variable's
   name and location.  The nested function reaches them through its static
   chain, so they escape as far as this analysis can tell; the note names
   the nested function that uses the field.  */

struct field_use
{
  tree field;
  bool found;
};

tree
find_field_r (tree *tp, int *walk_subtrees, void *data)
{
  field_use *use = (field_use *) ((walk_stmt_info *) data)->info;
  if (TREE_CODE (*tp) == COMPONENT_REF && TREE_OPERAND (*tp, 1) == use->field)
    {
      use->found = true;
      return *tp;
    }
  if (TYPE_P (*tp))
    *walk_subtrees = 0;
  return NULL_TREE;
}

bool
function_uses_field (tree fndecl, tree field)
{
  function *fun = DECL_STRUCT_FUNCTION (fndecl);
  if (!fun || !fun->cfg)
    return false;
  field_use use = { field, false };
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	walk_stmt_info wi;
	memset (&wi, 0, sizeof wi);
	wi.info = &use;
	walk_gimple_op (gsi_stmt (gsi), find_field_r, &wi);
	if (use.found)
	  return true;
      }
  return false;
}

/* The nested functions of PARENT, in declaration order.  */
void
nested_functions (tree parent, auto_vec<tree> *out)
{
  cgraph_node *node;
  FOR_EACH_FUNCTION (node)
    if (DECL_CONTEXT (node->decl) == parent)
      out->safe_push (node->decl);
  out->qsort ([] (const void *a, const void *b) {
    unsigned ua = DECL_UID (*(const tree *) a);
    unsigned ub = DECL_UID (*(const tree *) b);
    return ua < ub ? -1 : ua > ub;
  });
}

bool
frame_decl_p (tree var)
{
  return VAR_P (var) && DECL_ARTIFICIAL (var) && DECL_NAME (var)
	 && !strncmp (IDENTIFIER_POINTER (DECL_NAME (var)), "FRAME.", 6);
}

/* A field of the frame that holds a user variable (not the chain, the
   goto buffer or a trampoline, which is named after its function).  */
bool
captured_field_p (tree field, const auto_vec<tree> &nested)
{
  if (TREE_CODE (field) != FIELD_DECL || !DECL_NAME (field))
    return false;
  const char *name = IDENTIFIER_POINTER (DECL_NAME (field));
  if (!strncmp (name, "FRAME_BASE", 10) || !strncmp (name, "__", 2))
    return false;
  for (tree fn : nested)
    if (DECL_NAME (fn) == DECL_NAME (field))
      return false;
  return true;
}

void
extract_frame (extractor *x, tree frame, const auto_vec<tree> &nested)
{
  const char *first = nested.is_empty () ? "<nested function>"
		      : callee_name (nested[0]);
  for (tree field = TYPE_FIELDS (TREE_TYPE (frame)); field;
       field = DECL_CHAIN (field))
    {
      if (!captured_field_p (field, nested))
	continue;
      const char *user = first;
      tree user_decl = nested.is_empty () ? NULL_TREE : nested[0];
      for (tree fn : nested)
	if (function_uses_field (fn, field))
	  {
	    user = callee_name (fn);
	    user_decl = fn;
	    break;
	  }
      if (x->for_report)
	escape_add_captured_local (x->fn, field, user,
				   user_decl ? DECL_SOURCE_LOCATION (user_decl)
				   : UNKNOWN_LOCATION);
      if (x->for_marks)
	escape_mark_captured (x->fn, x->fun->decl, field, user);
    }
  esc_node a = esc_cell (x->unit, x->fn);
  esc_addr (x->unit, x->fn, a, decl_node (x, frame));
  esc_escape (x->unit, x->fn, a, reason (ESC_R_NESTED, first));
}

void
extract_frames (extractor *x)
{
  unsigned i;
  tree var;
  /* Listing the nested functions walks the whole call graph: do it only
     for a function that has a frame, or the unit's cost is quadratic.  */
  auto_vec<tree> nested;
  bool listed = false;
  FOR_EACH_LOCAL_DECL (x->fun, i, var)
    if (frame_decl_p (var))
      {
	if (!listed)
	  nested_functions (x->fun->decl, &nested);
	listed = true;
	extract_frame (x, var, nested);
      }
}

} // namespace escape_extract
