/* escape-core.h -- the escape graph, its solver and parameter summaries.

   Plain C11, no GCC header: the GIMPLE side (escape-extract.cc) turns each
   function into a small constraint program over nodes, and this core solves
   all programs of a translation unit at once:

     - every node is a storage cell (a variable, an SSA value, an allocated
       object, a level of the caller's memory) with the set of objects it
       may point to;
     - flow is directed, as in Go's escape analysis: an assignment flows one
       way, with a dereference count (&x, copy, load, store); cycles of
       flow are merged, so that solving stays near-linear in practice;
     - an object escapes if it is reachable from a root: unknown code, a
       global, a thread; it outlives its function if it is reachable from
       the returned value or the caller's memory;
     - functions are solved callees first, strongly connected components of
       the call graph together (context-insensitive inside a component), and
       each function leaves a summary, a small program over its arguments,
       that is instantiated at every call site outside its component.

   The implementation is split by concern: escape-program.c, escape-graph.c,
   escape-propagate.c, escape-collapse.c, escape-solve.c, escape-summary.c,
   escape-provenance.c, escape-paths.c, escape-path-search.c
   (escape-core-impl.h says which does what).

   See docs/design.md for the mapping from GIMPLE and the solver in detail.  */

#ifndef ESCAPE_CORE_H
#define ESCAPE_CORE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint32_t esc_node;
#define ESC_NO_NODE UINT32_MAX

/* Why something escapes.  NAME and ARGNO are filled in where the kind says.  */
enum esc_reason_kind
{
  ESC_R_NONE = 0,	/* does not escape */
  ESC_R_RETURNED,	/* returned to caller */
  ESC_R_GLOBAL,		/* stored in global 'NAME' */
  ESC_R_PARAM_STORE,	/* stored through parameter 'NAME' */
  ESC_R_MEMORY,		/* stored in memory that escapes */
  ESC_R_CALL_KEEPS,	/* passed to 'NAME' (argument ARGNO), which keeps it */
  ESC_R_CALL_UNKNOWN,	/* passed to 'NAME' (argument ARGNO), which may keep it */
  ESC_R_INDIRECT_CALL,	/* passed to a function through a pointer */
  ESC_R_THREAD,		/* handed to another thread by 'NAME' */
  ESC_R_INT_CAST,	/* converted to an integer */
  ESC_R_ASM,		/* used by inline assembly */
  ESC_R_NESTED,		/* captured by nested function 'NAME' */
  ESC_R_UNSUPPORTED	/* unsupported construct (NAME) */
};

struct esc_reason
{
  enum esc_reason_kind kind;
  const char *name;	/* interned by the unit; NULL where unused */
  int argno;		/* 1-based argument number, 0 where unused */
};

/* Writes the reason's phrase ("stored in global 'g'") into BUF; returns BUF.  */
char *esc_reason_text (struct esc_reason reason, char *buf, size_t size);

/* What a pointer parameter does, as seen by its function.  */
enum esc_param_kind
{
  ESC_PARAM_NO_ESCAPE,
  ESC_PARAM_LEAKS_TO_RETURN,
  ESC_PARAM_ESCAPES		/* with a reason */
};

struct esc_param_verdict
{
  enum esc_param_kind kind;
  struct esc_reason reason;
  /* A pointer stored in what the parameter points to (its contents, the
     levels below) escapes, and why; known only where the parameter's
     levels are its own (not in a large component's shared levels).  */
  int contents_escape;
  struct esc_reason contents_reason;
};

struct esc_unit;
typedef int esc_fn;	/* a function of the unit, numbered from 0 */

struct esc_unit *esc_unit_new (void);
void esc_unit_free (struct esc_unit *unit);

/* A copy of S that lives as long as UNIT.  */
const char *esc_intern (struct esc_unit *unit, const char *s);

/* Declares a function by NAME (interned); declaring the same key twice
   gives the same id.  KEY identifies the function for the caller (for GCC:
   its FUNCTION_DECL).  */
esc_fn esc_fn_declare (struct esc_unit *unit, const void *key,
		       const char *name);
/* The function declared with KEY, or -1.  */
esc_fn esc_fn_find (const struct esc_unit *unit, const void *key);

/* Starts the body of FN, which has NPARAMS parameters named PARAM_NAMES
   (each interned; NULL for an unnamed one).  A function whose body is never
   begun is treated as unknown at its call sites.  */
void esc_fn_begin (struct esc_unit *unit, esc_fn fn, unsigned nparams,
		   const char *const *param_names);

/* The node of parameter INDEX's value (its pointee is the caller's memory),
   and the node whose value FN returns.  */
esc_node esc_param_value (struct esc_unit *unit, esc_fn fn, unsigned index);
/* Parameter INDEX of FN is a scalar (an int, a double): it holds no address
   of the caller's memory, so what is stored through it does not outlive the
   call for that reason.  Its value still flows like any other.  */
void esc_param_set_scalar (struct esc_unit *unit, esc_fn fn, unsigned index);
/* FN makes a call that may call back into the file: an indirect call, or a
   call of a function the analysis does not know.  */
void esc_fn_set_calls_out (struct esc_unit *unit, esc_fn fn);
esc_node esc_return_value (struct esc_unit *unit, esc_fn fn);

/* Nodes of FN.  A plain cell holds values; objects are cells whose address
   the report is about or whose contents are special.  */
esc_node esc_cell (struct esc_unit *unit, esc_fn fn);
/* A cell whose verdict will be asked for (a local, an allocated object).  */
esc_node esc_object (struct esc_unit *unit, esc_fn fn);
esc_node esc_global (struct esc_unit *unit, esc_fn fn, const char *name);
/* A cell of memory FN knows nothing about (what an unknown function returns,
   an integer turned into a pointer): what is stored in it escapes.  */
esc_node esc_unknown (struct esc_unit *unit, esc_fn fn);

/* Constraints of FN, in statement order.  ESC_NO_NODE operands are ignored
   (constants, values that cannot hold an address).  */
void esc_addr (struct esc_unit *, esc_fn, esc_node dst, esc_node obj);   /* dst = &obj */
void esc_copy (struct esc_unit *, esc_fn, esc_node dst, esc_node src);   /* dst = src */
void esc_load (struct esc_unit *, esc_fn, esc_node dst, esc_node ptr);   /* dst = *ptr */
void esc_store (struct esc_unit *, esc_fn, esc_node ptr, esc_node src);  /* *ptr = src */
/* Fields.  An object can be given fields: byte ranges of it, disjoint and
   sorted by offset (a struct's members, nested structs flattened; an array
   or a union is one range).  An access through a pointer to the object that
   matches a field exactly touches that field only; any other access, and
   esc_copy to or from the object's node, touches every field.  Declare the
   fields before the unit is solved.  */
void esc_object_fields (struct esc_unit *, esc_fn, esc_node obj,
			const uint64_t *offsets, const uint64_t *sizes,
			unsigned count);
/* DST = SIZE bytes at PTR + OFFSET; *(PTR + OFFSET) = SRC.  */
void esc_load_at (struct esc_unit *, esc_fn, esc_node dst, esc_node ptr,
		  int64_t offset, uint64_t size);
void esc_store_at (struct esc_unit *, esc_fn, esc_node ptr, esc_node src,
		   int64_t offset, uint64_t size);
/* DST = PTR + OFFSET bytes; OFFSET is ESC_UNKNOWN_OFFSET where it is not a
   constant.  */
#define ESC_UNKNOWN_OFFSET INT64_MIN
void esc_offset (struct esc_unit *, esc_fn, esc_node dst, esc_node ptr,
		 int64_t offset);

/* What SRC points to escapes, for REASON.  */
void esc_escape (struct esc_unit *, esc_fn, esc_node src,
		 struct esc_reason reason);
void esc_return (struct esc_unit *, esc_fn, esc_node src);
/* What PTR points to is freed: by a free call of FN that the stackify pass
   may remove (REMOVABLE), or by anything else (a library function that
   frees its argument, or reads it as heap memory: malloc_usable_size).
   Freeing is not an escape; callers see it in the summary.  */
void esc_free (struct esc_unit *, esc_fn, esc_node ptr, int removable);
/* What PTR points to is given to realloc: freed, its storage and contents
   carried on by the new allocation (the call's result points to both).  */
void esc_reallocate (struct esc_unit *, esc_fn, esc_node ptr);
/* LHS = CALLEE (ARGS...).  CALLEE must have been declared; if its body is
   never begun, the call is solved as a call of an unknown function.  */
void esc_call (struct esc_unit *, esc_fn, esc_fn callee, esc_node lhs,
	       const esc_node *args, unsigned nargs);

/* Solves every function of UNIT.  Constraints added afterwards are an error. */
void esc_unit_solve (struct esc_unit *unit);

/* After solving: does the object whose cell is OBJ escape FN, and why.  */
struct esc_reason esc_object_verdict (struct esc_unit *unit, esc_fn fn,
				      esc_node obj);
struct esc_param_verdict esc_param_verdict (struct esc_unit *unit, esc_fn fn,
					    unsigned index);

/* After solving: may FN be called again while it runs (a cycle of the call
   graph)?  1 or 0; -1 if FN had no body when the unit was solved.  */
int esc_fn_recursive (struct esc_unit *unit, esc_fn fn);
/* After solving: may FN, or a function it calls, call out (see
   esc_fn_set_calls_out)?  */
int esc_fn_may_call_out (struct esc_unit *unit, esc_fn fn);
/* The number of parameters of FN's body (esc_fn_begin); 0 without one.  */
unsigned esc_fn_param_count (struct esc_unit *unit, esc_fn fn);

/* Late functions: after esc_unit_solve, the body of a function as it is
   later in the compilation (after inlining, say) can be analysed against the
   summaries of the solved unit.  esc_late_begin returns a new function that
   takes constraints as usual; esc_late_solve solves it alone (a call of a
   solved function uses its summary); then the verdict queries and those
   below work on it until esc_late_end releases it.  */
esc_fn esc_late_begin (struct esc_unit *unit, const char *name,
		       unsigned nparams, const char *const *param_names);
void esc_late_solve (struct esc_unit *unit, esc_fn fn);
void esc_late_end (struct esc_unit *unit, esc_fn fn);
/* May the pointer in VALUE point to the object OBJ?  */
int esc_may_point_to (struct esc_unit *unit, esc_fn fn, esc_node value,
		      esc_node obj);
/* Does VALUE point only to FN's own objects (its locals and allocations),
   never to memory of a caller, a callee or the rest of the program?  */
int esc_pointee_own (struct esc_unit *unit, esc_fn fn, esc_node value);
/* Is OBJ freed or used as heap memory by something other than a removable
   free call of FN (a callee, through its summary, or a library
   function)?  */
int esc_freed_elsewhere (struct esc_unit *unit, esc_fn fn, esc_node obj);
/* Is OBJ given to realloc (by FN or a callee)?  */
int esc_reallocated (struct esc_unit *unit, esc_fn fn, esc_node obj);

/* Paths (escape-paths.c): how an object's address, or a parameter's value,
   gets to where it escapes, step by step, as Go's -m=2 "flow:" lines and
   GCC's diagnostic paths tell it.

   The constraints of FN added after esc_set_site carry SITE, a number the
   core does not interpret (for GCC, the statement's location; 0: none);
   esc_name_node gives a node the name the user knows it by (a variable,
   a field).  Parameters and globals are named already.  */
void esc_set_site (struct esc_unit *, esc_fn, uint32_t site);
void esc_name_node (struct esc_unit *, esc_fn, esc_node n, const char *name);
/* Before any function is begun: find the path of every object and
   parameter that escapes (the report asks; stackify alone does not need
   them).  Without it, esc_name_node keeps nothing.  */
void esc_unit_keep_paths (struct esc_unit *unit);

enum esc_step_kind
{
  ESC_STEP_ADDRESS,	/* the address of NAME is taken (the allocation
			   made); or what parameter THROUGH points to */
  ESC_STEP_COPY,	/* copied to NAME */
  ESC_STEP_STORE,	/* stored in NAME (a variable, or memory) */
  ESC_STEP_LOAD,	/* read back from NAME */
  ESC_STEP_CALL,	/* passed to NAME as argument ARGNO: the steps after
			   it, one level deeper, are NAME's */
  ESC_STEP_RETURN,	/* returned by NAME to its caller */
  ESC_STEP_ESCAPE,	/* the last step: REASON */
  ESC_STEP_UNTOLD	/* the way was lost here; it ends with REASON */
};

struct esc_step
{
  enum esc_step_kind kind;
  esc_fn fn;		/* the function whose statement it is */
  uint32_t site;	/* of the statement; 0 if unknown */
  unsigned depth;	/* 0: the function of the object; +1 per call */
  const char *name;	/* NULL where unused or unknown */
  const char *through;	/* STORE, LOAD: the pointer's name, or NULL */
  int argno;		/* ESC_STEP_CALL */
  struct esc_reason reason;	/* ESC_STEP_ESCAPE */
};

/* After solving with esc_unit_keep_paths: the steps from the object's
   address to its escape (an object whose verdict has a reason), or from
   the parameter's value to its escape (ESC_PARAM_ESCAPES), or else from
   what it points to to where its contents escape, the shortest
   way the constraints know, in order, or the start of it ending in
   ESC_STEP_UNTOLD.  *COUNT is 0 where none was found;
   the array lives as long as UNIT.  */
const struct esc_step *esc_object_path (struct esc_unit *unit, esc_fn fn,
					esc_node obj, size_t *count);
const struct esc_step *esc_param_path (struct esc_unit *unit, esc_fn fn,
				       unsigned index, size_t *count);
/* The key FN was declared with (esc_fn_declare); NULL for a late one.  */
const void *esc_fn_key (const struct esc_unit *unit, esc_fn fn);

/* How much solving did so far: objects added to points-to sets and flow
   edges made, over every component solved.  Tests bound it to check that
   solving stays near-linear, where time would be noise.  */
size_t esc_unit_work (const struct esc_unit *unit);

/* Limits, for tests: how many objects a summary may have before a call of
   its function is solved as a call of an unknown function.  */
#define ESC_MAX_SUMMARY_NODES 512
/* How many levels of the caller's memory a parameter's object stands for:
   level 0 is what the parameter points to, level 1 what that points to,
   and the last level stands for itself and everything below it.  */
#define ESC_PARAM_DEPTH 3

#ifdef __cplusplus
}
#endif

#endif /* ESCAPE_CORE_H */
