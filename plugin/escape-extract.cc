/* escape-extract.cc -- GIMPLE to escape graph.

   Runs on each function right after it is put into SSA form, and records in
   the unit one constraint per pointer flow (escape-core.h):

     x_1 = &v;  x_1 = &p_2->f;	addr / copy (pointer arithmetic is a copy)
     x_1 = y_2;  x_1 = PHI <..>	copy
     x_1 = *p_2;  x_1 = v.f;	load / copy from v's cell
     *p_1 = x_2;  v.f = x_2;	store / copy into v's cell
     call			the libc table, a summary, or "unknown"
     return x_1			return
     (long) p_1			p_1's pointee escapes: converted to an integer
     asm			operands escape: used by inline assembly

   Every SSA value gets a node, whatever its type, so that a pointer copied
   through an integer or a char (a hand-written memcpy, a union) is still
   followed; the analysis is field-insensitive, so a variable is one cell.
   Anything this file does not understand makes what it touches escape,
   with "unsupported construct".  Calls are extracted by
   escape-extract-calls.cc, nested functions' frames by
   escape-extract-frames.cc (escape-extract.h).  */

#include "escape-gcc.h"
#include "escape-extract.h"

namespace escape_extract {

esc_reason
reason (esc_reason_kind kind, const char *name, int argno)
{
  esc_reason r = { kind, name, argno };
  return r;
}

const char *
decl_name (tree decl)
{
  if (decl && DECL_P (decl) && DECL_NAME (decl))
    return IDENTIFIER_POINTER (DECL_NAME (decl));
  return "<anonymous>";
}

/* The function a call's name is reported by: the user's name, not the
   assembler's.  */
const char *
callee_name (tree fndecl)
{
  if (!fndecl)
    return "<unknown>";
  /* Not the printable-name hook: once free_lang_data has run (-flto), it
     gives assembler names ("inner.0").  */
  return DECL_NAME (fndecl) ? IDENTIFIER_POINTER (DECL_NAME (fndecl))
	 : "<anonymous>";
}

/* Position of PARM among its function's parameters, or -1 (the static
   chain of a nested function is not one of them).  */
int
param_index (extractor *x, tree parm)
{
  int i = 0;
  for (tree p = DECL_ARGUMENTS (x->fun->decl); p; p = DECL_CHAIN (p), i++)
    if (p == parm)
      return i;
  return -1;
}

/* A value pointing to memory nothing is known about.  */
esc_node
unknown_value (extractor *x)
{
  esc_node v = esc_cell (x->unit, x->fn);
  esc_addr (x->unit, x->fn, v, esc_unknown (x->unit, x->fn));
  return v;
}

/* What a parameter holds when the function starts.  */
void
init_param (extractor *x, tree parm, esc_node node)
{
  int index = param_index (x, parm);
  if (index >= 0)
    esc_copy (x->unit, x->fn, node,
	      esc_param_value (x->unit, x->fn, (unsigned) index));
  else
    esc_copy (x->unit, x->fn, node, unknown_value (x));
}

bool
local_decl_p (extractor *x, tree decl)
{
  return (TREE_CODE (decl) == VAR_DECL || TREE_CODE (decl) == PARM_DECL
	  || TREE_CODE (decl) == RESULT_DECL)
	 && !is_global_var (decl)
	 && DECL_CONTEXT (decl) == x->fun->decl;
}

/* Gives OBJ the fields of struct TYPE, if it has any; true if so.  */
bool
give_fields (extractor *x, esc_node obj, tree type)
{
  auto_vec<uint64_t> offsets, sizes;
  if (!escape_struct_fields (type, &offsets, &sizes))
    return false;
  esc_object_fields (x->unit, x->fn, obj, offsets.address (),
		     sizes.address (), offsets.length ());
  return true;
}

/* The cell of a variable: locals get one object each (with fields for a
   struct); globals and the locals of other functions (nested functions'
   frames) are memory outside this function.  */
esc_node
decl_node (extractor *x, tree decl)
{
  esc_node *slot = x->decl_nodes->get (decl);
  if (slot)
    return *slot;
  esc_node node;
  if (local_decl_p (x, decl))
    {
      node = esc_object (x->unit, x->fn);
      if (DECL_NAME (decl) && !DECL_ARTIFICIAL (decl))
	esc_name_node (x->unit, x->fn, node, decl_name (decl));
      if (give_fields (x, node, TREE_TYPE (decl)))
	x->field_decls->add (decl);
      if (TREE_CODE (decl) == PARM_DECL)
	init_param (x, decl, node);
      else if (TREE_CODE (decl) == RESULT_DECL && DECL_BY_REFERENCE (decl))
	esc_copy (x->unit, x->fn, node, unknown_value (x));
    }
  else if (is_global_var (decl))
    node = esc_global (x->unit, x->fn, decl_name (decl));
  else
    node = esc_unknown (x->unit, x->fn);
  x->decl_nodes->put (decl, node);
  return node;
}

esc_node
ssa_node (extractor *x, tree name)
{
  unsigned version = SSA_NAME_VERSION (name);
  if (version >= x->ssa_nodes.length ())
    x->ssa_nodes.safe_grow_cleared (num_ssa_names > version
				    ? num_ssa_names : version + 1);
  /* Slots hold node + 1, so that 0 means "none yet".  */
  if (x->ssa_nodes[version])
    return x->ssa_nodes[version] - 1;
  esc_node node = esc_cell (x->unit, x->fn);
  x->ssa_nodes[version] = node + 1;
  tree var = SSA_NAME_VAR (name);
  /* A user's variable names the path's steps through its values.  */
  if (var && DECL_NAME (var) && !DECL_ARTIFICIAL (var))
    esc_name_node (x->unit, x->fn, node, decl_name (var));
  if (SSA_NAME_IS_DEFAULT_DEF (name) && var)
    {
      if (TREE_CODE (var) == PARM_DECL)
	init_param (x, var, node);
      else if (TREE_CODE (var) == RESULT_DECL && DECL_BY_REFERENCE (var))
	esc_copy (x->unit, x->fn, node, unknown_value (x));
    }
  return node;
}

/* Registers DECL as an address-taken local for the report.  */
void
note_address_taken (extractor *x, tree decl, esc_node node)
{
  if (x->reported_decls->add (decl))
    return;
  if (x->for_marks)
    escape_mark_local (x->fn, decl, node);
  if (!x->for_report
      || (DECL_ARTIFICIAL (decl) && !escape_compound_literal_p (decl)))
    return;
  escape_add_local (x->fn, decl, node);
}

/* What makes everything reachable from OP escape, for a construct the
   extractor does not model: every SSA value and address inside it.  */
tree
escape_operand_r (tree *tp, int *walk_subtrees, void *data)
{
  extractor *x = (extractor *) data;
  tree t = *tp;
  if (TREE_CODE (t) == SSA_NAME || TREE_CODE (t) == ADDR_EXPR
      || (DECL_P (t) && (VAR_P (t) || TREE_CODE (t) == PARM_DECL
			 || TREE_CODE (t) == RESULT_DECL)))
    {
      esc_node v = value_of (x, t);
      esc_escape (x->unit, x->fn, v,
		  reason (ESC_R_UNSUPPORTED,
			  get_tree_code_name (TREE_CODE (t))));
      if (TREE_CODE (t) != SSA_NAME)
	{
	  /* Its address, too.  */
	  tree base = TREE_CODE (t) == ADDR_EXPR ? NULL_TREE : t;
	  if (base)
	    {
	      esc_node a = esc_cell (x->unit, x->fn);
	      esc_addr (x->unit, x->fn, a, decl_node (x, base));
	      esc_escape (x->unit, x->fn, a,
			  reason (ESC_R_UNSUPPORTED,
				  get_tree_code_name (TREE_CODE (t))));
	    }
	}
      *walk_subtrees = 0;
    }
  return NULL_TREE;
}

void
escape_unsupported (extractor *x, tree op)
{
  if (op)
    walk_tree_without_duplicates (&op, escape_operand_r, x);
}

bool
pointer_type_p (tree type)
{
  return type && POINTER_TYPE_P (type);
}

/* (integer) pointer: the integer carries the address, as any value does;
   what it becomes decides (stored where it escapes, passed to an unknown
   function, returned...).  (pointer) integer: arithmetic may have made
   another address of it (p + (&b - &a)), so what the integer carries
   escapes, and the result may point anywhere.  */
void
extract_conversion (extractor *x, gassign *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  tree rhs = gimple_assign_rhs1 (stmt);
  bool from_pointer = pointer_type_p (TREE_TYPE (rhs));
  bool to_pointer = pointer_type_p (TREE_TYPE (lhs));
  esc_node v = value_of (x, rhs);
  if (to_pointer && !from_pointer && TREE_CODE (rhs) != INTEGER_CST)
    {
      esc_escape (x->unit, x->fn, v, reason (ESC_R_INT_CAST));
      assign_to (x, lhs, unknown_value (x));
      return;
    }
  assign_to (x, lhs, v);
}

/* Largest mask or modulus whose result cannot hold an address: the offset
   within a page (alignment checks, hashes reduced to a table's size).  */
#define ESCAPE_MAX_ADDRESS_FREE_VALUE 4095

/* Is the result of STMT too small to hold any address, whatever its
   operands carry: x & 63, x % 16?  */
bool
address_free_result_p (gassign *stmt)
{
  enum tree_code code = gimple_assign_rhs_code (stmt);
  if (code != BIT_AND_EXPR && code != TRUNC_MOD_EXPR
      && code != FLOOR_MOD_EXPR)
    return false;
  for (unsigned i = 1; i < gimple_num_ops (stmt); i++)
    {
      tree op = gimple_op (stmt, i);
      if (i == 1 && code != BIT_AND_EXPR)
	continue;		/* the dividend */
      if (op && TREE_CODE (op) == INTEGER_CST && tree_fits_uhwi_p (op)
	  && tree_to_uhwi (op) <= ESCAPE_MAX_ADDRESS_FREE_VALUE)
	return true;
    }
  return false;
}

/* Registers the locals whose address STMT's operands take, without any
   flow (a comparison, a condition).  */
void
note_addresses (extractor *x, gimple *stmt)
{
  for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
    {
      tree op = gimple_op (stmt, i);
      if (op && TREE_CODE (op) == ADDR_EXPR)
	address_of (x, TREE_OPERAND (op, 0));
    }
}

void
extract_assign (extractor *x, gassign *stmt)
{
  tree lhs = gimple_assign_lhs (stmt);
  enum tree_code code = gimple_assign_rhs_code (stmt);
  if (gimple_clobber_p (stmt))
    return;
  if (CONVERT_EXPR_CODE_P (code))
    {
      extract_conversion (x, stmt);
      return;
    }
  /* Comparisons give a truth value, POINTER_DIFF an offset, a small mask
     or modulus a number below a page: none can rebuild an address.  The locals they take the address of are still
     address-taken locals.  */
  if (TREE_CODE_CLASS (code) == tcc_comparison || code == POINTER_DIFF_EXPR
      || address_free_result_p (stmt))
    {
      note_addresses (x, stmt);
      return;
    }
  if (code == POINTER_PLUS_EXPR)
    {
      esc_node p = value_of (x, gimple_assign_rhs1 (stmt));
      tree off = gimple_assign_rhs2 (stmt);
      if (p == ESC_NO_NODE)
	return;
      esc_node v = esc_cell (x->unit, x->fn);
      esc_offset (x->unit, x->fn, v, p,
		  TREE_CODE (off) == INTEGER_CST
		  ? (int64_t) TREE_INT_CST_LOW (off) : ESC_UNKNOWN_OFFSET);
      assign_to (x, lhs, v);
      return;
    }
  if (gimple_assign_single_p (stmt) && TREE_CODE (lhs) != SSA_NAME
      && memory_ref_p (gimple_assign_rhs1 (stmt))
      && TREE_CODE (gimple_assign_rhs1 (stmt)) != SSA_NAME
      && copy_struct (x, lhs, gimple_assign_rhs1 (stmt)))
    return;
  unsigned first = code == COND_EXPR || code == VEC_COND_EXPR ? 2 : 1;
  for (unsigned i = first; i < gimple_num_ops (stmt); i++)
    assign_to (x, lhs, value_of (x, gimple_op (stmt, i)));
}

void
extract_phi (extractor *x, gphi *phi)
{
  tree result = gimple_phi_result (phi);
  if (virtual_operand_p (result))
    return;
  esc_node dst = ssa_node (x, result);
  for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
    esc_copy (x->unit, x->fn, dst, value_of (x, gimple_phi_arg_def (phi, i)));
}

void
extract_return (extractor *x, greturn *stmt)
{
  tree retval = gimple_return_retval (stmt);
  if (retval)
    esc_return (x->unit, x->fn, value_of (x, retval));
}

/* Inline assembly may do anything with what it is given: every operand's
   value escapes, and so does the address of every memory operand; outputs
   may receive any pointer.  */
void
extract_asm (extractor *x, gasm *stmt)
{
  for (unsigned i = 0; i < gimple_asm_ninputs (stmt); i++)
    {
      tree op = TREE_VALUE (gimple_asm_input_op (stmt, i));
      esc_escape (x->unit, x->fn, value_of (x, op), reason (ESC_R_ASM));
      if (memory_ref_p (op) && TREE_CODE (op) != SSA_NAME)
	esc_escape (x->unit, x->fn, address_of (x, op), reason (ESC_R_ASM));
    }
  for (unsigned i = 0; i < gimple_asm_noutputs (stmt); i++)
    {
      tree op = TREE_VALUE (gimple_asm_output_op (stmt, i));
      if (memory_ref_p (op) && TREE_CODE (op) != SSA_NAME)
	esc_escape (x->unit, x->fn, address_of (x, op), reason (ESC_R_ASM));
      esc_escape (x->unit, x->fn, value_of (x, op), reason (ESC_R_ASM));
      assign_to (x, op, unknown_value (x));
    }
}


void
extract_stmt (extractor *x, gimple *stmt)
{
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
      extract_assign (x, as_a <gassign *> (stmt));
      break;
    case GIMPLE_CALL:
      extract_call (x, as_a <gcall *> (stmt));
      break;
    case GIMPLE_RETURN:
      extract_return (x, as_a <greturn *> (stmt));
      break;
    case GIMPLE_ASM:
      extract_asm (x, as_a <gasm *> (stmt));
      break;
    case GIMPLE_COND:
    case GIMPLE_SWITCH:
      note_addresses (x, stmt);
      break;
    case GIMPLE_LABEL:
    case GIMPLE_GOTO:
    case GIMPLE_NOP:
    case GIMPLE_PREDICT:
    case GIMPLE_DEBUG:
    case GIMPLE_RESX:
    case GIMPLE_EH_DISPATCH:
      break;
    default:
      for (unsigned i = 0; i < gimple_num_ops (stmt); i++)
	escape_unsupported (x, gimple_op (stmt, i));
      break;
    }
}


/* Locals whose "return &x" the C front end folded to "return 0".  */
void
extract_folded_returns (extractor *x)
{
  unsigned i;
  tree var;
  FOR_EACH_LOCAL_DECL (x->fun, i, var)
    {
      location_t where;
      if (!escape_returned_local_p (var, &where))
	continue;
      esc_node a = esc_cell (x->unit, x->fn);
      esc_addr (x->unit, x->fn, a, decl_node (x, var));
      esc_return (x->unit, x->fn, a);
      note_address_taken (x, var, decl_node (x, var));
    }
  for (tree parm = DECL_ARGUMENTS (x->fun->decl); parm;
       parm = DECL_CHAIN (parm))
    {
      location_t where;
      if (!escape_returned_local_p (parm, &where))
	continue;
      esc_node a = esc_cell (x->unit, x->fn);
      esc_addr (x->unit, x->fn, a, decl_node (x, parm));
      esc_return (x->unit, x->fn, a);
      note_address_taken (x, parm, decl_node (x, parm));
    }
}

/* The named pointer parameters the user wrote (not those of a function
   GCC made, such as an OpenMP region's .omp_data_i).  */
void
register_parameters (extractor *x)
{
  unsigned i = 0;
  for (tree parm = DECL_ARGUMENTS (x->fun->decl); parm;
       parm = DECL_CHAIN (parm), i++)
    if (POINTER_TYPE_P (TREE_TYPE (parm)) && DECL_NAME (parm)
	&& !DECL_ARTIFICIAL (parm))
      escape_add_parameter (x->fn, parm, i);
}

/* Parameters that hold no address of the caller's memory.  */
void
mark_scalar_parameters (extractor *x)
{
  unsigned i = 0;
  for (tree parm = DECL_ARGUMENTS (x->fun->decl); parm;
       parm = DECL_CHAIN (parm), i++)
    {
      tree type = TREE_TYPE (parm);
      if (!POINTER_TYPE_P (type) && !AGGREGATE_TYPE_P (type)
	  && !VECTOR_TYPE_P (type) && TREE_CODE (type) != COMPLEX_TYPE)
	esc_param_set_scalar (x->unit, x->fn, i);
    }
}

/* The parameter names of FUN, for the unit.  */
void
param_names (function *fun, auto_vec<const char *> *names)
{
  for (tree parm = DECL_ARGUMENTS (fun->decl); parm; parm = DECL_CHAIN (parm))
    names->safe_push (DECL_NAME (parm) ? IDENTIFIER_POINTER (DECL_NAME (parm))
		      : NULL);
}

void
extract_body (extractor *x)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, x->fun)
    {
      /* Each constraint carries its statement's location, for the paths
	 of the notes (PHIs have none: their steps take the one before).  */
      esc_set_site (x->unit, x->fn, UNKNOWN_LOCATION);
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	extract_phi (x, gsi.phi ());
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  esc_set_site (x->unit, x->fn, gimple_location (gsi_stmt (gsi)));
	  extract_stmt (x, gsi_stmt (gsi));
	}
    }
  esc_set_site (x->unit, x->fn, UNKNOWN_LOCATION);
  extract_folded_returns (x);
  extract_frames (x);
}

void
run_extractor (struct esc_unit *unit, function *fun, esc_fn fn,
	       escape_sites *sites, bool for_report)
{
  extractor x;
  x.unit = unit;
  x.fun = fun;
  x.fn = fn;
  x.sites = sites;
  x.for_report = for_report;
  /* Once per function: the late extraction (SITES) is the stackify
     pass's.  Not in a function that gets no notes either (a static one
     nothing calls), which GCC drops when optimizing.  */
  x.for_marks = !sites && escape_attributes_used ()
		&& escape_reported_function_p (fun->decl);
  x.ssa_nodes = vNULL;
  x.decl_nodes = new hash_map<tree, esc_node>;
  x.reported_decls = new hash_set<tree>;
  x.field_decls = new hash_set<tree>;
  if (for_report)
    register_parameters (&x);
  if (x.for_marks)
    escape_mark_parameters (fn, fun->decl);
  mark_scalar_parameters (&x);
  extract_body (&x);
  x.ssa_nodes.release ();
  delete x.decl_nodes;
  delete x.reported_decls;
  delete x.field_decls;
}

} // namespace escape_extract

using namespace escape_extract;

/* The function FNDECL was cloned from, or FNDECL.  */
tree
escape_origin_of (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  while (node && node->former_clone_of)
    {
      fndecl = node->former_clone_of;
      node = cgraph_node::get (fndecl);
    }
  return fndecl;
}

const esc_libc_fn *
escape_libc_entry (gcall *call, tree fndecl)
{
  /* An "extern inline" body (glibc's fortified printf) is only a
     stand-in for the library function: the table knows better.  */
  if (analysable_callee (fndecl) && !DECL_EXTERNAL (fndecl))
    return NULL;
  if (fndecl_built_in_p (fndecl, BUILT_IN_NORMAL)
      && !gimple_call_builtin_p (call, BUILT_IN_NORMAL))
    return NULL;
  if (!DECL_NAME (fndecl))
    return NULL;
  return esc_libc_lookup (IDENTIFIER_POINTER (DECL_NAME (fndecl)));
}

void
escape_extract_function (struct esc_unit *unit, function *fun, bool for_report)
{
  esc_fn fn = esc_fn_declare (unit, fun->decl, callee_name (fun->decl));
  auto_vec<const char *> names;
  param_names (fun, &names);
  esc_fn_begin (unit, fn, names.length (), names.address ());
  escape_detect_wrapper (fun);
  run_extractor (unit, fun, fn, NULL, for_report);
}

esc_fn
escape_extract_late (struct esc_unit *unit, function *fun,
		     escape_sites *sites)
{
  auto_vec<const char *> names;
  param_names (fun, &names);
  esc_fn fn = esc_late_begin (unit, callee_name (fun->decl), names.length (),
			      names.address ());
  run_extractor (unit, fun, fn, sites, false);
  return fn;
}

bool
escape_calls_allocator_p (function *fun)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, fun)
    for (gimple_stmt_iterator gsi = gsi_start_bb (bb); !gsi_end_p (gsi);
	 gsi_next (&gsi))
      {
	gcall *call = dyn_cast <gcall *> (gsi_stmt (gsi));
	tree fndecl = call ? gimple_call_fndecl (call) : NULL_TREE;
	if (!fndecl || gimple_call_internal_p (call) || alloca_call_p (call))
	  continue;
	const esc_libc_fn *entry = known_callee_entry (call, fndecl);
	if (entry && entry->alloc != ESC_ALLOC_NONE)
	  return true;
      }
  return false;
}
