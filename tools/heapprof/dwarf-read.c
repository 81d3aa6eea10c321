/* dwarf-read.c -- the reading of escape-prof-lines' DWARF reader: a
   cursor that checks every read against its section's end (a malformed
   module sets the reader's error, and is left to libbacktrace), the
   attribute forms of DWARF 2 to 5, the abbreviations, units and DIEs.  */
#include "dwarf-impl.h"

#include <stdlib.h>
#include <string.h>

/* --- bounds-checked reading ------------------------------------------- */

struct cursor
dw_cursor_at (struct reader *r, const struct section *s, uint64_t offset)
{
  struct cursor c = { s->data + s->size, s->data + s->size, r };
  if (offset <= s->size)
    c.p = s->data + offset;
  else
    r->bad = 1;
  return c;
}

const char *
dw_cstring (struct cursor *c)
{
  const unsigned char *nul = memchr (c->p, 0, (size_t) (c->end - c->p));
  if (nul == NULL)
    {
      c->r->bad = 1;
      c->p = c->end;
      return NULL;
    }
  const char *s = (const char *) c->p;
  c->p = nul + 1;
  return s;
}

/* The string at OFFSET of section S, or NULL.  */
static const char *
string_at (struct reader *r, const struct section *s, uint64_t offset)
{
  if (offset >= s->size || memchr (s->data + offset, 0, s->size - offset)
      == NULL)
    {
      r->bad = 1;
      return NULL;
    }
  return (const char *) s->data + offset;
}

/* --- attribute values --------------------------------------------------- */

/* Reads one value of FORM in unit U into *V.  */
void
dw_value (struct unit *u, struct cursor *c, unsigned form, int64_t implicit,
	    struct value *v)
{
  v->kind = V_OTHER;
  v->u = 0;
  switch (form)
    {
    case 0x01: v->kind = V_ADDR; v->u = dw_fixed (c, u->addr_size); return;
    case 0x0b: case 0x11: v->u = dw_fixed (c, 1); break;
    case 0x05: case 0x12: v->u = dw_fixed (c, 2); break;
    case 0x06: case 0x13: v->u = dw_fixed (c, 4); break;
    case 0x07: case 0x14: case 0x20: v->u = dw_fixed (c, 8); break;
    case 0x0f: case 0x15: v->u = dw_uleb (c); break;
    case 0x0d: v->u = (uint64_t) dw_sleb (c); break;
    case 0x21: v->u = (uint64_t) implicit; break;
    case 0x08: v->kind = V_STRING; v->s = dw_cstring (c); return;
    case 0x0e: v->kind = V_STRP; v->u = dw_fixed (c, 4); return;
    case 0x1f: v->kind = V_LINE_STRP; v->u = dw_fixed (c, 4); return;
    case 0x1a: v->kind = V_STRX; v->u = dw_uleb (c); return;
    case 0x25: case 0x26: case 0x27: case 0x28:
      v->kind = V_STRX; v->u = dw_fixed (c, form - 0x24); return;
    case 0x1b: v->kind = V_ADDRX; v->u = dw_uleb (c); return;
    case 0x29: case 0x2a: case 0x2b: case 0x2c:
      v->kind = V_ADDRX; v->u = dw_fixed (c, form - 0x28); return;
    case 0x10:			/* ref_addr: an offset in .debug_info */
      v->kind = V_REF; v->u = dw_fixed (c, u->version == 2 ? u->addr_size : 4);
      return;
    case 0x17: v->kind = V_SECOFF; v->u = dw_fixed (c, 4); return;
    case 0x23: v->kind = V_RNGLISTX; v->u = dw_uleb (c); return;
    case 0x22: dw_uleb (c); return;				/* loclistx */
    case 0x0c: dw_skip (c, 1); return;				/* flag */
    case 0x19: return;					/* flag_present */
    case 0x1e: dw_skip (c, 16); return;				/* data16 */
    case 0x0a: dw_skip (c, dw_fixed (c, 1)); return;		/* block1 */
    case 0x03: dw_skip (c, dw_fixed (c, 2)); return;		/* block2 */
    case 0x04: dw_skip (c, dw_fixed (c, 4)); return;		/* block4 */
    case 0x09: case 0x18: dw_skip (c, dw_uleb (c)); return;	/* block */
    case 0x1c: case 0x1d: case 0x1f20: case 0x1f21:	/* another file's */
      v->kind = V_ALT; dw_skip (c, 4); return;
    case 0x24: v->kind = V_ALT; dw_skip (c, 8); return;
    case 0x16: dw_value (u, c, (unsigned) dw_uleb (c), implicit, v);
      return;
    default: c->r->bad = 1; c->p = c->end; return;
    }
  if (form >= 0x11 && form <= 0x15)	/* unit-relative references */
    {
      v->kind = V_REF;
      v->u += u->offset;
    }
  else
    v->kind = V_CONST;
}

const char *
dw_string (struct reader *r, struct unit *u, const struct value *v)
{
  switch (v->kind)
    {
    case V_STRING:
      return v->s;
    case V_STRP:
      return string_at (r, &r->str, v->u);
    case V_LINE_STRP:
      return string_at (r, &r->line_str, v->u);
    case V_STRX:
      {
	struct cursor c = dw_cursor_at (r, &r->str_offsets,
				     u->str_offsets_base + 4 * v->u);
	uint64_t offset = dw_fixed (&c, 4);
	return r->bad ? NULL : string_at (r, &r->str, offset);
      }
    default:
      return NULL;
    }
}

/* The address V gives, in *ADDRESS; 0 if it is not one.  */
int
dw_address (struct reader *r, struct unit *u, const struct value *v,
	       uint64_t *address)
{
  if (v->kind == V_ADDR)
    {
      *address = v->u;
      return 1;
    }
  if (v->kind != V_ADDRX)
    return 0;
  struct cursor c = dw_cursor_at (r, &r->addr,
			       u->addr_base + v->u * (uint64_t) u->addr_size);
  *address = dw_fixed (&c, u->addr_size);
  return !r->bad;
}

/* --- units, abbreviations and DIEs -------------------------------------- */

static const struct abbrev *
find_abbrev (const struct unit *u, uint64_t code)
{
  if (code >= 1 && code <= u->nabbrevs && u->abbrevs[code - 1].code == code)
    return &u->abbrevs[code - 1];
  for (size_t i = 0; i < u->nabbrevs; i++)
    if (u->abbrevs[i].code == code)
      return &u->abbrevs[i];
  return NULL;
}

static void
read_abbrevs (struct reader *r, struct unit *u)
{
  struct cursor c = dw_cursor_at (r, &r->abbrev, u->abbrev_offset);
  size_t cap = 0, spec_cap = 0, nspecs = 0;
  while (!r->bad)
    {
      uint64_t code = dw_uleb (&c);
      if (code == 0)
	break;
      if (u->nabbrevs == cap)
	{
	  u->abbrevs = dw_array (r, u->abbrevs, cap, cap ? 2 * cap : 64,
				 sizeof *u->abbrevs);
	  if (u->abbrevs == NULL)
	    return;
	  cap = cap ? 2 * cap : 64;
	}
      struct abbrev *a = &u->abbrevs[u->nabbrevs++];
      a->code = code;
      a->tag = (uint16_t) dw_uleb (&c);
      a->children = (int) dw_fixed (&c, 1);
      a->first = nspecs;
      for (;;)
	{
	  uint64_t name = dw_uleb (&c), form = dw_uleb (&c);
	  if ((name == 0 && form == 0) || r->bad)
	    break;
	  if (nspecs == spec_cap)
	    {
	      size_t more = spec_cap ? 2 * spec_cap : 256;
	      u->specs = dw_array (r, u->specs, spec_cap, more,
				   sizeof *u->specs);
	      if (u->specs == NULL)
		return;
	      spec_cap = more;
	    }
	  struct attr_spec *s = &u->specs[nspecs++];
	  s->name = (uint16_t) name;
	  s->form = (uint16_t) form;
	  s->implicit = form == 0x21 ? dw_sleb (&c) : 0;
	}
      a->count = nspecs - a->first;
    }
}

/* The field of D that keeps attribute NAME, or NULL for an attribute
   the reader skips.  */
static struct value *
interesting (struct die *d, unsigned name)
{
  switch (name)
    {
    case AT_name: return &d->name;
    case AT_linkage_name:
    case AT_MIPS_linkage_name: return &d->linkage_name;
    case AT_low_pc: return &d->low_pc;
    case AT_high_pc: return &d->high_pc;
    case AT_ranges: return &d->ranges;
    case AT_abstract_origin: return &d->origin;
    case AT_specification: return &d->specification;
    case AT_call_file: return &d->call_file;
    case AT_call_line: return &d->call_line;
    case AT_sibling: return &d->sibling;
    case AT_stmt_list: return &d->stmt_list;
    case AT_comp_dir: return &d->comp_dir;
    case AT_str_offsets_base: return &d->str_offsets_base;
    case AT_addr_base: return &d->addr_base;
    case AT_rnglists_base: return &d->rnglists_base;
    default: return NULL;
    }
}

/* Reads the DIE at OFFSET of unit U into *D; 0 at a null entry (the end
   of a list of children) or an error.  */
int
dw_die (struct reader *r, struct unit *u, uint64_t offset, struct die *d)
{
  memset (d, 0, sizeof *d);
  d->offset = offset;
  d->next = offset;
  if (offset >= u->end)
    {
      r->bad = 1;
      return 0;
    }
  struct cursor c = dw_cursor_at (r, &r->info, offset);
  c.end = r->info.data + u->end;
  uint64_t code = dw_uleb (&c);
  d->next = (uint64_t) (c.p - r->info.data);
  if (code == 0 || r->bad)
    return 0;
  const struct abbrev *a = find_abbrev (u, code);
  if (a == NULL)
    {
      r->bad = 1;
      return 0;
    }
  d->tag = a->tag;
  d->children = a->children;
  struct value ignored;
  for (size_t i = 0; i < a->count && !r->bad; i++)
    {
      const struct attr_spec *s = &u->specs[a->first + i];
      struct value *v = interesting (d, s->name);
      dw_value (u, &c, s->form, s->implicit, v ? v : &ignored);
      if (v && v->kind == V_ALT)
	r->bad = 1;		/* in a supplementary file (dwz) */
    }
  d->next = (uint64_t) (c.p - r->info.data);
  return !r->bad;
}

/* Reads U's abbreviations and the bases its first DIE gives, once.  */
int
dw_open_unit (struct reader *r, struct unit *u, struct die *unit_die)
{
  if (!u->read)
    {
      u->read = 1;
      read_abbrevs (r, u);
    }
  if (!dw_die (r, u, u->die_start, unit_die))
    return 0;
  if (unit_die->str_offsets_base.kind != V_NONE)
    u->str_offsets_base = unit_die->str_offsets_base.u;
  if (unit_die->addr_base.kind != V_NONE)
    u->addr_base = unit_die->addr_base.u;
  if (unit_die->rnglists_base.kind != V_NONE)
    u->rnglists_base = unit_die->rnglists_base.u;
  dw_address (r, u, &unit_die->low_pc, &u->base_address);
  u->comp_dir = dw_string (r, u, &unit_die->comp_dir);
  u->has_lines = unit_die->stmt_list.kind != V_NONE;
  u->stmt_list = unit_die->stmt_list.u;
  return !r->bad;
}

/* Reads the unit headers of .debug_info; 0 for a kind of unit this
   reader leaves to another (64-bit DWARF, version 1 or 6+, split).  */
int
dw_read_units (struct reader *r)
{
  size_t cap = 0;
  uint64_t offset = 0;
  while (offset < r->info.size && !r->bad)
    {
      struct cursor c = dw_cursor_at (r, &r->info, offset);
      uint64_t length = dw_fixed (&c, 4);
      if (length >= 0xfffffff0u)
	return 0;
      struct unit u;
      memset (&u, 0, sizeof u);
      u.offset = offset;
      u.end = offset + 4 + length;
      u.version = (int) dw_fixed (&c, 2);
      if (u.end > r->info.size || u.version < 2 || u.version > 5)
	return 0;
      int unit_type = 1;
      if (u.version == 5)
	{
	  unit_type = (int) dw_fixed (&c, 1);
	  u.addr_size = (int) dw_fixed (&c, 1);
	  u.abbrev_offset = dw_fixed (&c, 4);
	  if (unit_type == 2 || unit_type == 6)	/* type units */
	    dw_skip (&c, 12);
	  else if (unit_type != 1 && unit_type != 3)
	    return 0;
	}
      else
	{
	  u.abbrev_offset = dw_fixed (&c, 4);
	  u.addr_size = (int) dw_fixed (&c, 1);
	}
      if (u.addr_size != 4 && u.addr_size != 8)
	return 0;
      u.die_start = (uint64_t) (c.p - r->info.data);
      if (r->bad || u.die_start > u.end)
	return 0;
      offset = u.end;
      if (unit_type != 1 && unit_type != 3)
	continue;
      if (r->nunits == cap)
	{
	  size_t more = cap ? 2 * cap : 16;
	  r->units = dw_array (r, r->units, cap, more, sizeof *r->units);
	  if (r->units == NULL)
	    return 0;
	  cap = more;
	}
      r->units[r->nunits++] = u;
    }
  return !r->bad;
}

/* The unit whose DIEs hold OFFSET, or NULL (the units are in the order
   of their offsets).  */
struct unit *
dw_unit_of (struct reader *r, uint64_t offset)
{
  size_t lo = 0, hi = r->nunits;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (r->units[mid].end <= offset)
	lo = mid + 1;
      else
	hi = mid;
    }
  if (lo < r->nunits && offset >= r->units[lo].die_start)
    return &r->units[lo];
  return NULL;
}

/* OLD, an array of OLD_COUNT elements of SIZE bytes, grown to COUNT, the
   new ones zero; NULL with the reader's error set if memory runs out (a
   module left to libbacktrace, as a malformed one is).  */
void *
dw_array (struct reader *r, void *old, size_t old_count, size_t count,
	  size_t size)
{
  void *grown = count <= SIZE_MAX / size ? realloc (old, count * size)
					 : NULL;
  if (grown == NULL)
    {
      free (old);
      r->bad = 1;
      return NULL;
    }
  if (count > old_count)
    memset ((char *) grown + old_count * size, 0,
	    (count - old_count) * size);
  return grown;
}
