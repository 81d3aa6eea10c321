/* escape-allocators.cc -- the functions of a program that allocate and
   free besides the C library's: its own wrappers.

   A function is an allocator when
   (a) its declaration has GCC's malloc attribute and alloc_size: its
       deallocator is the one a "malloc (dealloc, N)" attribute names
       (GCC records it on the deallocator as "*dealloc"), free otherwise;
   (b) the user names it: -fplugin-arg-escape-allocator=ALLOC:DEALLOC;
   (c) it is a wrapper of this unit (escape-wrappers.cc): a body that
       only returns the result of an allocation call whose sizes are its
       own parameters, after a null check whose failing side may do
       anything (abort, exit, report).

   A call of an allocator is an allocation like malloc's, whatever its
   body does; a call of a deallocator frees its argument (which allocator
   gave the block is not checked: a free of a moved block goes, or skips
   the slot, whichever deallocator it is).  The analysis
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

} // anon namespace

escape_allocator *
escape_new_allocator (tree fndecl, enum esc_libc_result result,
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
escape_scale_allocator (escape_allocator *a, unsigned HOST_WIDE_INT factor)
{
  if (factor > max_size_factor || a->size_factor > max_size_factor / MAX
      (factor, 1))
    return false;
  a->size_factor *= factor;
  return true;
}

void
escape_add_wrapper (tree fndecl, escape_allocator *a)
{
  if (!wrappers)
    wrappers = new hash_map<tree, escape_allocator *>;
  wrappers->put (fndecl, a);
}

namespace {

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

/* The arguments that give A's size and alignment are numbers it reads:
   not kept (a size loaded from a struct that also holds pointers would
   otherwise take them along).  */
void
sizes_not_kept (escape_allocator *a)
{
  for (unsigned i = 0; i < 2; i++)
    if (a->entry.size_arg[i] >= 0)
      a->entry.arg[a->entry.size_arg[i]] = ESC_ARG_NOT_KEPT;
  if (a->align_arg >= 0)
    a->entry.arg[a->align_arg] = ESC_ARG_NOT_KEPT;
}

escape_allocator *
allocator_from_declaration (tree fndecl)
{
  escape_allocator *a = escape_new_allocator (fndecl, ESC_RES_ALLOC,
				       ESC_ALLOC_MALLOC);
  set_sizes (a, fndecl);
  set_alignment (a, fndecl);
  sizes_not_kept (a);
  return a;
}

escape_allocator *
deallocator (tree fndecl, unsigned argno)
{
  escape_allocator *a = escape_new_allocator (fndecl, ESC_RES_NONE, ESC_ALLOC_NONE);
  if (argno < ESC_LIBC_MAX_ARGS)
    a->entry.arg[argno] = ESC_ARG_FREED;
  a->freed_arg = argno;
  return a;
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
    return allocator_from_declaration (fndecl);
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
  escape_allocator *c = escape_new_allocator (clone, a->entry.result,
				       a->entry.alloc);
  c->entry.name = a->entry.name;
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
      if (pos == -2 || (pos == -1 && !escape_scale_allocator (c, constant)))
	return NULL;
      if (pos >= 0)
	c->entry.size_arg[kept++] = pos;
    }
  c->entry.alloc = kept == 2 ? ESC_ALLOC_CALLOC : ESC_ALLOC_MALLOC;
  for (unsigned i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    c->entry.arg[i] = a->wrapped ? ESC_ARG_NOT_KEPT : ESC_ARG_KEPT;
  sizes_not_kept (c);
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
