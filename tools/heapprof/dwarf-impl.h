/* dwarf-impl.h -- what the parts of escape-prof-lines' DWARF reader
   share: the module's sections, its units and DIEs, the queries and the
   bounds-checked cursor (dwarf-read.c), the line tables (dwarf-lines.c);
   dwarf.c walks the functions and places the queries.  */
#ifndef HEAPPROF_DWARF_IMPL_H
#define HEAPPROF_DWARF_IMPL_H

#include "dwarf.h"

#include <string.h>

enum
{
  TAG_inlined_subroutine = 0x1d, TAG_subprogram = 0x2e,
  TAG_lexical_block = 0x0b, TAG_namespace = 0x39, TAG_module = 0x1e,
  TAG_compile_unit = 0x11, TAG_partial_unit = 0x3c,
  AT_sibling = 0x01, AT_name = 0x03, AT_stmt_list = 0x10, AT_low_pc = 0x11,
  AT_high_pc = 0x12, AT_comp_dir = 0x1b, AT_abstract_origin = 0x31,
  AT_specification = 0x47, AT_ranges = 0x55, AT_call_file = 0x58,
  AT_call_line = 0x59, AT_str_offsets_base = 0x72, AT_addr_base = 0x73,
  AT_rnglists_base = 0x74, AT_linkage_name = 0x6e,
  AT_MIPS_linkage_name = 0x2007
};

/* What an attribute's form gives.  */
enum value_kind
{
  V_NONE, V_CONST, V_ADDR, V_ADDRX, V_STRING, V_STRP, V_LINE_STRP, V_STRX,
  V_REF, V_SECOFF, V_RNGLISTX, V_ALT, V_OTHER
};

struct value
{
  enum value_kind kind;
  uint64_t u;
  const char *s;		/* V_STRING */
};

struct section
{
  const unsigned char *data;
  size_t size;
};

struct attr_spec
{
  uint16_t name, form;
  int64_t implicit;
};

struct abbrev
{
  uint64_t code;
  uint16_t tag;
  int children;
  size_t first, count;		/* in unit.specs */
};

/* A compilation unit: its header, abbreviations and bases.  */
struct unit
{
  uint64_t offset, end, die_start;	/* in .debug_info */
  uint64_t abbrev_offset;
  int version, addr_size;
  struct abbrev *abbrevs;
  size_t nabbrevs;
  struct attr_spec *specs;
  int read;			/* abbrevs and bases read */
  uint64_t str_offsets_base, addr_base, rnglists_base, base_address;
  const char *comp_dir;
  int has_lines;
  uint64_t stmt_list;
  char **paths;			/* file index -> path, made when asked */
  const unsigned char **names;	/* file index -> name */
  uint64_t *dirs_of;		/* file index -> directory index */
  const char **dirs;
  size_t nfiles, ndirs;
};

/* The attributes of one DIE that the walk uses.  */
struct die
{
  uint64_t offset, next;
  uint16_t tag;
  int children;
  struct value name, linkage_name, low_pc, high_pc, ranges, origin;
  struct value specification;
  struct value call_file, call_line, sibling, stmt_list, comp_dir;
  struct value str_offsets_base, addr_base, rnglists_base;
};

/* One function of the chain at an address, outermost first.  */
struct link
{
  uint64_t die;
  struct unit *unit;
  uint64_t call_file, call_line;
  int depth;
};

struct found
{
  struct link *chain;
  size_t n;
  struct unit *line_unit;
  uint64_t file, line;
  int has_line;
};

struct reader
{
  struct section info, abbrev, line, str, line_str, addr, rnglists, ranges,
    str_offsets;
  struct unit *units;
  size_t nunits;
  int bad;
  /* the queries, sorted by pc: sorted[i] indexes queries and found */
  struct dwarf_query *queries;
  struct found *found;
  size_t *sorted;
  size_t n;
};

struct cursor
{
  const unsigned char *p, *end;
  struct reader *r;
};

/* The cursor's reads, inline: the line program makes one per byte.  */
static inline int
dw_need (struct cursor *c, size_t n)
{
  if (c->p <= c->end && (size_t) (c->end - c->p) >= n)
    return 1;
  c->r->bad = 1;
  c->p = c->end;
  return 0;
}

static inline uint64_t
dw_fixed (struct cursor *c, size_t n)
{
  uint64_t v = 0;
  if (!dw_need (c, n))
    return 0;
  for (size_t i = 0; i < n; i++)
    v |= (uint64_t) c->p[i] << (8 * i);
  c->p += n;
  return v;
}

static inline uint64_t
dw_uleb (struct cursor *c)
{
  uint64_t v = 0;
  for (unsigned shift = 0; dw_need (c, 1); shift += 7)
    {
      unsigned char b = *c->p++;
      if (shift < 64)
	v |= (uint64_t) (b & 0x7f) << shift;
      if (!(b & 0x80))
	return v;
    }
  return 0;
}

static inline int64_t
dw_sleb (struct cursor *c)
{
  uint64_t v = 0;
  unsigned shift = 0;
  unsigned char b = 0x80;
  while ((b & 0x80) && dw_need (c, 1))
    {
      b = *c->p++;
      if (shift < 64)
	v |= (uint64_t) (b & 0x7f) << shift;
      shift += 7;
    }
  if (shift < 64 && (b & 0x40))
    v |= ~(uint64_t) 0 << shift;
  return (int64_t) v;
}

static inline void
dw_skip (struct cursor *c, uint64_t n)
{
  if (dw_need (c, n))
    c->p += n;
}

/* Whether ADDRESS, of SIZE bytes, is where a linker puts the code it
   dropped (--gc-sections, a discarded COMDAT): 0, or all ones (or all
   ones but one) as newer linkers write it.  Such a sequence or range
   would otherwise cover the first bytes of real code.  */
static inline int
dw_discarded (uint64_t address, uint64_t size)
{
  uint64_t all_ones = size >= 8 ? UINT64_MAX
			       : (UINT64_C (1) << (8 * size)) - 1;
  return address == 0 || address == all_ones || address == all_ones - 1;
}

/* dwarf-read.c */
struct cursor dw_cursor_at (struct reader *r, const struct section *s,
			    uint64_t offset);
const char *dw_cstring (struct cursor *c);
void dw_value (struct unit *u, struct cursor *c, unsigned form,
	       int64_t implicit, struct value *v);
const char *dw_string (struct reader *r, struct unit *u,
		       const struct value *v);
int dw_address (struct reader *r, struct unit *u, const struct value *v,
		uint64_t *address);
int dw_die (struct reader *r, struct unit *u, uint64_t offset,
	    struct die *d);
int dw_open_unit (struct reader *r, struct unit *u, struct die *unit_die);
int dw_read_units (struct reader *r);
struct unit *dw_unit_of (struct reader *r, uint64_t offset);
void *dw_array (struct reader *r, void *old, size_t old_count,
		size_t count, size_t size);

/* dwarf-lines.c */
size_t dw_first_query (const struct reader *r, uint64_t low);
int dw_holds_query (const struct reader *r, uint64_t low, uint64_t high);
void dw_run_lines (struct reader *r, struct unit *u);
const char *dw_file_path (struct unit *u, uint64_t index);

#endif
