/* escape-frontend.cc -- what the C front end hides from GIMPLE.

   Two things are gone by the time GIMPLE exists, so they are recorded from
   the function's GENERIC body just before it is genericized:

   - "return &local;": c_finish_return warns (-Wreturn-local-addr) and
     rewrites the value to "(&local, 0)", so GIMPLE returns a null pointer
     and the local may not even be address-taken any more.  The local did
     escape in the source: it is reported as returned to caller.
   - compound literals: their decls are artificial, like the gimplifier's
     temporaries, and only the COMPOUND_LITERAL_EXPR tells them apart.  */

#include "escape-gcc.h"

namespace {

/* Decls are kept alive by their functions for as long as these sets are
   consulted (up to the report), so the sets need no GC roots.  */
hash_map<tree, location_t> *returned_locals;
hash_set<tree> *compound_literals;

/* The local whose address EXPR computes, following the same steps as
   c_finish_return, or NULL_TREE.  */
tree
returned_local (tree expr, tree fndecl)
{
  for (;;)
    switch (TREE_CODE (expr))
      {
      CASE_CONVERT:
      case NON_LVALUE_EXPR:
      case PLUS_EXPR:
      case POINTER_PLUS_EXPR:
      case MINUS_EXPR:
	expr = TREE_OPERAND (expr, 0);
	break;
      case COMPOUND_EXPR:
	expr = TREE_OPERAND (expr, 1);
	break;
      case ADDR_EXPR:
	{
	  tree base = get_base_address (TREE_OPERAND (expr, 0));
	  if (base && (VAR_P (base) || TREE_CODE (base) == PARM_DECL)
	      && !TREE_STATIC (base) && !DECL_EXTERNAL (base)
	      && DECL_CONTEXT (base) == fndecl)
	    return base;
	  return NULL_TREE;
	}
      default:
	return NULL_TREE;
      }
}

/* "return (&x, 0);" as c_finish_return leaves it.  */
void
record_folded_return (tree ret, tree fndecl)
{
  tree value = TREE_OPERAND (ret, 0);
  if (!value || (TREE_CODE (value) != MODIFY_EXPR
		 && TREE_CODE (value) != INIT_EXPR))
    return;
  value = TREE_OPERAND (value, 1);
  if (TREE_CODE (value) != COMPOUND_EXPR
      || !integer_zerop (TREE_OPERAND (value, 1)))
    return;
  tree local = returned_local (TREE_OPERAND (value, 0), fndecl);
  if (local && !returned_locals->get (local))
    returned_locals->put (local, EXPR_LOCATION (ret));
}

/* What the walk of one function's body carries.  */
struct generic_scan
{
  tree fndecl;
  /* The nodes the C front end shares between two places of a body
     (stabilize_reference's SAVE_EXPRs, "a[i++] += 1"), seen once.  A set
     of every node walked, as walk_tree_without_duplicates keeps, took
     most of the scan's time on SQLite.  */
  hash_set<tree> shared;
};

tree
scan_generic_r (tree *tp, int *walk_subtrees, void *data)
{
  generic_scan *scan = (generic_scan *) data;
  tree fndecl = scan->fndecl;
  switch (TREE_CODE (*tp))
    {
    case RETURN_EXPR:
      record_folded_return (*tp, fndecl);
      break;
    case SAVE_EXPR:
    case TARGET_EXPR:
      if (scan->shared.add (*tp))
	*walk_subtrees = 0;
      break;
    case COMPOUND_LITERAL_EXPR:
      compound_literals->add (COMPOUND_LITERAL_EXPR_DECL (*tp));
      break;
    case DECL_EXPR:
      {
	tree decl = DECL_EXPR_DECL (*tp);
	if (VAR_P (decl) && DECL_INITIAL (decl))
	  walk_tree (&DECL_INITIAL (decl), scan_generic_r, data, NULL);
	break;
      }
    default:
      if (TYPE_P (*tp))
	*walk_subtrees = 0;
      break;
    }
  return NULL_TREE;
}

} // anon namespace

void
escape_record_generic (tree fndecl)
{
  if (!returned_locals)
    {
      returned_locals = new hash_map<tree, location_t>;
      compound_literals = new hash_set<tree>;
    }
  if (DECL_SAVED_TREE (fndecl))
    {
      generic_scan scan;
      scan.fndecl = fndecl;
      walk_tree (&DECL_SAVED_TREE (fndecl), scan_generic_r, &scan, NULL);
    }
}

bool
escape_returned_local_p (tree decl, location_t *where)
{
  location_t *loc = returned_locals ? returned_locals->get (decl) : NULL;
  if (!loc)
    return false;
  *where = *loc;
  return true;
}

bool
escape_compound_literal_p (tree decl)
{
  return compound_literals && compound_literals->contains (decl);
}
