/* escape-program.c -- the unit, its functions and their constraint
   programs: what the GIMPLE side records, before anything is solved.  */

#include "escape-core-impl.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

void *
esc_xrealloc (void *p, size_t size)
{
  void *q = realloc (p, size ? size : 1);
  if (!q)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return q;
}

void *
esc_xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size ? size : 1);
  if (!p)
    {
      fputs ("escape: out of memory\n", stderr);
      abort ();
    }
  return p;
}

/* ------------------------------------------------------------------ */
/* Strings and keys.  */

static size_t
hash_string (const char *s)
{
  size_t h = 5381;
  while (*s)
    h = h * 33 + (unsigned char) *s++;
  return h;
}

static size_t
hash_pointer (const void *p)
{
  uintptr_t x = (uintptr_t) p;
  x ^= x >> 17;
  x *= (uintptr_t) 0x9E3779B97F4A7C15ull;
  return (size_t) (x ^ (x >> 29));
}

static void
grow_strings (struct esc_unit *unit)
{
  size_t old_cap = unit->strings_cap;
  char **old = unit->strings;
  unit->strings_cap = old_cap ? 2 * old_cap : 64;
  unit->strings = esc_xcalloc (unit->strings_cap, sizeof *unit->strings);
  for (size_t i = 0; i < old_cap; i++)
    if (old[i])
      {
	size_t j = hash_string (old[i]) & (unit->strings_cap - 1);
	while (unit->strings[j])
	  j = (j + 1) & (unit->strings_cap - 1);
	unit->strings[j] = old[i];
      }
  free (old);
}

const char *
esc_intern (struct esc_unit *unit, const char *s)
{
  if (!s)
    return NULL;
  if (2 * (unit->nstrings + 1) > unit->strings_cap)
    grow_strings (unit);
  size_t j = hash_string (s) & (unit->strings_cap - 1);
  while (unit->strings[j])
    {
      if (!strcmp (unit->strings[j], s))
	return unit->strings[j];
      j = (j + 1) & (unit->strings_cap - 1);
    }
  size_t len = strlen (s) + 1;
  unit->strings[j] = esc_xrealloc (NULL, len);
  memcpy (unit->strings[j], s, len);
  unit->nstrings++;
  return unit->strings[j];
}

static void
grow_keys (struct esc_unit *unit)
{
  size_t old_cap = unit->keys_cap;
  const void **old_keys = unit->keys;
  esc_fn *old_ids = unit->key_ids;
  unit->keys_cap = old_cap ? 2 * old_cap : 64;
  unit->keys = esc_xcalloc (unit->keys_cap, sizeof *unit->keys);
  unit->key_ids = esc_xcalloc (unit->keys_cap, sizeof *unit->key_ids);
  for (size_t i = 0; i < old_cap; i++)
    if (old_keys[i])
      {
	size_t j = hash_pointer (old_keys[i]) & (unit->keys_cap - 1);
	while (unit->keys[j])
	  j = (j + 1) & (unit->keys_cap - 1);
	unit->keys[j] = old_keys[i];
	unit->key_ids[j] = old_ids[i];
      }
  free (old_keys);
  free (old_ids);
}

/* ------------------------------------------------------------------ */
/* Programs.  */

esc_node
esc_program_node (struct program *p)
{
  return p->nnodes++;
}

void
esc_program_op (struct program *p, enum op_kind kind, esc_node a,
		esc_node b, uint32_t extra)
{
  struct op op = { (unsigned char) kind, a, b, extra };
  assert (a == ESC_NO_NODE || a < p->nnodes);
  assert (kind == OP_ESCAPE || kind == OP_EXTERNAL || kind == OP_CALL
	  || kind == OP_FREE || b == ESC_NO_NODE || b < p->nnodes);
  VEC_PUSH (p->ops, op);
  VEC_PUSH (p->sites, p->site);
}

/* R's name must be interned already (or live as long as P).  */
uint32_t
esc_program_reason (struct program *p, struct esc_reason r)
{
  VEC_PUSH (p->reasons, r);
  return (uint32_t) (p->reasons.n - 1);
}

uint32_t
esc_program_access (struct program *p, int64_t offset, uint64_t size)
{
  struct access a = { offset, size };
  VEC_PUSH (p->accesses, a);
  return (uint32_t) (p->accesses.n - 1);
}

void
esc_program_free (struct program *p)
{
  VEC_FREE (p->ops);
  VEC_FREE (p->reasons);
  VEC_FREE (p->accesses);
  VEC_FREE (p->sites);
  p->nnodes = 0;
}

struct esc_reason
esc_make_reason (enum esc_reason_kind kind, const char *name, int argno)
{
  struct esc_reason r = { kind, name, argno };
  return r;
}

/* ------------------------------------------------------------------ */
/* The unit and its functions.  */

struct esc_unit *
esc_unit_new (void)
{
  return esc_xcalloc (1, sizeof (struct esc_unit));
}

static void
free_fn (struct fn *f)
{
  free (f->param_names);
  free (f->param_scalar);
  free (f->param_value);
  free (f->param_obj);
  free (f->param_verdicts);
  esc_program_free (&f->body);
  VEC_FREE (f->calls);
  VEC_FREE (f->call_args);
  VEC_FREE (f->objects);
  VEC_FREE (f->groups);
  VEC_FREE (f->ranges);
  VEC_FREE (f->node_names);
  VEC_FREE (f->steps);
  free (f->param_paths);
  f->param_paths = NULL;
  esc_summary_free (&f->summary);
  if (f->late_graph)
    esc_graph_free (f->late_graph);
  free (f->late_graph);
  f->param_names = NULL;
  f->param_scalar = NULL;
  f->param_value = f->param_obj = NULL;
  f->param_verdicts = NULL;
  f->late_graph = NULL;
}

void
esc_unit_free (struct esc_unit *unit)
{
  if (!unit)
    return;
  for (size_t i = 0; i < unit->fns.n; i++)
    free_fn (&unit->fns.v[i]);
  VEC_FREE (unit->fns);
  for (size_t i = 0; i < unit->strings_cap; i++)
    free (unit->strings[i]);
  free (unit->strings);
  free (unit->keys);
  free (unit->key_ids);
  free (unit);
}

struct fn *
esc_get_fn (struct esc_unit *unit, esc_fn fn)
{
  assert (fn >= 0 && (size_t) fn < unit->fns.n);
  return &unit->fns.v[fn];
}

esc_fn
esc_fn_find (const struct esc_unit *unit, const void *key)
{
  if (!unit->keys_cap)
    return -1;
  size_t j = hash_pointer (key) & (unit->keys_cap - 1);
  while (unit->keys[j])
    {
      if (unit->keys[j] == key)
	return unit->key_ids[j];
      j = (j + 1) & (unit->keys_cap - 1);
    }
  return -1;
}

static esc_fn
push_fn (struct esc_unit *unit, const void *key, const char *name)
{
  struct fn f;
  memset (&f, 0, sizeof f);
  f.key = key;
  f.name = esc_intern (unit, name ? name : "<anonymous>");
  f.ret_value = ESC_NO_NODE;
  f.scc = -1;
  VEC_PUSH (unit->fns, f);
  return (esc_fn) (unit->fns.n - 1);
}

esc_fn
esc_fn_declare (struct esc_unit *unit, const void *key, const char *name)
{
  assert (key);
  esc_fn found = esc_fn_find (unit, key);
  if (found >= 0)
    return found;
  if (2 * (unit->nkeys + 1) > unit->keys_cap)
    grow_keys (unit);
  size_t j = hash_pointer (key) & (unit->keys_cap - 1);
  while (unit->keys[j])
    j = (j + 1) & (unit->keys_cap - 1);
  esc_fn id = push_fn (unit, key, name);
  unit->keys[j] = key;
  unit->key_ids[j] = id;
  unit->nkeys++;
  return id;
}

static void
begin_body (struct esc_unit *unit, struct fn *f, unsigned nparams,
	    const char *const *param_names)
{
  f->has_body = 1;
  f->nparams = nparams;
  f->param_names = esc_xcalloc (nparams, sizeof *f->param_names);
  f->param_scalar = esc_xcalloc (nparams, sizeof *f->param_scalar);
  f->param_value = esc_xcalloc (nparams, sizeof *f->param_value);
  for (unsigned i = 0; i < nparams; i++)
    {
      f->param_names[i] = esc_intern (unit, param_names ? param_names[i]
				      : NULL);
      f->param_value[i] = esc_program_node (&f->body);
      esc_name_node (unit, (esc_fn) (f - unit->fns.v), f->param_value[i],
		     f->param_names[i]);
    }
  f->ret_value = esc_program_node (&f->body);
}

void
esc_fn_begin (struct esc_unit *unit, esc_fn fn, unsigned nparams,
	      const char *const *param_names)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (!f->has_body && !unit->solved);
  begin_body (unit, f, nparams, param_names);
}

esc_fn
esc_late_begin (struct esc_unit *unit, const char *name, unsigned nparams,
		const char *const *param_names)
{
  esc_fn fn = push_fn (unit, NULL, name);
  struct fn *f = esc_get_fn (unit, fn);
  f->late = 1;
  begin_body (unit, f, nparams, param_names);
  return fn;
}

void
esc_late_end (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (f->late);
  free_fn (f);
  f->has_body = 0;
}

esc_node
esc_param_value (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (index < f->nparams);
  return f->param_value[index];
}

void
esc_param_set_scalar (struct esc_unit *unit, esc_fn fn, unsigned index)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (index < f->nparams);
  f->param_scalar[index] = 1;
}

void
esc_fn_set_calls_out (struct esc_unit *unit, esc_fn fn)
{
  esc_get_fn (unit, fn)->calls_out = 1;
}

esc_node
esc_return_value (struct esc_unit *unit, esc_fn fn)
{
  return esc_get_fn (unit, fn)->ret_value;
}

unsigned
esc_fn_param_count (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  return f->has_body ? f->nparams : 0;
}

/* ------------------------------------------------------------------ */
/* Nodes and constraints.  */

esc_node
esc_cell (struct esc_unit *unit, esc_fn fn)
{
  return esc_program_node (&esc_get_fn (unit, fn)->body);
}

esc_node
esc_object (struct esc_unit *unit, esc_fn fn)
{
  struct fn *f = esc_get_fn (unit, fn);
  struct object_verdict o = { esc_program_node (&f->body),
			      { ESC_R_NONE, NULL, 0 }, { 0, 0 } };
  VEC_PUSH (f->objects, o);
  return o.node;
}

static uint32_t
fn_reason (struct esc_unit *unit, struct fn *f, struct esc_reason r)
{
  r.name = esc_intern (unit, r.name);
  return esc_program_reason (&f->body, r);
}

static esc_node
external_node (struct esc_unit *unit, esc_fn fn, struct esc_reason r)
{
  struct fn *f = esc_get_fn (unit, fn);
  esc_node n = esc_program_node (&f->body);
  esc_program_op (&f->body, OP_EXTERNAL, n, ESC_NO_NODE,
		  fn_reason (unit, f, r));
  return n;
}

esc_node
esc_global (struct esc_unit *unit, esc_fn fn, const char *name)
{
  esc_node n = external_node (unit, fn,
			      esc_make_reason (ESC_R_GLOBAL, name, 0));
  esc_name_node (unit, fn, n, name);
  return n;
}

esc_node
esc_unknown (struct esc_unit *unit, esc_fn fn)
{
  return external_node (unit, fn, esc_make_reason (ESC_R_MEMORY, NULL, 0));
}

static void
binary_op (struct esc_unit *unit, esc_fn fn, enum op_kind kind, esc_node a,
	   esc_node b)
{
  if (a == ESC_NO_NODE || b == ESC_NO_NODE)
    return;
  esc_program_op (&esc_get_fn (unit, fn)->body, kind, a, b, 0);
}

void
esc_addr (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node obj)
{
  binary_op (unit, fn, OP_ADDR, dst, obj);
}

void
esc_copy (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node src)
{
  if (dst != src)
    binary_op (unit, fn, OP_COPY, dst, src);
}

void
esc_load (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node ptr)
{
  binary_op (unit, fn, OP_LOAD, dst, ptr);
}

void
esc_store (struct esc_unit *unit, esc_fn fn, esc_node ptr, esc_node src)
{
  binary_op (unit, fn, OP_STORE, ptr, src);
}

void
esc_object_fields (struct esc_unit *unit, esc_fn fn, esc_node obj,
		   const uint64_t *offsets, const uint64_t *sizes,
		   unsigned count)
{
  struct fn *f = esc_get_fn (unit, fn);
  assert (obj < f->body.nnodes && count > 0);
  struct field_group grp = { obj, f->body.nnodes, (uint32_t) f->ranges.n,
			     count };
  for (unsigned i = 0; i < count; i++)
    {
      struct access range = { (int64_t) offsets[i], sizes[i] };
      assert (i == 0 || offsets[i] >= offsets[i - 1] + sizes[i - 1]);
      VEC_PUSH (f->ranges, range);
      esc_program_node (&f->body);
    }
  VEC_PUSH (f->groups, grp);
}

static void
access_op (struct esc_unit *unit, esc_fn fn, enum op_kind kind, esc_node a,
	   esc_node b, int64_t offset, uint64_t size)
{
  struct fn *f = esc_get_fn (unit, fn);
  if (a == ESC_NO_NODE || b == ESC_NO_NODE)
    return;
  esc_program_op (&f->body, kind, a, b,
		  esc_program_access (&f->body, offset, size));
}

void
esc_load_at (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node ptr,
	     int64_t offset, uint64_t size)
{
  access_op (unit, fn, OP_LOAD_AT, dst, ptr, offset, size);
}

void
esc_store_at (struct esc_unit *unit, esc_fn fn, esc_node ptr, esc_node src,
	      int64_t offset, uint64_t size)
{
  access_op (unit, fn, OP_STORE_AT, ptr, src, offset, size);
}

void
esc_offset (struct esc_unit *unit, esc_fn fn, esc_node dst, esc_node ptr,
	    int64_t offset)
{
  if (offset != ESC_UNKNOWN_OFFSET)
    access_op (unit, fn, OP_OFFSET, dst, ptr, offset, 0);
  else if (dst != ESC_NO_NODE && ptr != ESC_NO_NODE)
    esc_program_op (&esc_get_fn (unit, fn)->body, OP_OFFSET, dst, ptr,
		    ACCESS_ALL);
}

void
esc_escape (struct esc_unit *unit, esc_fn fn, esc_node src,
	    struct esc_reason reason)
{
  struct fn *f = esc_get_fn (unit, fn);
  if (src == ESC_NO_NODE)
    return;
  esc_program_op (&f->body, OP_ESCAPE, src, ESC_NO_NODE,
		  fn_reason (unit, f, reason));
}

void
esc_free (struct esc_unit *unit, esc_fn fn, esc_node ptr, int removable)
{
  struct fn *f = esc_get_fn (unit, fn);
  if (ptr != ESC_NO_NODE)
    esc_program_op (&f->body, OP_FREE, ptr, ESC_NO_NODE,
		    removable ? FREED_HERE : FREED_ELSEWHERE);
}

void
esc_reallocate (struct esc_unit *unit, esc_fn fn, esc_node ptr)
{
  struct fn *f = esc_get_fn (unit, fn);
  if (ptr != ESC_NO_NODE)
    esc_program_op (&f->body, OP_FREE, ptr, ESC_NO_NODE, FREED_REALLOC);
}

void
esc_return (struct esc_unit *unit, esc_fn fn, esc_node src)
{
  struct fn *f = esc_get_fn (unit, fn);
  esc_copy (unit, fn, f->ret_value, src);
}

void
esc_call (struct esc_unit *unit, esc_fn fn, esc_fn callee, esc_node lhs,
	  const esc_node *args, unsigned nargs)
{
  struct fn *f = esc_get_fn (unit, fn);
  esc_get_fn (unit, callee);
  struct call c = { callee, (uint32_t) f->call_args.n, nargs };
  for (unsigned i = 0; i < nargs; i++)
    {
      assert (args[i] == ESC_NO_NODE || args[i] < f->body.nnodes);
      VEC_PUSH (f->call_args, args[i]);
    }
  VEC_PUSH (f->calls, c);
  esc_program_op (&f->body, OP_CALL, lhs, ESC_NO_NODE,
		  (uint32_t) (f->calls.n - 1));
}

/* ------------------------------------------------------------------ */
/* What paths are told with.  */

void
esc_set_site (struct esc_unit *unit, esc_fn fn, uint32_t site)
{
  esc_get_fn (unit, fn)->body.site = site;
}

void
esc_name_node (struct esc_unit *unit, esc_fn fn, esc_node n, const char *name)
{
  struct fn *f = esc_get_fn (unit, fn);
  /* Names are for the paths only, which late functions do not get.  */
  if (n == ESC_NO_NODE || !name || !unit->keep_paths || f->late)
    return;
  while (f->node_names.n <= n)
    VEC_PUSH (f->node_names, NULL);
  f->node_names.v[n] = esc_intern (unit, name);
}

void
esc_unit_keep_paths (struct esc_unit *unit)
{
  assert (!unit->solved && !unit->fns.n);
  unit->keep_paths = 1;
}

const void *
esc_fn_key (const struct esc_unit *unit, esc_fn fn)
{
  assert (fn >= 0 && (size_t) fn < unit->fns.n);
  return unit->fns.v[fn].key;
}

/* ------------------------------------------------------------------ */
/* Reasons.  */

char *
esc_reason_text (struct esc_reason r, char *buf, size_t size)
{
  const char *name = r.name ? r.name : "?";
  switch (r.kind)
    {
    case ESC_R_NONE:
      snprintf (buf, size, "does not escape");
      break;
    case ESC_R_RETURNED:
      snprintf (buf, size, "returned to caller");
      break;
    case ESC_R_GLOBAL:
      snprintf (buf, size, "stored in global '%s'", name);
      break;
    case ESC_R_PARAM_STORE:
      snprintf (buf, size, "stored through parameter '%s'", name);
      break;
    case ESC_R_MEMORY:
      snprintf (buf, size, "stored in memory that escapes");
      break;
    case ESC_R_CALL_KEEPS:
      snprintf (buf, size, "passed to '%s' (argument %d), which keeps it",
		name, r.argno);
      break;
    case ESC_R_CALL_UNKNOWN:
      snprintf (buf, size,
		"passed to '%s' (argument %d), which may keep it", name,
		r.argno);
      break;
    case ESC_R_INDIRECT_CALL:
      snprintf (buf, size, "passed to a function through a pointer");
      break;
    case ESC_R_THREAD:
      snprintf (buf, size, "handed to another thread by '%s'", name);
      break;
    case ESC_R_INT_CAST:
      snprintf (buf, size, "converted to an integer");
      break;
    case ESC_R_ASM:
      snprintf (buf, size, "used by inline assembly");
      break;
    case ESC_R_NESTED:
      snprintf (buf, size, "captured by nested function '%s'", name);
      break;
    case ESC_R_UNSUPPORTED:
      snprintf (buf, size, "unsupported construct (%s)", name);
      break;
    }
  return buf;
}
