/* escape-allocators.cc -- the functions of a program that allocate and
   free besides the C library's: its own wrappers.

   A function is an allocator when
   (a) its declaration has GCC's malloc attribute and alloc_size: its
       deallocator is the one a "malloc (dealloc, N)" attribute names
       (GCC records it on the deallocator as "*dealloc"), free otherwise;
   (b) the user names it: -fplugin-arg-escape-allocator=ALLOC:DEALLOC;
   (c) it is a wrapper of this unit (escape_detect_wrapper): a body that
       only returns the result of an allocation call whose sizes are its
       own parameters, after a null check whose failing side may do
       anything (abort, exit, report).

   A call of an allocator is an allocation like malloc's, whatever its
   body does; a call of a deallocator frees its argument.  The analysis
   sees both through a libc table entry made for them (escape-libc.h).
   What an allocator of (a) or (b) puts in its memory is not known, so a
   slot that replaces it is cleared; a wrapper of (c) clears only when
   what it wraps does (calloc).  */

#include "escape-gcc.h"

namespace {

/* The largest constant factor of a size kept: a product of it and two
   sizes up to a slot's (1 MiB at most) cannot wrap.  */
const unsigned HOST_WIDE_INT max_size_factor = 1UL << 20;

/* -fplugin-arg-escape-allocator pairs, by name.  */
struct named_pair
{
  char *alloc, *dealloc;
};
auto_vec<named_pair> named_pairs;

/* What is known of each function asked about (NULL: neither allocator nor
   deallocator), by declaration; wrappers found in the unit's bodies.  */
hash_map<tree, escape_allocator *> *known;
hash_map<tree, escape_allocator *> *wrappers;
hash_set<const esc_libc_fn *> *allocator_entries;

escape_allocator *
new_allocator (tree fndecl, enum esc_libc_result result,
	       enum esc_libc_alloc alloc)
{
  escape_allocator *a = XCNEW (escape_allocator);
  a->entry.name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  a->entry.result = result;
  a->entry.alloc = alloc;
  a->entry.size_arg[0] = a->entry.size_arg[1] = ESC_LIBC_NONE;
  /* What else such a function does with a pointer is not known.  */
  for (unsigned i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    a->entry.arg[i] = ESC_ARG_KEPT;
  a->entry.rest = ESC_ARG_KEPT;
  a->entry.copy_from = a->entry.copy_to = ESC_LIBC_NONE;
  a->entry.store_arg = a->entry.store_into = ESC_LIBC_NONE;
  a->entry.callback = ESC_LIBC_NONE;
  a->align_arg = -1;
  a->size_factor = 1;
  a->clears = true;
  if (!allocator_entries)
    allocator_entries = new hash_set<const esc_libc_fn *>;
  allocator_entries->add (&a->entry);
  return a;
}

/* Multiplies A's constant factor by FACTOR; false if it grows beyond any
   slot (the products of the guard must not wrap).  */
bool
scale (escape_allocator *a, unsigned HOST_WIDE_INT factor)
{
  if (factor > max_size_factor || a->size_factor > max_size_factor / MAX
      (factor, 1))
    return false;
  a->size_factor *= factor;
  return true;
}

tree
fn_attribute (tree fndecl, const char *name)
{
  tree attr = lookup_attribute (name, DECL_ATTRIBUTES (fndecl));
  return attr ? attr : lookup_attribute (name, TYPE_ATTRIBUTES
					 (TREE_TYPE (fndecl)));
}

/* The 0-based position given by the 1-based constant ARG, or -1.  */
int
position_of (tree arg, tree fndecl)
{
  if (!arg || TREE_CODE (arg) != INTEGER_CST || !tree_fits_uhwi_p (arg))
    return -1;
  unsigned HOST_WIDE_INT pos = tree_to_uhwi (arg);
  unsigned nparams = type_num_arguments (TREE_TYPE (fndecl));
  return pos >= 1 && pos <= MIN (nparams, (unsigned) ESC_LIBC_MAX_ARGS)
	 ? (int) pos - 1 : -1;
}

/* The sizes of FNDECL's result from its alloc_size attribute or, for a
   function of one integer parameter, that parameter.  */
void
set_sizes (escape_allocator *a, tree fndecl)
{
  if (tree attr = fn_attribute (fndecl, "alloc_size"))
    {
      tree args = TREE_VALUE (attr);
      a->entry.size_arg[0] = args ? position_of (TREE_VALUE (args), fndecl)
			     : -1;
      if (args && TREE_CHAIN (args))
	{
	  a->entry.size_arg[1] = position_of (TREE_VALUE (TREE_CHAIN (args)),
					      fndecl);
	  a->entry.alloc = ESC_ALLOC_CALLOC;
	}
      a->sized = a->entry.size_arg[0] >= 0
		 && (a->entry.alloc != ESC_ALLOC_CALLOC
		     || a->entry.size_arg[1] >= 0);
      return;
    }
  tree params = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
  if (params && INTEGRAL_TYPE_P (TREE_VALUE (params))
      && TREE_CHAIN (params) == void_list_node)
    {
      a->entry.size_arg[0] = 0;
      a->sized = true;
    }
}

/* The alignment an allocator promises beyond malloc's: assume_aligned's
   constant, or alloc_align's argument.  */
void
set_alignment (escape_allocator *a, tree fndecl)
{
  if (tree attr = fn_attribute (fndecl, "alloc_align"))
    a->align_arg = TREE_VALUE (attr) ? position_of (TREE_VALUE (TREE_VALUE
							       (attr)), fndecl)
					 : -1;
  if (tree attr = fn_attribute (fndecl, "assume_aligned"))
    {
      tree align = TREE_VALUE (attr) ? TREE_VALUE (TREE_VALUE (attr)) : NULL;
      if (align && TREE_CODE (align) == INTEGER_CST
	  && tree_fits_uhwi_p (align))
	a->align_bytes = tree_to_uhwi (align);
      else
	a->align_bytes = HOST_WIDE_INT_M1U;
    }
}

escape_allocator *
allocator_from_declaration (tree fndecl, tree dealloc)
{
  escape_allocator *a = new_allocator (fndecl, ESC_RES_ALLOC,
				       ESC_ALLOC_MALLOC);
  a->dealloc = dealloc;
  set_sizes (a, fndecl);
  set_alignment (a, fndecl);
  return a;
}

escape_allocator *
deallocator (tree fndecl, unsigned argno)
{
  escape_allocator *a = new_allocator (fndecl, ESC_RES_NONE, ESC_ALLOC_NONE);
  if (argno < ESC_LIBC_MAX_ARGS)
    a->entry.arg[argno] = ESC_ARG_FREED;
  a->freed_arg = argno;
  return a;
}

/* The deallocator named by FNDECL's "malloc (dealloc)" attribute, or
   NULL_TREE.  */
tree
attribute_deallocator (tree fndecl)
{
  for (tree attr = DECL_ATTRIBUTES (fndecl);
       (attr = lookup_attribute ("malloc", attr)); attr = TREE_CHAIN (attr))
    if (TREE_VALUE (attr) && DECL_P (TREE_VALUE (TREE_VALUE (attr))))
      return TREE_VALUE (TREE_VALUE (attr));
  return NULL_TREE;
}

bool
named_p (tree fndecl, bool as_alloc)
{
  const char *name = IDENTIFIER_POINTER (DECL_NAME (fndecl));
  for (const named_pair &pair : named_pairs)
    if (!strcmp (as_alloc ? pair.alloc : pair.dealloc, name))
      return true;
  return false;
}

/* What FNDECL is, from its declaration and the user's names.  */
escape_allocator *
classify (tree fndecl)
{
  if (!DECL_NAME (fndecl) || fndecl_built_in_p (fndecl))
    return NULL;
  /* The attribute as written, not DECL_IS_MALLOC, which GCC also sets on
     functions it finds malloc-like whatever else they do.  */
  bool malloc_like = lookup_attribute ("malloc", DECL_ATTRIBUTES (fndecl));
  if (named_p (fndecl, true)
      || (malloc_like && fn_attribute (fndecl, "alloc_size")))
    return allocator_from_declaration (fndecl, attribute_deallocator (fndecl));
  /* The C library's own (fclose, closedir) are in its table or unknown:
     their "*dealloc" attributes pair them with the library's
     allocators.  */
  unsigned argno = fndecl_dealloc_argno (fndecl);
  if (!DECL_IN_SYSTEM_HEADER (fndecl)
      && argno < (unsigned) type_num_arguments (TREE_TYPE (fndecl)))
    return deallocator (fndecl, argno);
  if (named_p (fndecl, false))
    return deallocator (fndecl, 0);
  return NULL;
}

/* ---- Wrappers found in the unit: escape_detect_wrapper.  */

/* The allocation call whose result VALUE is, through copies and
   conversions, or NULL.  */
gcall *
allocation_of (tree value)
{
  gimple *def = value ? escape_pointer_source (value) : NULL;
  return def ? dyn_cast <gcall *> (def) : NULL;
}

/* The position of the parameter whose value ARG is, through conversions
   to integer types, or -1.  */
int
parameter_position (tree arg, tree fndecl)
{
  while (TREE_CODE (arg) == SSA_NAME && !SSA_NAME_IS_DEFAULT_DEF (arg))
    {
      gassign *assign = dyn_cast <gassign *> (SSA_NAME_DEF_STMT (arg));
      if (!assign || !CONVERT_EXPR_CODE_P (gimple_assign_rhs_code (assign))
	  || !INTEGRAL_TYPE_P (TREE_TYPE (gimple_assign_rhs1 (assign))))
	return -1;
      arg = gimple_assign_rhs1 (assign);
    }
  if (TREE_CODE (arg) != SSA_NAME || !SSA_NAME_VAR (arg)
      || TREE_CODE (SSA_NAME_VAR (arg)) != PARM_DECL)
    return -1;
  int pos = 0;
  for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p), pos++)
    if (p == SSA_NAME_VAR (arg))
      return pos < ESC_LIBC_MAX_ARGS ? pos : -1;
  return -1;
}

/* The edge of the null check COND of RESULT on which RESULT is null, or
   NULL.  */
edge
null_edge (gcond *cond, tree result)
{
  tree lhs = gimple_cond_lhs (cond);
  enum tree_code code = gimple_cond_code (cond);
  if ((code != EQ_EXPR && code != NE_EXPR) || !integer_zerop
      (gimple_cond_rhs (cond))
      || TREE_CODE (lhs) != SSA_NAME || allocation_of (lhs)
      != SSA_NAME_DEF_STMT (result))
    return NULL;
  edge t, f;
  extract_true_false_edges_from_block (gimple_bb (cond), &t, &f);
  return code == EQ_EXPR ? t : f;
}

/* May STMT run when the allocation succeeded, in a wrapper, without
   making it more than a wrapper: a copy, a conversion, a test?  */
bool
plain_stmt_p (gimple *stmt)
{
  if (gimple_vdef (stmt) || gimple_vuse (stmt))
    return false;
  switch (gimple_code (stmt))
    {
    case GIMPLE_ASSIGN:
    case GIMPLE_COND:
    case GIMPLE_RETURN:
    case GIMPLE_LABEL:
    case GIMPLE_DEBUG:
    case GIMPLE_PREDICT:
    case GIMPLE_NOP:
      return true;
    default:
      return false;
    }
}

/* The blocks that can reach the exit through a return, in *LIVE.  */
void
blocks_reaching_exit (function *fun, auto_sbitmap &live)
{
  bitmap_clear (live);
  auto_vec<basic_block> work;
  work.safe_push (EXIT_BLOCK_PTR_FOR_FN (fun));
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      edge e;
      edge_iterator ei;
      FOR_EACH_EDGE (e, ei, bb->preds)
	if (!bitmap_bit_p (live, e->src->index))
	  {
	    bitmap_set_bit (live, e->src->index);
	    work.safe_push (e->src);
	  }
    }
}

/* Is BB on the failing side of the null check: dominated by NULL_DEST,
   the destination of the null edge, entered only through it?  */
bool
failing_side_p (basic_block bb, basic_block null_dest)
{
  return null_dest && dominated_by_p (CDI_DOMINATORS, bb, null_dest);
}

/* The one allocation call of FUN on the succeeding side, if every
   statement there is plain and every return gives its result; NULL
   otherwise.  */
gcall *
wrapped_call (function *fun, const auto_sbitmap &live)
{
  gcall *alloc = NULL;
  basic_block null_dest = NULL, bb;
  /* Blocks in order: the allocation comes before its null check.  */
  int *order = XNEWVEC (int, n_basic_blocks_for_fn (fun));
  int n = pre_and_rev_post_order_compute_fn (fun, NULL, order, false);
  bool ok = true;
  for (int i = 0; i < n && ok; i++)
    {
      bb = BASIC_BLOCK_FOR_FN (fun, order[i]);
      if (!bitmap_bit_p (live, bb->index) || failing_side_p (bb, null_dest))
	continue;
      for (gphi_iterator gsi = gsi_start_phis (bb); !gsi_end_p (gsi);
	   gsi_next (&gsi))
	if (!virtual_operand_p (gimple_phi_result (gsi.phi ())))
	  ok = false;
      for (gimple_stmt_iterator gsi = gsi_start_bb (bb); ok && !gsi_end_p (gsi);
	   gsi_next (&gsi))
	{
	  gimple *stmt = gsi_stmt (gsi);
	  gcall *call = dyn_cast <gcall *> (stmt);
	  if (call && !alloc && gimple_call_lhs (call))
	    alloc = call;
	  else if (greturn *ret = dyn_cast <greturn *> (stmt))
	    ok = alloc && allocation_of (gimple_return_retval (ret)) == alloc;
	  else if (gcond *cond = dyn_cast <gcond *> (stmt))
	    {
	      edge e = alloc ? null_edge (cond, gimple_call_lhs (alloc)) : NULL;
	      if (e && !null_dest && single_pred_p (e->dest))
		null_dest = e->dest;
	      ok = plain_stmt_p (stmt);
	    }
	  else
	    ok = plain_stmt_p (stmt);
	}
    }
  XDELETEVEC (order);
  return ok ? alloc : NULL;
}

/* The allocator ALLOC calls, if it is one a wrapper may wrap: malloc,
   calloc or another allocator whose sizes and alignment are plain.  */
const escape_allocator *
wrappable (gcall *alloc, escape_allocator *as_libc)
{
  if (gimple_call_builtin_p (alloc, BUILT_IN_MALLOC)
      || gimple_call_builtin_p (alloc, BUILT_IN_CALLOC))
    {
      bool calloc_p = gimple_call_builtin_p (alloc, BUILT_IN_CALLOC);
      as_libc->entry.alloc = calloc_p ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
      as_libc->entry.size_arg[0] = 0;
      as_libc->entry.size_arg[1] = calloc_p ? 1 : ESC_LIBC_NONE;
      as_libc->clears = calloc_p;
      as_libc->align_arg = -1;
      as_libc->size_factor = 1;
      as_libc->sized = true;
      return as_libc;
    }
  tree callee = gimple_call_fndecl (alloc);
  const escape_allocator *inner = callee ? escape_allocator_of_decl (callee)
				  : NULL;
  if (!inner || inner->entry.alloc == ESC_ALLOC_NONE || !inner->sized
      || inner->align_arg >= 0 || inner->align_bytes)
    return NULL;
  return inner;
}

escape_allocator *
wrapper_of (function *fun, gcall *alloc)
{
  escape_allocator as_libc;
  memset (&as_libc, 0, sizeof as_libc);
  const escape_allocator *inner = wrappable (alloc, &as_libc);
  if (!inner)
    return NULL;
  escape_allocator *a = new_allocator (fun->decl, ESC_RES_ALLOC,
				       ESC_ALLOC_MALLOC);
  /* Its parameters are integers that only give the size.  */
  for (unsigned i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    a->entry.arg[i] = ESC_ARG_NOT_KEPT;
  a->size_factor = inner->size_factor;
  int kept = 0;
  for (unsigned i = 0; i < 2; i++)
    {
      int arg = inner->entry.size_arg[i];
      if (arg == ESC_LIBC_NONE)
	continue;
      if ((unsigned) arg >= gimple_call_num_args (alloc))
	return NULL;
      tree size = gimple_call_arg (alloc, arg);
      int pos = parameter_position (size, fun->decl);
      if (pos >= 0)
	a->entry.size_arg[kept++] = pos;
      else if (TREE_CODE (size) != INTEGER_CST || !tree_fits_uhwi_p (size)
	       || !scale (a, tree_to_uhwi (size)))
	return NULL;
    }
  /* Every size a constant: not a wrapper worth the name.  */
  if (!kept)
    return NULL;
  a->entry.alloc = kept == 2 ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
  a->clears = inner->clears;
  a->dealloc = inner == &as_libc ? NULL_TREE : inner->dealloc;
  a->wrapped = true;
  a->sized = true;
  return a;
}

/* Could FUN's body be a wrapper: a pointer result, integer parameters
   only, no variadic part?  */
bool
wrapper_signature_p (function *fun)
{
  tree fntype = TREE_TYPE (fun->decl);
  if (!POINTER_TYPE_P (TREE_TYPE (fntype)) || stdarg_p (fntype)
      || !prototype_p (fntype) || !DECL_NAME (fun->decl))
    return false;
  for (tree p = DECL_ARGUMENTS (fun->decl); p; p = DECL_CHAIN (p))
    if (!INTEGRAL_TYPE_P (TREE_TYPE (p)))
      return false;
  return true;
}

/* ---- Clones (IPA-CP, IPA-SRA) of allocators.  */

/* Where the clone takes the argument ORIGINAL of its origin: its new
   position, or -1 with *CONSTANT set if IPA-CP replaced it by the constant
   *CONSTANT; -2 if neither.  */
int
clone_position (clone_info *info, int original,
		unsigned HOST_WIDE_INT *constant)
{
  if (!info)
    return original;
  ipa_param_adjustments *adj = info->param_adjustments;
  if (!adj)
    return original;
  for (unsigned i = 0; i < vec_safe_length (adj->m_adj_params); i++)
    if (adj->get_original_index (i) == original)
      return i < ESC_LIBC_MAX_ARGS ? (int) i : -2;
  ipa_replace_map *map;
  unsigned i;
  FOR_EACH_VEC_SAFE_ELT (info->tree_map, i, map)
    if (map->parm_num == original && TREE_CODE (map->new_tree) == INTEGER_CST
	&& tree_fits_uhwi_p (map->new_tree))
      {
	*constant = tree_to_uhwi (map->new_tree);
	return -1;
      }
  return -2;
}

/* What the clone CLONE of the allocator or deallocator A is: A with its
   arguments where the clone takes them, or an allocation of a constant
   size if IPA-CP replaced every size by a constant; NULL if the clone
   lost what A needs.  */
escape_allocator *
clone_allocator (tree clone, const escape_allocator *a)
{
  clone_info *info = clone_info::get (cgraph_node::get (clone));
  escape_allocator *c = new_allocator (clone, a->entry.result,
				       a->entry.alloc);
  c->entry.name = a->entry.name;
  c->dealloc = a->dealloc;
  c->clears = a->clears;
  c->wrapped = a->wrapped;
  c->sized = a->sized;
  c->align_bytes = a->align_bytes;
  unsigned HOST_WIDE_INT constant = 0;
  if (a->align_arg >= 0
      && (c->align_arg = clone_position (info, a->align_arg, &constant)) < 0)
    return NULL;
  if (a->entry.alloc == ESC_ALLOC_NONE)
    {
      int freed = clone_position (info, a->freed_arg, &constant);
      if (freed < 0)
	return NULL;
      c->freed_arg = freed;
      c->entry.arg[freed] = ESC_ARG_FREED;
      return c;
    }
  c->size_factor = a->size_factor;
  int kept = 0;
  for (unsigned i = 0; i < 2; i++)
    {
      if (a->entry.size_arg[i] == ESC_LIBC_NONE)
	continue;
      int pos = clone_position (info, a->entry.size_arg[i], &constant);
      if (pos == -2 || (pos == -1 && !scale (c, constant)))
	return NULL;
      if (pos >= 0)
	c->entry.size_arg[kept++] = pos;
    }
  c->entry.alloc = kept == 2 ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
  for (unsigned i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    c->entry.arg[i] = a->wrapped ? ESC_ARG_NOT_KEPT : ESC_ARG_KEPT;
  return c;
}

/* Is FNDECL's body here the one its calls run?  */
bool
body_is_final_p (tree fndecl)
{
  cgraph_node *node = cgraph_node::get (fndecl);
  enum availability avail = AVAIL_NOT_AVAILABLE;
  if (node)
    node->ultimate_alias_target (&avail);
  return avail > AVAIL_INTERPOSABLE;
}

} // anon namespace

const escape_allocator *
escape_allocator_of_decl (tree fndecl)
{
  escape_allocator **wrapper = wrappers ? wrappers->get (fndecl) : NULL;
  if (wrapper)
    return *wrapper;
  if (!known)
    known = new hash_map<tree, escape_allocator *>;
  if (escape_allocator **seen = known->get (fndecl))
    return *seen;
  tree origin = escape_origin_of (fndecl);
  escape_allocator *a;
  if (origin != fndecl)
    {
      const escape_allocator *of_origin = escape_allocator_of_decl (origin);
      a = of_origin ? clone_allocator (fndecl, of_origin) : NULL;
    }
  else
    a = classify (fndecl);
  known->put (fndecl, a);
  return a;
}

const escape_allocator *
escape_allocator_of_call (gcall *call)
{
  tree fndecl = gimple_call_fndecl (call);
  if (!fndecl || gimple_call_internal_p (call))
    return NULL;
  const escape_allocator *a = escape_allocator_of_decl (fndecl);
  /* A wrapper is its body: one that may be replaced at link or load time
     is not known.  */
  if (a && a->wrapped && !body_is_final_p (fndecl))
    return NULL;
  return a;
}

bool
escape_allocator_size (gcall *call, const escape_allocator *a,
		       unsigned HOST_WIDE_INT *size)
{
  if (!a->sized)
    return false;
  unsigned HOST_WIDE_INT bytes = a->size_factor;
  for (unsigned i = 0; i < 2; i++)
    {
      int arg = a->entry.size_arg[i];
      if (arg == ESC_LIBC_NONE)
	continue;
      tree n = (unsigned) arg < gimple_call_num_args (call)
	       ? gimple_call_arg (call, arg) : NULL_TREE;
      if (!n || TREE_CODE (n) != INTEGER_CST || !tree_fits_uhwi_p (n))
	return false;
      unsigned HOST_WIDE_INT value = tree_to_uhwi (n);
      if (value && bytes > HOST_WIDE_INT_M1U / value)
	return false;
      bytes *= value;
    }
  *size = bytes;
  return true;
}

const escape_allocator *
escape_allocator_of_entry (const esc_libc_fn *entry)
{
  if (!allocator_entries || !allocator_entries->contains (entry))
    return NULL;
  return (const escape_allocator *) entry;
}

void
escape_detect_wrapper (function *fun)
{
  if (!wrapper_signature_p (fun) || escape_allocator_of_decl (fun->decl))
    return;
  auto_sbitmap live (last_basic_block_for_fn (fun));
  blocks_reaching_exit (fun, live);
  bool had_dominators = dom_info_available_p (fun, CDI_DOMINATORS);
  if (!had_dominators)
    calculate_dominance_info (CDI_DOMINATORS);
  gcall *alloc = wrapped_call (fun, live);
  if (!had_dominators)
    free_dominance_info (CDI_DOMINATORS);
  escape_allocator *a = alloc ? wrapper_of (fun, alloc) : NULL;
  if (!a)
    return;
  if (!wrappers)
    wrappers = new hash_map<tree, escape_allocator *>;
  wrappers->put (fun->decl, a);
}

tree
escape_freed_pointer (gcall *call)
{
  if (gimple_call_builtin_p (call, BUILT_IN_FREE)
      || gimple_call_builtin_p (call, BUILT_IN_REALLOC))
    return gimple_call_arg (call, 0);
  const escape_allocator *a = escape_allocator_of_call (call);
  if (!a || a->entry.alloc != ESC_ALLOC_NONE
      || a->freed_arg >= gimple_call_num_args (call))
    return NULL_TREE;
  return gimple_call_arg (call, a->freed_arg);
}

bool
escape_name_allocators (const char *plugin, const char *value)
{
  if (!value || !*value)
    {
      error ("%<-fplugin-arg-%s-allocator%> needs pairs of functions, as in "
	     "%<-fplugin-arg-%s-allocator=xmalloc:free%>", plugin, plugin);
      return false;
    }
  char *list = xstrdup (value);
  bool ok = true;
  for (char *pair = list; pair; )
    {
      char *next = strchr (pair, ',');
      if (next)
	*next++ = 0;
      char *colon = strchr (pair, ':');
      if (!colon || colon == pair || !colon[1] || strchr (colon + 1, ':'))
	{
	  error ("invalid pair %qs in %<-fplugin-arg-%s-allocator%>; each is "
		 "%<ALLOCATOR:DEALLOCATOR%>, as in %<xmalloc:free%>", pair,
		 plugin);
	  ok = false;
	}
      else
	{
	  *colon = 0;
	  named_pair named = { xstrdup (pair), xstrdup (colon + 1) };
	  named_pairs.safe_push (named);
	}
      pair = next;
    }
  free (list);
  return ok;
}
