/* escape-layout.cc -- the fields of a struct, and where a memory
   reference goes in its object: what the core's field cells need
   (esc_object_fields, esc_load_at, esc_store_at, esc_offset).

   A struct's fields are its members' byte ranges, nested structs
   flattened; an array or a union is one range, bit-fields take the bytes
   they touch, and overlapping ranges are merged.  Any layout is sound for
   the core (an access that matches no field exactly touches them all):
   the layout only decides what is kept apart.  */

#include "escape-gcc.h"
#include "tree-dfa.h"

/* Above this many fields a struct is one cell: its accesses are rarely
   that precise, and each field is a node of the graph.  */
#define ESCAPE_MAX_FIELDS 32

namespace {

struct range
{
  uint64_t offset, size;
};

int
compare_ranges (const void *a, const void *b)
{
  const range *x = (const range *) a, *y = (const range *) b;
  if (x->offset != y->offset)
    return x->offset < y->offset ? -1 : 1;
  return x->size < y->size ? -1 : x->size > y->size;
}

/* Adds the ranges of the members of struct TYPE, at byte OFFSET, to
   RANGES; false if a member has no constant place.  */
bool
collect_members (tree type, uint64_t offset, auto_vec<range> *ranges)
{
  for (tree f = TYPE_FIELDS (type); f; f = DECL_CHAIN (f))
    {
      if (TREE_CODE (f) != FIELD_DECL)
	continue;
      if (!tree_fits_uhwi_p (bit_position (f)) || !DECL_SIZE (f)
	  || !tree_fits_uhwi_p (DECL_SIZE (f)))
	return false;
      uint64_t bit = tree_to_uhwi (bit_position (f));
      uint64_t bits = tree_to_uhwi (DECL_SIZE (f));
      if (!bits)
	continue;
      if (TREE_CODE (TREE_TYPE (f)) == RECORD_TYPE && !DECL_BIT_FIELD (f)
	  && bit % BITS_PER_UNIT == 0)
	{
	  if (!collect_members (TREE_TYPE (f), offset + bit / BITS_PER_UNIT,
				ranges))
	    return false;
	  continue;
	}
      uint64_t first = bit / BITS_PER_UNIT;
      uint64_t end = (bit + bits + BITS_PER_UNIT - 1) / BITS_PER_UNIT;
      range r = { offset + first, end - first };
      ranges->safe_push (r);
      if (ranges->length () > 4 * ESCAPE_MAX_FIELDS)
	return false;
    }
  return true;
}

}  // namespace

bool
escape_struct_fields (tree type, auto_vec<uint64_t> *offsets,
		      auto_vec<uint64_t> *sizes)
{
  auto_vec<range> ranges;
  if (!type || TREE_CODE (type) != RECORD_TYPE || !COMPLETE_TYPE_P (type)
      || !collect_members (type, 0, &ranges) || ranges.is_empty ())
    return false;
  ranges.qsort (compare_ranges);
  for (const range &r : ranges)
    {
      uint64_t last = offsets->is_empty () ? 0 : offsets->last ();
      if (!offsets->is_empty () && r.offset < last + sizes->last ())
	{
	  /* Overlaps the previous range (bit-fields): one field.  */
	  uint64_t end = MAX (last + sizes->last (), r.offset + r.size);
	  sizes->last () = end - last;
	  continue;
	}
      offsets->safe_push (r.offset);
      sizes->safe_push (r.size);
    }
  return offsets->length () <= ESCAPE_MAX_FIELDS;
}

bool
escape_ref_range (tree ref, tree *base, int64_t *offset, uint64_t *size,
		  bool *exact)
{
  poly_int64 bitpos, bitsize, maxsize;
  bool reverse;
  *base = get_ref_base_and_extent (ref, &bitpos, &bitsize, &maxsize,
				   &reverse);
  HOST_WIDE_INT pos, max;
  if (!*base || !bitpos.is_constant (&pos) || !known_size_p (maxsize)
      || !maxsize.is_constant (&max) || pos % BITS_PER_UNIT
      || max % BITS_PER_UNIT || max <= 0)
    return false;
  int64_t bytes = pos / BITS_PER_UNIT;
  if (TREE_CODE (*base) == TARGET_MEM_REF)
    return false;
  if (TREE_CODE (*base) == MEM_REF)
    {
      /* The extent does not count the MEM_REF's own offset.  */
      poly_offset_int off = mem_ref_offset (*base);
      poly_int64 poly;
      HOST_WIDE_INT cst;
      if (!off.to_shwi (&poly) || !poly.is_constant (&cst))
	return false;
      bytes += cst;
    }
  *offset = bytes;
  *size = (uint64_t) max / BITS_PER_UNIT;
  *exact = known_eq (bitsize, maxsize);
  return true;
}
