/* escape-slots.cc -- what the frame slot replacing an allocation must be:
   its alignment, whether it is cleared, and, for a size known only at run
   time, the largest size GCC's ranges allow (then no guard is needed).  */

#include "escape-gcc.h"

namespace {

/* The alignment malloc guarantees (alignof (max_align_t)), in bytes.  */
unsigned HOST_WIDE_INT
malloc_alignment (void)
{
  unsigned HOST_WIDE_INT bits = MAX (TYPE_ALIGN (long_double_type_node),
				     TYPE_ALIGN (long_long_integer_type_node));
  bits = MAX (bits, (unsigned HOST_WIDE_INT) MALLOC_ABI_ALIGNMENT);
  return bits / BITS_PER_UNIT;
}

/* The largest alignment asked of aligned_alloc that is honoured.  */
const unsigned HOST_WIDE_INT max_stack_alignment = 4096;

/* The largest size bound used: beyond it, a product of bounds could
   wrap.  */
const unsigned HOST_WIDE_INT max_bound = 1UL << 20;

/* The alignment ARG asks for, if it is a constant power of two the stack
   can give, else 0.  */
unsigned HOST_WIDE_INT
asked_alignment (tree arg)
{
  if (!arg || TREE_CODE (arg) != INTEGER_CST || !tree_fits_uhwi_p (arg))
    return 0;
  unsigned HOST_WIDE_INT asked = tree_to_uhwi (arg);
  if (!pow2p_hwi (asked) || asked > max_stack_alignment)
    return 0;
  return MAX (malloc_alignment (), asked);
}

/* The largest value ARG may have at CALL, if the ranges know one up to
   max_bound.  */
bool
upper_bound (range_query *ranges, tree arg, gcall *call,
	     unsigned HOST_WIDE_INT *bound)
{
  int_range_max r;
  if (!INTEGRAL_TYPE_P (TREE_TYPE (arg))
      || !ranges->range_of_expr (r, arg, call) || r.undefined_p ()
      || r.varying_p ())
    return false;
  wide_int top = r.upper_bound ();
  if (wi::neg_p (r.lower_bound (), TYPE_SIGN (TREE_TYPE (arg)))
      || !wi::leu_p (top, max_bound))
    return false;
  *bound = top.to_uhwi ();
  return true;
}

} // anon namespace

bool
escape_builtin_movable_p (gcall *call)
{
  return gimple_call_builtin_p (call, BUILT_IN_MALLOC)
	 || gimple_call_builtin_p (call, BUILT_IN_CALLOC)
	 || gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC);
}

bool
escape_slot_cleared_p (const escape_alloc_site &site)
{
  const escape_allocator *a = escape_allocator_of_entry (site.entry);
  return a ? a->clears : gimple_call_builtin_p (site.call, BUILT_IN_CALLOC);
}

unsigned HOST_WIDE_INT
escape_slot_alignment (const escape_alloc_site &site)
{
  gcall *call = site.call;
  if (gimple_call_builtin_p (call, BUILT_IN_ALIGNED_ALLOC))
    return asked_alignment (gimple_call_arg (call, 0));
  const escape_allocator *a = escape_allocator_of_entry (site.entry);
  if (!a)
    return malloc_alignment ();
  if (a->align_arg >= 0)
    return (unsigned) a->align_arg < gimple_call_num_args (call)
	   ? asked_alignment (gimple_call_arg (call, a->align_arg)) : 0;
  if (a->align_bytes)
    return asked_alignment (build_int_cstu (size_type_node,
					    a->align_bytes));
  return malloc_alignment ();
}

bool
escape_size_bound (range_query *ranges, const escape_alloc_site &site,
		   unsigned HOST_WIDE_INT *bound)
{
  const escape_allocator *a = escape_allocator_of_entry (site.entry);
  unsigned HOST_WIDE_INT product = a ? a->size_factor : 1;
  for (unsigned i = 0; i < 2; i++)
    {
      int arg = site.entry->size_arg[i];
      if (arg == ESC_LIBC_NONE)
	continue;
      unsigned HOST_WIDE_INT top;
      if ((unsigned) arg >= gimple_call_num_args (site.call)
	  || !upper_bound (ranges, gimple_call_arg (site.call, arg),
			   site.call, &top))
	return false;
      product *= top;
      if (product > max_bound)
	return false;
    }
  *bound = product;
  return true;
}
