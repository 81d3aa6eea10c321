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
   with "unsupported construct".  */

#include "escape-gcc.h"

namespace {

struct extractor
{
  struct esc_unit *unit;
  esc_fn fn;
  function *fun;
  escape_sites *sites;		/* allocation and free calls, or NULL */
  bool for_report;		/* register the report's items */
  bool for_marks;		/* register the attributes' marks */
  vec<esc_node> ssa_nodes;
  hash_map<tree, esc_node> *decl_nodes;
  hash_set<tree> *reported_decls;
  hash_set<tree> *field_decls;	/* locals whose object has fields */
};

esc_node value_of (extractor *x, tree op);

esc_reason
reason (esc_reason_kind kind, const char *name = NULL, int argno = 0)
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

/* Where a memory reference goes from the pointer it is reached through:
   a byte range, or anywhere.  */
struct place
{
  bool known;
  int64_t offset;
  uint64_t size;
};

/* The place of REF from its base BASE (a decl or a MEM_REF), and whether
   that offset is exact (an address, not a range).  */
place
place_of (tree ref, tree base, bool *exact)
{
  place p = { false, 0, 0 };
  tree range_base;
  *exact = false;
  p.known = escape_ref_range (ref, &range_base, &p.offset, &p.size, exact)
	    && range_base == base;
  return p;
}

/* DST = PTR + the offset of REF from its base, where the object PTR points
   to may have fields.  */
esc_node
offset_pointer (extractor *x, esc_node ptr, tree ref, tree base)
{
  bool exact = false;
  place p = { false, 0, 0 };
  if (ref)
    p = place_of (ref, base, &exact);
  if (ptr == ESC_NO_NODE || (p.known && exact && p.offset == 0))
    return ptr;
  esc_node v = esc_cell (x->unit, x->fn);
  esc_offset (x->unit, x->fn, v, ptr,
	      p.known && exact ? p.offset : ESC_UNKNOWN_OFFSET);
  return v;
}

/* A value pointing to the object that the address expression ADDR (the
   operand of an ADDR_EXPR) designates.  */
esc_node
address_of (extractor *x, tree ref)
{
  tree base = get_base_address (ref);
  if (!base)
    {
      escape_unsupported (x, ref);
      return unknown_value (x);
    }
  switch (TREE_CODE (base))
    {
    case VAR_DECL:
    case PARM_DECL:
    case RESULT_DECL:
      {
	esc_node obj = decl_node (x, base);
	esc_node v = esc_cell (x->unit, x->fn);
	esc_addr (x->unit, x->fn, v, obj);
	if (local_decl_p (x, base))
	  note_address_taken (x, base, obj);
	if (ref != base && x->field_decls->contains (base))
	  return offset_pointer (x, v, ref, base);	/* &s.f */
	return v;
      }
    case MEM_REF:
      /* &p->f, &p[i]: pointer arithmetic on p.  */
      return offset_pointer (x, value_of (x, TREE_OPERAND (base, 0)), ref,
			     base);
    case TARGET_MEM_REF:
      return offset_pointer (x, value_of (x, TREE_OPERAND (base, 0)),
			     NULL_TREE, base);
    case STRING_CST:
    case FUNCTION_DECL:
    case LABEL_DECL:
    case CONST_DECL:
    case CONSTRUCTOR:
      return ESC_NO_NODE;
    default:
      escape_unsupported (x, ref);
      return unknown_value (x);
    }
}

bool
memory_ref_p (tree op)
{
  return handled_component_p (op) || TREE_CODE (op) == MEM_REF
	 || TREE_CODE (op) == TARGET_MEM_REF || DECL_P (op);
}

/* The cell that the memory reference REF reads or writes: the variable's
   own cell, or, through a pointer, a fresh value loaded from or stored to
   it by the caller.  Returns the pointer in *PTR for the second case, and
   where from it in *AT.  A local with fields is reached through a pointer
   to it, so that the access finds its field.  */
esc_node
memory_cell (extractor *x, tree ref, esc_node *ptr, place *at)
{
  tree base = get_base_address (ref);
  bool exact;
  *ptr = ESC_NO_NODE;
  at->known = false;
  if (base && (TREE_CODE (base) == MEM_REF
	       || TREE_CODE (base) == TARGET_MEM_REF))
    {
      *ptr = value_of (x, TREE_OPERAND (base, 0));
      if (TREE_CODE (base) == MEM_REF)
	*at = place_of (ref, base, &exact);
      return ESC_NO_NODE;
    }
  if (base && DECL_P (base) && local_decl_p (x, base))
    {
      esc_node obj = decl_node (x, base);
      if (!x->field_decls->contains (base))
	return obj;
      *ptr = esc_cell (x->unit, x->fn);
      esc_addr (x->unit, x->fn, *ptr, obj);
      *at = place_of (ref, base, &exact);
      return ESC_NO_NODE;
    }
  if (base && TREE_CODE (base) == SSA_NAME)
    /* REALPART_EXPR <x_1>, BIT_FIELD_REF <v_2, ...>: part of a value.  */
    return ssa_node (x, base);
  if (base && DECL_P (base) && TREE_CODE (base) != FUNCTION_DECL
      && TREE_CODE (base) != LABEL_DECL && TREE_CODE (base) != CONST_DECL)
    return decl_node (x, base);
  if (base && (CONSTANT_CLASS_P (base) || TREE_CODE (base) == CONSTRUCTOR))
    return ESC_NO_NODE;
  escape_unsupported (x, ref);
  *ptr = unknown_value (x);
  return ESC_NO_NODE;
}

/* A value read through PTR at AT, or at the part of AT from byte PART
   of SIZE bytes (SIZE 0: all of AT).  */
esc_node
read_at (extractor *x, esc_node ptr, place at, uint64_t part, uint64_t size)
{
  esc_node v = esc_cell (x->unit, x->fn);
  if (at.known)
    esc_load_at (x->unit, x->fn, v, ptr, at.offset + (int64_t) part,
		 size ? size : at.size);
  else
    esc_load (x->unit, x->fn, v, ptr);
  return v;
}

void
write_at (extractor *x, esc_node ptr, place at, uint64_t part,
	  uint64_t size, esc_node src)
{
  if (at.known)
    esc_store_at (x->unit, x->fn, ptr, src, at.offset + (int64_t) part,
		  size ? size : at.size);
  else
    esc_store (x->unit, x->fn, ptr, src);
}

/* A node holding the value of the operand OP (an rvalue).  */
esc_node
value_of (extractor *x, tree op)
{
  if (!op)
    return ESC_NO_NODE;
  switch (TREE_CODE (op))
    {
    case SSA_NAME:
      return ssa_node (x, op);
    case ADDR_EXPR:
      return address_of (x, TREE_OPERAND (op, 0));
    case CONSTRUCTOR:
      {
	esc_node v = ESC_NO_NODE;
	unsigned i;
	tree elt;
	FOR_EACH_CONSTRUCTOR_VALUE (CONSTRUCTOR_ELTS (op), i, elt)
	  {
	    esc_node e = value_of (x, elt);
	    if (e == ESC_NO_NODE)
	      continue;
	    if (v == ESC_NO_NODE)
	      v = esc_cell (x->unit, x->fn);
	    esc_copy (x->unit, x->fn, v, e);
	  }
	return v;
      }
    case WITH_SIZE_EXPR:
      return value_of (x, TREE_OPERAND (op, 0));
    case OBJ_TYPE_REF:
      return value_of (x, OBJ_TYPE_REF_EXPR (op));
    default:
      break;
    }
  if (CONSTANT_CLASS_P (op) || TREE_CODE (op) == FUNCTION_DECL
      || TREE_CODE (op) == LABEL_DECL || TREE_CODE (op) == CONST_DECL)
    return ESC_NO_NODE;
  if (memory_ref_p (op))
    {
      esc_node ptr;
      place at;
      esc_node cell = memory_cell (x, op, &ptr, &at);
      if (ptr == ESC_NO_NODE)
	return cell;
      return read_at (x, ptr, at, 0, 0);
    }
  escape_unsupported (x, op);
  return unknown_value (x);
}

/* LHS = SRC, for any kind of lhs.  */
void
assign_to (extractor *x, tree lhs, esc_node src)
{
  if (!lhs || src == ESC_NO_NODE)
    return;
  if (TREE_CODE (lhs) == SSA_NAME)
    {
      esc_copy (x->unit, x->fn, ssa_node (x, lhs), src);
      return;
    }
  esc_node ptr;
  place at;
  esc_node cell = memory_cell (x, lhs, &ptr, &at);
  if (ptr != ESC_NO_NODE)
    write_at (x, ptr, at, 0, 0, src);
  else if (cell != ESC_NO_NODE)
    esc_copy (x->unit, x->fn, cell, src);
}

/* LHS = RHS for a struct with fields, both in memory: field by field, so
   that each field of the copy holds only what the same field held.  */
bool
copy_struct (extractor *x, tree lhs, tree rhs)
{
  auto_vec<uint64_t> offsets, sizes;
  if (!escape_struct_fields (TREE_TYPE (lhs), &offsets, &sizes))
    return false;
  esc_node from, to;
  place from_at, to_at;
  esc_node from_cell = memory_cell (x, rhs, &from, &from_at);
  esc_node to_cell = memory_cell (x, lhs, &to, &to_at);
  for (unsigned i = 0; i < offsets.length (); i++)
    {
      esc_node v = from != ESC_NO_NODE
		   ? read_at (x, from, from_at, offsets[i], sizes[i])
		   : from_cell;
      if (v == ESC_NO_NODE)
	continue;
      if (to != ESC_NO_NODE)
	write_at (x, to, to_at, offsets[i], sizes[i], v);
      else if (to_cell != ESC_NO_NODE)
	esc_copy (x->unit, x->fn, to_cell, v);
    }
  return true;
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

/* ---- Calls.  */

void extract_indirect_call (extractor *x, gcall *call);
void extract_calls_of (extractor *x, gcall *call, const tree *targets,
		       unsigned n);

int
compare_decl_uids (const void *a, const void *b)
{
  int x = DECL_UID (*(const tree *) a), y = DECL_UID (*(const tree *) b);
  return (x > y) - (x < y);
}

/* The constant value of OP if it has one.  */
bool
constant_uhwi (tree op, unsigned HOST_WIDE_INT *value)
{
  if (!op || TREE_CODE (op) != INTEGER_CST || !tree_fits_uhwi_p (op))
    return false;
  *value = tree_to_uhwi (op);
  return true;
}

/* The length of the string literal OP points to, if it is one.  */
bool
literal_length (tree op, unsigned HOST_WIDE_INT *len)
{
  if (!op || TREE_CODE (op) != ADDR_EXPR)
    return false;
  tree str = TREE_OPERAND (op, 0);
  if (TREE_CODE (str) == ARRAY_REF && integer_zerop (TREE_OPERAND (str, 1)))
    str = TREE_OPERAND (str, 0);
  if (TREE_CODE (str) != STRING_CST)
    return false;
  *len = strnlen (TREE_STRING_POINTER (str), TREE_STRING_LENGTH (str));
  return true;
}

tree
call_arg (gcall *call, int index)
{
  if (index < 0 || (unsigned) index >= gimple_call_num_args (call))
    return NULL_TREE;
  return gimple_call_arg (call, index);
}

/* The size an allocator call asks for, if it is a constant.  */
bool
allocation_size (gcall *call, const esc_libc_fn *entry,
		 unsigned HOST_WIDE_INT *size)
{
  unsigned HOST_WIDE_INT a, b;
  if (const escape_allocator *allocator = escape_allocator_of_entry (entry))
    return escape_allocator_size (call, allocator, size);
  switch (entry->alloc)
    {
    case ESC_ALLOC_REALLOC:
      if (entry->size_arg[1] == ESC_LIBC_NONE)
	return constant_uhwi (call_arg (call, entry->size_arg[0]), size);
      /* reallocarray: N * SIZE.  */
      gcc_fallthrough ();
    case ESC_ALLOC_CALLOC:
      if (!constant_uhwi (call_arg (call, entry->size_arg[0]), &a)
	  || !constant_uhwi (call_arg (call, entry->size_arg[1]), &b)
	  || (a && b > HOST_WIDE_INT_M1U / a))
	return false;
      *size = a * b;
      return true;
    case ESC_ALLOC_STRDUP:
      if (!literal_length (call_arg (call, 0), &a))
	return false;
      *size = a + 1;
      return true;
    case ESC_ALLOC_STRNDUP:
      if (!literal_length (call_arg (call, 0), &a)
	  || !constant_uhwi (call_arg (call, entry->size_arg[0]), &b))
	return false;
      *size = MIN (a, b) + 1;
      return true;
    default:
      return constant_uhwi (call_arg (call, entry->size_arg[0]), size);
    }
}

/* A new allocated object, registered for the report; returns a value
   pointing to it.  */
esc_node
extract_allocation (extractor *x, gcall *call, const esc_libc_fn *entry)
{
  unsigned HOST_WIDE_INT size = 0;
  bool known = allocation_size (call, entry, &size);
  esc_node obj = esc_object (x->unit, x->fn);
  esc_node ptr = esc_cell (x->unit, x->fn);
  esc_addr (x->unit, x->fn, ptr, obj);
  /* struct s *p = malloc (sizeof *p): the struct's fields.  */
  tree lhs = gimple_call_lhs (call);
  tree type = lhs && POINTER_TYPE_P (TREE_TYPE (lhs))
	      ? TREE_TYPE (TREE_TYPE (lhs)) : NULL_TREE;
  if (known && type && TYPE_SIZE_UNIT (type)
      && tree_fits_uhwi_p (TYPE_SIZE_UNIT (type))
      && tree_to_uhwi (TYPE_SIZE_UNIT (type)) == size)
    give_fields (x, obj, type);
  if (x->for_report)
    escape_add_allocation (x->fn, gimple_location (call), known, size, obj);
  if (x->for_marks)
    escape_mark_allocation (x->fn, call, obj);
  if (x->sites)
    {
      escape_alloc_site site = { call, entry, known, size, obj };
      x->sites->allocs.safe_push (site);
    }
  return ptr;
}

esc_node
load_through (extractor *x, esc_node ptr)
{
  esc_node v = esc_cell (x->unit, x->fn);
  esc_load (x->unit, x->fn, v, ptr);
  return v;
}

/* The callee of a callback argument, if it is a known function.  */
tree
callback_fndecl (gcall *call, int index)
{
  tree op = call_arg (call, index);
  if (op && TREE_CODE (op) == ADDR_EXPR
      && TREE_CODE (TREE_OPERAND (op, 0)) == FUNCTION_DECL)
    return TREE_OPERAND (op, 0);
  return NULL_TREE;
}

void extract_direct_call (extractor *x, tree fndecl, esc_node lhs,
			  const esc_node *args, unsigned nargs);
tree analysable_callee (tree fndecl);

/* qsort's comparator and the like: the function is called with the
   CALLBACK arguments (the last one repeated to fill its parameters).  */
void
extract_callback (extractor *x, gcall *call, const esc_libc_fn *entry,
		  const vec<esc_node> &passed)
{
  if (passed.is_empty ())
    return;
  tree fndecl = callback_fndecl (call, entry->callback);
  if (!fndecl)
    {
      esc_fn_set_calls_out (x->unit, x->fn);
      for (esc_node v : passed)
	esc_escape (x->unit, x->fn, v, reason (ESC_R_INDIRECT_CALL));
      return;
    }
  auto_vec<esc_node> args;
  /* As the unit saw the body, not DECL_ARGUMENTS: a function already
     compiled has lost its body, parameters included, when stackify looks
     at a later caller.  */
  tree target = analysable_callee (fndecl);
  esc_fn callee = target ? esc_fn_find (x->unit, target) : -1;
  unsigned nparams = callee >= 0 ? esc_fn_param_count (x->unit, callee) : 0;
  if (!nparams && prototype_p (TREE_TYPE (fndecl)))
    nparams = type_num_arguments (TREE_TYPE (fndecl));
  if (!nparams)
    nparams = passed.length ();
  for (unsigned i = 0; i < MAX (nparams, passed.length ()); i++)
    args.safe_push (passed[MIN (i, passed.length () - 1)]);
  extract_direct_call (x, fndecl, ESC_NO_NODE, args.address (),
		       args.length ());
}

/* free (p) frees what p points to; only a real free call, or a call of
   one of the program's deallocators that cannot throw, may be removed by
   the stackify pass; anything else that frees is "elsewhere".  */
void
extract_free (extractor *x, gcall *call, const esc_libc_fn *entry,
	      esc_node ptr)
{
  bool removable = gimple_call_builtin_p (call, BUILT_IN_FREE)
		   || (escape_allocator_of_entry (entry)
		       && !stmt_could_throw_p (x->fun, call));
  esc_free (x->unit, x->fn, ptr, removable);
  if (removable && x->sites)
    {
      escape_free_site site = { call, ptr };
      x->sites->frees.safe_push (site);
    }
}

/* May the printf format FMT print a pointer: %p, or a conversion not known
   to print none?  */
bool
format_prints_pointer (const char *fmt, size_t len)
{
  for (size_t i = 0; i < len; i++)
    {
      if (fmt[i] != '%')
	continue;
      if (i + 1 < len && fmt[i + 1] == '%')
	{
	  i++;
	  continue;
	}
      while (i + 1 < len && strchr ("-+ #0'*.123456789hlLqjzt$", fmt[i + 1]))
	i++;
      /* %p, and anything not known to print no address: glibc's %Zp and
	 %Ip, a conversion of register_printf_specifier.  */
      if (i + 1 >= len || !strchr ("diouxXeEfFgGaAcsnCSm", fmt[i + 1]))
	return true;
    }
  return false;
}

/* A variadic library function whose extra arguments the table says are not
   kept (the printf family) prints them.  An address printed with %p can
   be read back (scanf's %p), so the variadic arguments escape unless the
   format, its last named argument, is a literal without %p.  */
bool
variadic_arguments_leak (gcall *call, unsigned *first_variadic)
{
  tree fntype = gimple_call_fntype (call);
  if (!fntype || !stdarg_p (fntype))
    return false;
  unsigned named = 0;
  for (tree t = TYPE_ARG_TYPES (fntype); t && t != void_list_node;
       t = TREE_CHAIN (t))
    named++;
  *first_variadic = named;
  if (named == 0 || named > gimple_call_num_args (call))
    return true;
  tree fmt = gimple_call_arg (call, named - 1);
  if (TREE_CODE (fmt) != ADDR_EXPR)
    return true;
  tree str = TREE_OPERAND (fmt, 0);
  if (TREE_CODE (str) == ARRAY_REF && integer_zerop (TREE_OPERAND (str, 1)))
    str = TREE_OPERAND (str, 0);
  if (TREE_CODE (str) != STRING_CST)
    return true;
  return format_prints_pointer (TREE_STRING_POINTER (str),
				TREE_STRING_LENGTH (str));
}

/* Applies the libc table's ENTRY to CALL.  */
void
extract_libc_call (extractor *x, gcall *call, const esc_libc_fn *entry)
{
  const char *name = callee_name (gimple_call_fndecl (call));
  unsigned nargs = gimple_call_num_args (call);
  auto_vec<esc_node> args;
  auto_vec<esc_node> to_callback;
  esc_node result = ESC_NO_NODE;
  unsigned first_variadic = nargs;
  bool printed = entry->rest == ESC_ARG_NOT_KEPT
		 && variadic_arguments_leak (call, &first_variadic);
  for (unsigned i = 0; i < nargs; i++)
    args.safe_push (value_of (x, gimple_call_arg (call, i)));
  for (unsigned i = 0; i < nargs; i++)
    {
      esc_node v = args[i];
      unsigned effect = i < ESC_LIBC_MAX_ARGS ? entry->arg[i] : entry->rest;
      if (printed && i >= first_variadic)
	{
	  esc_escape (x->unit, x->fn, v,
		      reason (ESC_R_CALL_UNKNOWN, name, (int) i + 1));
	  continue;
	}
      switch ((esc_libc_arg) effect)
	{
	case ESC_ARG_NOT_KEPT:
	  break;
	case ESC_ARG_FREED:
	  extract_free (x, call, entry, v);
	  break;
	case ESC_ARG_HEAP:
	  esc_free (x->unit, x->fn, v, 0);
	  break;
	case ESC_ARG_RETURNED:
	  if (entry->result == ESC_RES_ARGS)
	    {
	      if (result == ESC_NO_NODE)
		result = esc_cell (x->unit, x->fn);
	      esc_copy (x->unit, x->fn, result, v);
	    }
	  break;
	case ESC_ARG_KEPT:
	  esc_escape (x->unit, x->fn, v,
		      reason (ESC_R_CALL_KEEPS, name, (int) i + 1));
	  break;
	case ESC_ARG_THREAD:
	  esc_escape (x->unit, x->fn, v, reason (ESC_R_THREAD, name));
	  break;
	case ESC_ARG_REALLOC:
	  esc_reallocate (x->unit, x->fn, v);
	  if (x->sites)
	    {
	      escape_free_site site = { call, v };
	      x->sites->reallocs.safe_push (site);
	    }
	  break;
	case ESC_ARG_CONTENT_KEPT:
	  esc_escape (x->unit, x->fn, load_through (x, v),
		      reason (ESC_R_CALL_KEEPS, name, (int) i + 1));
	  esc_store (x->unit, x->fn, v, unknown_value (x));
	  break;
	case ESC_ARG_WRITTEN_UNKNOWN:
	  esc_store (x->unit, x->fn, v, unknown_value (x));
	  break;
	case ESC_ARG_CALLBACK:
	  if (v != ESC_NO_NODE)
	    to_callback.safe_push (v);
	  if (entry->result == ESC_RES_ARGS)
	    {
	      if (result == ESC_NO_NODE)
		result = esc_cell (x->unit, x->fn);
	      esc_copy (x->unit, x->fn, result, v);
	    }
	  break;
	}
    }
  if (entry->copy_from >= 0 && (unsigned) entry->copy_from < nargs
      && entry->copy_to >= 0 && (unsigned) entry->copy_to < nargs)
    {
      esc_node from = args[entry->copy_from], to = args[entry->copy_to];
      if (entry->copy_from_via)
	from = load_through (x, from);
      if (entry->copy_to_via)
	to = load_through (x, to);
      esc_store (x->unit, x->fn, to, load_through (x, from));
    }
  if (entry->store_arg >= 0 && (unsigned) entry->store_arg < nargs
      && entry->store_into >= 0 && (unsigned) entry->store_into < nargs)
    {
      esc_store (x->unit, x->fn, args[entry->store_into],
		 args[entry->store_arg]);
      /* strtok_r (NULL, delim, &save) goes on from what *save holds.  */
      if (entry->result == ESC_RES_ARGS)
	{
	  if (result == ESC_NO_NODE)
	    result = esc_cell (x->unit, x->fn);
	  esc_copy (x->unit, x->fn, result,
		    load_through (x, args[entry->store_into]));
	}
    }
  if (entry->alloc != ESC_ALLOC_NONE)
    {
      esc_node ptr = extract_allocation (x, call, entry);
      if (entry->alloc == ESC_ALLOC_POSIX_MEMALIGN && nargs > 0)
	esc_store (x->unit, x->fn, args[0], ptr);
      else
	result = ptr;
      /* realloc may return the old block, and copies what it held.  */
      if (entry->alloc == ESC_ALLOC_REALLOC && nargs > 0
	  && args[0] != ESC_NO_NODE)
	{
	  esc_store (x->unit, x->fn, ptr, load_through (x, args[0]));
	  result = esc_cell (x->unit, x->fn);
	  esc_copy (x->unit, x->fn, result, ptr);
	  esc_copy (x->unit, x->fn, result, args[0]);
	}
    }
  if (entry->result == ESC_RES_STATIC)
    result = unknown_value (x);
  extract_callback (x, call, entry, to_callback);
  assign_to (x, gimple_call_lhs (call), result);
}

/* ARG, a noescape argument of an unknown callee: the callee keeps no
   copy of the pointer, but may read what it points to (that escapes, for
   WHY) and store there pointers to anything (unknown memory).  */
void
pass_noescape_argument (extractor *x, esc_node arg, esc_reason why)
{
  esc_escape (x->unit, x->fn, load_through (x, arg), why);
  esc_store (x->unit, x->fn, arg, unknown_value (x));
}

/* A call of a function the analysis knows nothing about.  */
void
extract_unknown_call (extractor *x, gcall *call, esc_reason why)
{
  esc_fn_set_calls_out (x->unit, x->fn);
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    {
      why.argno = why.kind == ESC_R_CALL_UNKNOWN ? (int) i + 1 : 0;
      esc_node arg = value_of (x, gimple_call_arg (call, i));
      if (escape_noescape_argument_p (gimple_call_fntype (call), i))
	pass_noescape_argument (x, arg, why);
      else
	esc_escape (x->unit, x->fn, arg, why);
    }
  assign_to (x, gimple_call_lhs (call), unknown_value (x));
}

/* A function of this file whose body the analysis can trust: defined here
   and not replaceable at link or load time.  */
tree
analysable_callee (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  if (!node)
    return NULL_TREE;
  enum availability avail;
  node = node->ultimate_alias_target (&avail);
  /* An "extern inline" body only stands in for a definition elsewhere.  */
  if (!node || !node->definition || avail <= AVAIL_INTERPOSABLE
      || DECL_EXTERNAL (node->decl))
    return NULL_TREE;
  return node->decl;
}

/* The parameter types of FNDECL's prototype, in *TYPES.  */
bool
prototype_types (tree fndecl, auto_vec<tree> *types)
{
  tree fntype = TREE_TYPE (fndecl);
  if (!prototype_p (fntype) || stdarg_p (fntype))
    return false;
  for (tree t = TYPE_ARG_TYPES (fntype); t && t != void_list_node;
       t = TREE_CHAIN (t))
    types->safe_push (TREE_VALUE (t));
  return true;
}

/* A call of a clone (IPA-CP, IPA-SRA) of a function the unit analysed,
   before inlining, as the clone is not: the origin's summary, with each
   argument put back where the origin had it.  A parameter the clone
   dropped may have been replaced by any constant (an address): unknown
   memory.  An argument that is not one of the origin's (a piece of a split
   aggregate) escapes.  False if the clone does not fit its origin.  */
bool
extract_clone_call (extractor *x, tree clone, esc_node lhs,
		    const vec<esc_node> &args)
{
  tree origin = escape_origin_of (clone);
  /* The origin's body may be gone by now; the unit has its summary.  */
  if (origin == clone || esc_fn_find (x->unit, origin) < 0)
    return false;
  clone_info *info = clone_info::get (cgraph_node::get (clone));
  ipa_param_adjustments *adj = info ? info->param_adjustments : NULL;
  /* Parameter types from the prototypes: the origin's DECL_ARGUMENTS went
     with its body, the clone's may not be there yet.  */
  auto_vec<tree> origin_types, clone_types;
  if (!prototype_types (origin, &origin_types)
      || !prototype_types (clone, &clone_types)
      || clone_types.length () != args.length ())
    return false;
  auto_vec<esc_node> origin_args;
  for (unsigned i = 0; i < origin_types.length (); i++)
    origin_args.safe_push (unknown_value (x));
  for (unsigned i = 0; i < clone_types.length (); i++)
    {
      int o = adj ? adj->get_original_index (i) : (int) i;
      if (o >= (int) origin_types.length ()
	  || (o >= 0 && !types_compatible_p (clone_types[i], origin_types[o])))
	return false;
      if (o >= 0)
	origin_args[o] = args[i];
      else
	esc_escape (x->unit, x->fn, args[i],
		    reason (ESC_R_CALL_UNKNOWN, callee_name (origin),
			    (int) i + 1));
    }
  esc_fn callee = esc_fn_declare (x->unit, origin, callee_name (origin));
  esc_call (x->unit, x->fn, callee, lhs, origin_args.address (),
	    origin_args.length ());
  return true;
}

void
extract_direct_call (extractor *x, tree fndecl, esc_node lhs,
		     const esc_node *args, unsigned nargs)
{
  tree target = analysable_callee (fndecl);
  if (target)
    {
      esc_fn callee = esc_fn_declare (x->unit, target, callee_name (target));
      esc_call (x->unit, x->fn, callee, lhs, args, nargs);
      return;
    }
  esc_fn_set_calls_out (x->unit, x->fn);
  for (unsigned i = 0; i < nargs; i++)
    esc_escape (x->unit, x->fn, args[i],
		reason (ESC_R_CALL_UNKNOWN, callee_name (fndecl), (int) i + 1));
  if (lhs != ESC_NO_NODE)
    esc_copy (x->unit, x->fn, lhs, unknown_value (x));
}

void
extract_internal_call (extractor *x, gcall *call)
{
  switch (gimple_call_internal_fn (call))
    {
    case IFN_ASAN_MARK:
    case IFN_DEFERRED_INIT:
    case IFN_UNIQUE:
    case IFN_FALLTHROUGH:
      return;
    case IFN_BUILTIN_EXPECT:
      assign_to (x, gimple_call_lhs (call),
		 value_of (x, gimple_call_arg (call, 0)));
      return;
    case IFN_VA_ARG:
      /* A variadic argument: the caller's.  */
      assign_to (x, gimple_call_lhs (call), unknown_value (x));
      return;
    default:
      extract_unknown_call (x, call,
			    reason (ESC_R_UNSUPPORTED,
				    internal_fn_name (gimple_call_internal_fn
						      (call))));
      return;
    }
}

bool
alloca_call_p (gcall *call)
{
  return gimple_call_builtin_p (call, BUILT_IN_ALLOCA)
	 || gimple_call_builtin_p (call, BUILT_IN_ALLOCA_WITH_ALIGN)
	 || gimple_call_builtin_p (call, BUILT_IN_ALLOCA_WITH_ALIGN_AND_MAX);
}


/* The variable-length array whose storage the pointer variable PTR_VAR
   holds: the gimplifier gives a VLA "vla" a DECL_VALUE_EXPR of "*vla.1"
   and allocates vla.1 with __builtin_alloca_with_align.  */
tree
vla_of_r (tree block, tree ptr_var)
{
  for (tree var = BLOCK_VARS (block); var; var = DECL_CHAIN (var))
    if (VAR_P (var) && DECL_HAS_VALUE_EXPR_P (var))
      {
	tree expr = DECL_VALUE_EXPR (var);
	if ((TREE_CODE (expr) == INDIRECT_REF || TREE_CODE (expr) == MEM_REF)
	    && TREE_OPERAND (expr, 0) == ptr_var)
	  return var;
      }
  for (tree sub = BLOCK_SUBBLOCKS (block); sub; sub = BLOCK_CHAIN (sub))
    {
      tree found = vla_of_r (sub, ptr_var);
      if (found)
	return found;
    }
  return NULL_TREE;
}

/* alloca and VLAs: stack memory, an object of this function; a VLA is
   reported like any address-taken local.  */
void
extract_alloca (extractor *x, gcall *call)
{
  tree lhs = gimple_call_lhs (call);
  esc_node obj = esc_object (x->unit, x->fn);
  esc_node ptr = esc_cell (x->unit, x->fn);
  esc_addr (x->unit, x->fn, ptr, obj);
  assign_to (x, lhs, ptr);
  tree block = DECL_INITIAL (x->fun->decl);
  if (!lhs || TREE_CODE (lhs) != SSA_NAME || !SSA_NAME_VAR (lhs)
      || !block || TREE_CODE (block) != BLOCK)
    return;
  tree vla = vla_of_r (block, SSA_NAME_VAR (lhs));
  if (vla)
    note_address_taken (x, vla, obj);
}

/* __builtin_apply_args () returns a block holding the function's own
   arguments, which __builtin_apply passes on to another function: the
   block points to every parameter's value.  */
void
extract_apply_args (extractor *x, gcall *call)
{
  esc_node obj = esc_object (x->unit, x->fn);
  esc_node block = esc_cell (x->unit, x->fn);
  esc_addr (x->unit, x->fn, block, obj);
  unsigned nparams = list_length (DECL_ARGUMENTS (x->fun->decl));
  for (unsigned i = 0; i < nparams; i++)
    esc_store (x->unit, x->fn, block, esc_param_value (x->unit, x->fn, i));
  assign_to (x, gimple_call_lhs (call), block);
}

/* __builtin_return (block) returns what the block holds (the result of
   __builtin_apply).  */
void
extract_builtin_return (extractor *x, gcall *call)
{
  if (gimple_call_num_args (call) == 1)
    esc_return (x->unit, x->fn,
		load_through (x, value_of (x, gimple_call_arg (call, 0))));
}

/* CALL of each of the functions TARGETS[0..N-1], defined in the unit.  */
void
extract_calls_of (extractor *x, gcall *call, const tree *targets, unsigned n)
{
  auto_vec<esc_node> args;
  for (unsigned i = 0; i < gimple_call_num_args (call); i++)
    args.safe_push (value_of (x, gimple_call_arg (call, i)));
  tree lhs = gimple_call_lhs (call);
  esc_node result = lhs ? esc_cell (x->unit, x->fn) : ESC_NO_NODE;
  for (unsigned i = 0; i < n; i++)
    if (!extract_clone_call (x, analysable_callee (targets[i]), result, args))
      extract_direct_call (x, targets[i], result, args.address (),
			   args.length ());
  assign_to (x, lhs, result);
}

/* How deep a function pointer is followed through copies and PHIs.  */
#define ESCAPE_MAX_TARGET_DEPTH 8

/* Adds to TARGETS the functions whose addresses INIT (the initializer of
   a read-only table) holds; false if it holds any other address.  */
bool
table_targets (tree init, auto_vec<tree> *targets)
{
  if (TREE_CODE (init) == CONSTRUCTOR)
    {
      unsigned i;
      tree elt;
      FOR_EACH_CONSTRUCTOR_VALUE (CONSTRUCTOR_ELTS (init), i, elt)
	if (!table_targets (elt, targets))
	  return false;
      return true;
    }
  STRIP_NOPS (init);
  if (TREE_CODE (init) == ADDR_EXPR
      && TREE_CODE (TREE_OPERAND (init, 0)) == FUNCTION_DECL)
    {
      targets->safe_push (TREE_OPERAND (init, 0));
      return true;
    }
  return CONSTANT_CLASS_P (init) && TREE_CODE (init) != ADDR_EXPR;
}

/* Adds to TARGETS the functions the pointer FN may hold, when the unit
   knows them all: FN is the address of a function, a copy, conversion or
   PHI of such values, or a load from a read-only static table whose
   initializer holds only function addresses and constants.  */
bool
call_targets (tree fn, int depth, hash_set<tree> *visited,
	      auto_vec<tree> *targets)
{
  if (depth > ESCAPE_MAX_TARGET_DEPTH)
    return false;
  if (TREE_CODE (fn) == ADDR_EXPR)
    {
      if (TREE_CODE (TREE_OPERAND (fn, 0)) != FUNCTION_DECL)
	return false;
      targets->safe_push (TREE_OPERAND (fn, 0));
      return true;
    }
  if (TREE_CODE (fn) != SSA_NAME || SSA_NAME_IS_DEFAULT_DEF (fn))
    return false;
  if (visited->add (fn))
    return true;
  gimple *def = SSA_NAME_DEF_STMT (fn);
  if (gphi *phi = dyn_cast <gphi *> (def))
    {
      for (unsigned i = 0; i < gimple_phi_num_args (phi); i++)
	if (!call_targets (gimple_phi_arg_def (phi, i), depth + 1, visited,
			   targets))
	  return false;
      return true;
    }
  gassign *assign = dyn_cast <gassign *> (def);
  if (!assign)
    return false;
  tree rhs = gimple_assign_rhs1 (assign);
  if (gimple_assign_single_p (assign) && memory_ref_p (rhs)
      && TREE_CODE (rhs) != SSA_NAME)
    {
      tree base = get_base_address (rhs);
      return base && VAR_P (base) && TREE_READONLY (base)
	     && TREE_STATIC (base) && !TREE_THIS_VOLATILE (base)
	     && DECL_INITIAL (base)
	     && DECL_INITIAL (base) != error_mark_node
	     && table_targets (DECL_INITIAL (base), targets);
    }
  if (gimple_assign_ssa_name_copy_p (assign) || gimple_assign_cast_p (assign)
      || gimple_assign_rhs_code (assign) == ADDR_EXPR)
    return call_targets (rhs, depth + 1, visited, targets);
  return false;
}

/* A call through a pointer: of the functions it may hold when they are
   all known and defined here, else of an unknown function.  */
void
extract_indirect_call (extractor *x, gcall *call)
{
  hash_set<tree> visited;
  auto_vec<tree> targets;
  bool known = call_targets (gimple_call_fn (call), 0, &visited, &targets)
	       && !targets.is_empty ();
  targets.qsort (compare_decl_uids);
  unsigned n = 0;
  for (unsigned i = 0; known && i < targets.length (); i++)
    {
      known = analysable_callee (targets[i]) != NULL_TREE;
      if (!n || targets[n - 1] != targets[i])
	targets[n++] = targets[i];
    }
  if (known)
    extract_calls_of (x, call, targets.address (), n);
  else
    extract_unknown_call (x, call, reason (ESC_R_INDIRECT_CALL));
}

/* What the libc table or the program's allocators say CALL of FNDECL
   does, or NULL.  The program's own allocators are known by what they are
   declared or found to be, not by what their bodies do.  */
const esc_libc_fn *
known_callee_entry (gcall *call, tree fndecl)
{
  const esc_libc_fn *entry = escape_libc_entry (call, fndecl);
  if (!entry)
    if (const escape_allocator *a = escape_allocator_of_call (call))
      entry = &a->entry;
  return entry;
}

void
extract_call (extractor *x, gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  if (gimple_call_chain (call))
    esc_escape (x->unit, x->fn, value_of (x, gimple_call_chain (call)),
		reason (ESC_R_NESTED, fndecl ? callee_name (fndecl)
			: "<nested function>"));
  if (gimple_call_internal_p (call))
    {
      extract_internal_call (x, call);
      return;
    }
  if (!fndecl)
    {
      extract_indirect_call (x, call);
      return;
    }
  if (alloca_call_p (call))
    {
      extract_alloca (x, call);
      return;
    }
  if (gimple_call_builtin_p (call, BUILT_IN_APPLY_ARGS))
    {
      extract_apply_args (x, call);
      return;
    }
  if (gimple_call_builtin_p (call, BUILT_IN_RETURN))
    {
      extract_builtin_return (x, call);
      return;
    }
  const esc_libc_fn *entry = known_callee_entry (call, fndecl);
  if (entry)
    {
      extract_libc_call (x, call, entry);
      return;
    }
  if (!analysable_callee (fndecl))
    {
      extract_unknown_call (x, call, reason (ESC_R_CALL_UNKNOWN,
					     callee_name (fndecl)));
      return;
    }
  extract_calls_of (x, call, &fndecl, 1);
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

} // anon namespace

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
