/* escape-extract.h -- what the extractor's files share: its state, and
   the functions one file calls in another.

     escape-extract.cc	      nodes of declarations and SSA names, the
			      statements of a function and the driver;
     escape-extract-memory.cc values, memory references, assignments;
     escape-extract-calls.cc  calls: the libc table, allocations, direct,
			      indirect and internal calls;
     escape-extract-frames.cc the frames of nested functions.  */

#ifndef ESCAPE_EXTRACT_H
#define ESCAPE_EXTRACT_H

namespace escape_extract {

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

/* escape-extract.cc  */
esc_reason reason (esc_reason_kind kind, const char *name = NULL,
		   int argno = 0);
const char *callee_name (tree fndecl);
esc_node unknown_value (extractor *x);
bool local_decl_p (extractor *x, tree decl);
bool give_fields (extractor *x, esc_node obj, tree type);
esc_node decl_node (extractor *x, tree decl);
esc_node ssa_node (extractor *x, tree name);
void note_address_taken (extractor *x, tree decl, esc_node node);
void escape_unsupported (extractor *x, tree op);

/* escape-extract-memory.cc  */
esc_node address_of (extractor *x, tree ref);
bool memory_ref_p (tree op);
esc_node value_of (extractor *x, tree op);
void assign_to (extractor *x, tree lhs, esc_node src);
bool copy_struct (extractor *x, tree lhs, tree rhs);

/* escape-extract-calls.cc  */
tree analysable_callee (tree fndecl);
bool alloca_call_p (gcall *call);
const esc_libc_fn *known_callee_entry (gcall *call, tree fndecl);
void extract_call (extractor *x, gcall *call);

/* escape-extract-frames.cc  */
void extract_frames (extractor *x);

} // namespace escape_extract

#endif /* ESCAPE_EXTRACT_H */
