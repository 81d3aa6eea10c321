/* escape-attributes.cc -- the attributes the plugin registers, and the
   checks they ask for.

     __attribute__((noescape)) on a pointer parameter
	int f (char *p __attribute__((noescape)));
	The callee keeps no copy of the pointer beyond the call: neither
	stored anywhere nor returned; nor does it free or realloc it
	(the stackify pass may move a block passed to it; not checked in
	definitions).  The attribute goes on the parameter's
	type, so that a declaration without a body keeps it (a prototype's
	PARM_DECLs are dropped, its TYPE_ARG_TYPES are not).  At a call of
	a function the analysis has no body for, a noescape argument does
	not escape through that argument; what the callee reads through it
	does escape, and what it writes there is unknown memory
	(escape-extract.cc).  In a definition, a body that lets the
	parameter escape or returns it gets a warning.

     __attribute__((escape_assert_noescape)) on a local or a parameter
	An error if the local's address or the parameter escapes (or the
	parameter leaks to the return value).

     __attribute__((escape_assert_stack)) on a local pointer variable
	An error if an allocation assigned to it escapes, or, where the
	stackify pass runs, is not moved to the stack.

   The plugin registers them whatever its arguments: loaded with none, it
   checks the marks and prints nothing else.  include/escape.h gives the
   macros that spell them, and nothing without the plugin
   (__has_attribute).  The errors and warnings are held until the end of
   the unit, after the notes, in source order.  docs/notes.md says
   more.  */

#include "escape-gcc.h"

namespace {

const char assert_noescape_name[] = "escape_assert_noescape";
const char assert_stack_name[] = "escape_assert_stack";

/* Has the unit marked anything?  Only then does a plugin loaded without
   arguments analyse it.  */
bool attributes_used;

enum mark_kind
{
  MARK_LOCAL,			/* escape_assert_noescape on a local */
  MARK_PARAMETER,		/* escape_assert_noescape on a parameter */
  MARK_NOESCAPE_PARAMETER,	/* noescape on a defined parameter */
  MARK_ALLOCATION		/* escape_assert_stack */
};

struct mark
{
  enum mark_kind kind;
  esc_fn fn;
  tree fndecl;
  location_t loc;
  char *name;			/* a copy: the stackify pass may ask for it
				   after GCC collected the declaration */
  esc_node node;		/* local, allocation */
  unsigned index;		/* parameter */
  bool failed;
};

vec<mark> marks;

struct held_diagnostic
{
  bool error;
  tree fndecl;
  location_t loc;
  char *text;
};

vec<held_diagnostic> held;

/* Holds M's diagnostic, unless M is in a system header (which gets no
   notes either).  */
void
hold (bool error, const mark &m, const char *text)
{
  if (in_system_header_at (m.loc))
    return;
  held_diagnostic d = { error, m.fndecl, m.loc, xstrdup (text) };
  held.safe_push (d);
}

bool
automatic_variable_p (tree decl)
{
  return TREE_CODE (decl) == VAR_DECL && !TREE_STATIC (decl)
	 && !DECL_EXTERNAL (decl);
}

/* Says that NAME does not apply to NODE (at NODE's place if it is a
   declaration), and drops it.  */
tree
reject (tree node, tree name, const char *what, bool *no_add_attrs)
{
  location_t loc = DECL_P (node) ? DECL_SOURCE_LOCATION (node)
		   : input_location;
  warning_at (loc, OPT_Wattributes, "%qE attribute only applies to %s",
	      name, what);
  *no_add_attrs = true;
  return NULL_TREE;
}

tree
handle_noescape (tree *node, tree name, tree, int, bool *no_add_attrs)
{
  attributes_used = true;
  tree type = DECL_P (*node) ? TREE_TYPE (*node) : *node;
  if ((DECL_P (*node) && TREE_CODE (*node) != PARM_DECL)
      || !POINTER_TYPE_P (type))
    return reject (*node, name, "pointer parameters", no_add_attrs);
  if (DECL_P (*node))
    {
      TREE_TYPE (*node)
	= build_type_attribute_variant (type,
					tree_cons (name, NULL_TREE,
						   TYPE_ATTRIBUTES (type)));
      *no_add_attrs = true;
    }
  return NULL_TREE;
}

tree
handle_assert_noescape (tree *node, tree name, tree, int, bool *no_add_attrs)
{
  attributes_used = true;
  if (TREE_CODE (*node) != PARM_DECL && !automatic_variable_p (*node))
    return reject (*node, name, "local variables and parameters", no_add_attrs);
  return NULL_TREE;
}

tree
handle_assert_stack (tree *node, tree name, tree, int, bool *no_add_attrs)
{
  attributes_used = true;
  if (!automatic_variable_p (*node) || !POINTER_TYPE_P (TREE_TYPE (*node)))
    return reject (*node, name, "local pointer variables", no_add_attrs);
  return NULL_TREE;
}

/* name, min and max arguments, decl, type and function type required,
   affects type identity, handler, exclusions.  */
const struct attribute_spec noescape_spec = {
  "noescape", 0, 0, false, false, false, false, handle_noescape, NULL
};
const struct attribute_spec assert_noescape_spec = {
  assert_noescape_name, 0, 0, true, false, false, false,
  handle_assert_noescape, NULL
};
const struct attribute_spec assert_stack_spec = {
  assert_stack_name, 0, 0, true, false, false, false, handle_assert_stack,
  NULL
};

void
register_attributes (void *, void *)
{
  register_attribute (&noescape_spec);
  register_attribute (&assert_noescape_spec);
  register_attribute (&assert_stack_spec);
}

bool
marked_p (tree decl, const char *attribute)
{
  return lookup_attribute (attribute, DECL_ATTRIBUTES (decl)) != NULL_TREE;
}

bool
noescape_type_p (tree type)
{
  return lookup_attribute ("noescape", TYPE_ATTRIBUTES (type)) != NULL_TREE;
}

const char *
name_of (tree decl)
{
  return IDENTIFIER_POINTER (DECL_NAME (decl));
}

mark
new_mark (enum mark_kind kind, esc_fn fn, tree decl, location_t loc)
{
  mark m;
  memset (&m, 0, sizeof m);
  m.kind = kind;
  m.fn = fn;
  m.fndecl = current_function_decl;
  m.loc = loc;
  m.name = xstrdup (name_of (decl));
  return m;
}

/* "escapes: REASON" or "leaks to return value" for parameter M, or NULL
   if it does not escape.  */
const char *
parameter_failure (struct esc_unit *unit, const mark &m, char *buf,
		   size_t size)
{
  struct esc_param_verdict v = esc_param_verdict (unit, m.fn, m.index);
  char why[256];
  if (v.kind == ESC_PARAM_LEAKS_TO_RETURN)
    snprintf (buf, size, "leaks to return value");
  else if (v.kind == ESC_PARAM_ESCAPES)
    snprintf (buf, size, "escapes: %s",
	      esc_reason_text (v.reason, why, sizeof why));
  else
    return NULL;
  return buf;
}

/* "escapes: REASON" for object M, or NULL if it does not escape.  */
const char *
object_failure (struct esc_unit *unit, const mark &m, char *buf, size_t size)
{
  esc_reason reason = esc_object_verdict (unit, m.fn, m.node);
  char why[256];
  if (reason.kind == ESC_R_NONE)
    return NULL;
  snprintf (buf, size, "escapes: %s",
	    esc_reason_text (reason, why, sizeof why));
  return buf;
}

void
check_mark (struct esc_unit *unit, mark &m)
{
  char failure[320], text[512];
  switch (m.kind)
    {
    case MARK_LOCAL:
      if (object_failure (unit, m, failure, sizeof failure))
	snprintf (text, sizeof text, "address of '%s' %s (marked %s)",
		  m.name, failure, assert_noescape_name);
      else
	return;
      break;
    case MARK_PARAMETER:
    case MARK_NOESCAPE_PARAMETER:
      if (!parameter_failure (unit, m, failure, sizeof failure))
	return;
      snprintf (text, sizeof text, "parameter '%s' %s (%s)", m.name, failure,
		m.kind == MARK_PARAMETER ? "marked escape_assert_noescape"
		: "declared noescape");
      break;
    case MARK_ALLOCATION:
      if (!object_failure (unit, m, failure, sizeof failure))
	return;
      snprintf (text, sizeof text, "allocation assigned to '%s' %s "
		"(marked %s)", m.name, failure, assert_stack_name);
      break;
    }
  m.failed = true;
  hold (m.kind != MARK_NOESCAPE_PARAMETER, m, text);
}

int
compare_held (const void *pa, const void *pb)
{
  const held_diagnostic *a = (const held_diagnostic *) pa;
  const held_diagnostic *b = (const held_diagnostic *) pb;
  int c = escape_compare_locations (a->loc, b->loc);
  return c ? c : strcmp (a->text, b->text);
}

} // anon namespace

void
escape_register_attributes (const char *plugin_name)
{
  register_callback (plugin_name, PLUGIN_ATTRIBUTES, register_attributes,
		     NULL);
}

bool
escape_attributes_used (void)
{
  return attributes_used;
}

bool
escape_noescape_argument_p (tree fntype, unsigned index)
{
  if (!fntype)
    return false;
  tree t = TYPE_ARG_TYPES (fntype);
  for (unsigned i = 0; t && i < index; i++)
    t = TREE_CHAIN (t);
  return t && t != void_list_node && noescape_type_p (TREE_VALUE (t));
}

void
escape_mark_local (esc_fn fn, tree decl, esc_node node)
{
  if (DECL_NAME (decl) && marked_p (decl, assert_noescape_name))
    {
      mark m = new_mark (MARK_LOCAL, fn, decl, DECL_SOURCE_LOCATION (decl));
      m.node = node;
      marks.safe_push (m);
    }
}

void
escape_mark_parameters (esc_fn fn, tree fndecl)
{
  unsigned i = 0;
  for (tree parm = DECL_ARGUMENTS (fndecl); parm; parm = DECL_CHAIN (parm), i++)
    {
      /* A scalar can only escape by its address (escape_mark_local).  */
      if (!DECL_NAME (parm) || !POINTER_TYPE_P (TREE_TYPE (parm)))
	continue;
      location_t loc = DECL_SOURCE_LOCATION (parm);
      if (marked_p (parm, assert_noescape_name))
	{
	  mark m = new_mark (MARK_PARAMETER, fn, parm, loc);
	  m.index = i;
	  marks.safe_push (m);
	}
      else if (noescape_type_p (TREE_TYPE (parm)))
	{
	  mark m = new_mark (MARK_NOESCAPE_PARAMETER, fn, parm, loc);
	  m.index = i;
	  marks.safe_push (m);
	}
    }
}

/* The marked local or parameter of FNDECL that FIELD of its frame (for
   nested functions) stands for, found in BLOCK and below, or NULL_TREE.
   The frame's field copies the variable's name and place, not its
   attributes.  */
tree
marked_original (tree block, tree field)
{
  for (tree var = BLOCK_VARS (block); var; var = DECL_CHAIN (var))
    if (DECL_NAME (var) == DECL_NAME (field)
	&& DECL_SOURCE_LOCATION (var) == DECL_SOURCE_LOCATION (field)
	&& marked_p (var, assert_noescape_name))
      return var;
  for (tree sub = BLOCK_SUBBLOCKS (block); sub; sub = BLOCK_CHAIN (sub))
    if (tree var = marked_original (sub, field))
      return var;
  return NULL_TREE;
}

void
escape_mark_captured (esc_fn fn, tree fndecl, tree field, const char *user)
{
  tree var = NULL_TREE;
  for (tree parm = DECL_ARGUMENTS (fndecl); parm && !var;
       parm = DECL_CHAIN (parm))
    if (DECL_NAME (parm) == DECL_NAME (field)
	&& marked_p (parm, assert_noescape_name))
      var = parm;
  if (!var && DECL_INITIAL (fndecl)
      && TREE_CODE (DECL_INITIAL (fndecl)) == BLOCK)
    var = marked_original (DECL_INITIAL (fndecl), field);
  if (!var)
    return;
  mark m = new_mark (MARK_LOCAL, fn, var, DECL_SOURCE_LOCATION (field));
  esc_reason nested = { ESC_R_NESTED, user, 0 };
  char why[256], text[512];
  snprintf (text, sizeof text, "address of '%s' escapes: %s (marked %s)",
	    m.name, esc_reason_text (nested, why, sizeof why),
	    assert_noescape_name);
  hold (true, m, text);
  free (m.name);
}

void
escape_mark_allocation (esc_fn fn, gcall *call, esc_node obj)
{
  tree lhs = gimple_call_lhs (call);
  tree var = lhs && TREE_CODE (lhs) == SSA_NAME ? SSA_NAME_VAR (lhs) : lhs;
  if (var && VAR_P (var) && DECL_NAME (var) && marked_p (var, assert_stack_name))
    {
      mark m = new_mark (MARK_ALLOCATION, fn, var, gimple_location (call));
      m.node = obj;
      marks.safe_push (m);
    }
}

void
escape_check_marks (struct esc_unit *unit)
{
  for (mark &m : marks)
    check_mark (unit, m);
}

void
escape_stack_decision (location_t loc, const char *refusal)
{
  if (!refusal)
    return;
  location_t locus = LOCATION_LOCUS (loc);
  for (mark &m : marks)
    if (m.kind == MARK_ALLOCATION && !m.failed
	&& LOCATION_LOCUS (m.loc) == locus)
      {
	char text[512];
	snprintf (text, sizeof text, "allocation assigned to '%s' stays on "
		  "heap: %s (marked %s)", m.name, refusal, assert_stack_name);
	m.failed = true;
	hold (true, m, text);
      }
}

void
escape_emit_marks (void)
{
  held.qsort (compare_held);
  tree compiling = current_function_decl;
  for (held_diagnostic &d : held)
    {
      current_function_decl = d.fndecl;
      if (d.error)
	error_at (d.loc, "%s", d.text);
      else
	warning_at (d.loc, 0, "%s", d.text);
      free (d.text);
    }
  current_function_decl = compiling;
  held.release ();
  for (mark &m : marks)
    free (m.name);
  marks.release ();
}
