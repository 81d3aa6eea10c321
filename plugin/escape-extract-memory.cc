/* escape-extract-memory.cc -- the extractor's values and memory
   references: what an operand's value is (an SSA value, an address, a
   load), where a reference goes from the pointer it is reached through
   (an exact place or anywhere), and assignments to any kind of lhs,
   a struct's copy field by field.  */

#include "escape-gcc.h"
#include "escape-extract.h"

namespace escape_extract {

namespace {

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

}  // anon namespace

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

namespace {

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

}  // anon namespace

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

} // namespace escape_extract
