/* escape-extract-calls.cc -- GIMPLE calls to escape graph constraints
   (escape-extract.cc has the rest): a call of the libc table's functions
   (allocations, frees, callbacks, formats), of a function of the unit (a
   summary, or its clone's origin), through a pointer (its known targets),
   an internal function, alloca, and a call of anything else, whose
   arguments escape.  */

#include "escape-gcc.h"
#include "escape-extract.h"

namespace escape_extract {

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

/* The string literal OP points to (&"..." or &"..."[0]), or NULL_TREE.  */
tree
string_literal (tree op)
{
  if (!op || TREE_CODE (op) != ADDR_EXPR)
    return NULL_TREE;
  tree str = TREE_OPERAND (op, 0);
  if (TREE_CODE (str) == ARRAY_REF && integer_zerop (TREE_OPERAND (str, 1)))
    str = TREE_OPERAND (str, 0);
  return TREE_CODE (str) == STRING_CST ? str : NULL_TREE;
}

/* The length of the string literal OP points to, if it is one.  */
bool
literal_length (tree op, unsigned HOST_WIDE_INT *len)
{
  tree str = string_literal (op);
  if (!str)
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
  tree str = string_literal (gimple_call_arg (call, named - 1));
  if (!str)
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

} // namespace escape_extract
