/* dwarf.c -- escape-prof-lines' own reader of DWARF 2 to 5 (32-bit
   format) in a 64-bit little-endian ELF module: for a few addresses, the
   source line of each (the line table) and the functions inlined there
   (the tree of subprograms and inlined subroutines).

   Why not a general reader: escape-prof asks for a handful of call sites,
   and the general readers (addr2line's BFD, libbacktrace) first build and
   sort the line table of every unit they touch; on the SQLite workload's
   one large unit that was most of a first profile's cost.  Here the line
   program is run once, each row range tested against the sorted
   addresses, and the function tree is walked only into the functions
   that hold an address (DW_AT_sibling skips the others).  What it does
   not read (compressed or separate debug info, 64-bit DWARF, split
   units, an unknown form) it leaves to libbacktrace (lines.c).

   All reads are bounds-checked: a malformed module sets the reader's
   error and is left to the other reader.  */
#define _GNU_SOURCE
#include "dwarf-impl.h"

#include <elf.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* --- address ranges ------------------------------------------------------ */

typedef void (*range_fn) (struct reader *r, uint64_t low, uint64_t high,
			  void *data);

/* DWARF 5 range lists (.debug_rnglists) at OFFSET.  */
static void
each_rnglist (struct reader *r, struct unit *u, uint64_t offset, range_fn fn,
	      void *data)
{
  struct cursor c = dw_cursor_at (r, &r->rnglists, offset);
  uint64_t base = u->base_address;
  while (!r->bad)
    {
      unsigned kind = (unsigned) dw_fixed (&c, 1);
      struct value a = { V_ADDRX, 0, NULL }, b = { V_ADDRX, 0, NULL };
      uint64_t low = 0, high = 0;
      switch (kind)
	{
	case 0:			/* end_of_list */
	  return;
	case 1:			/* base_addressx */
	  a.u = dw_uleb (&c);
	  dw_address (r, u, &a, &base);
	  continue;
	case 2:			/* startx_endx */
	  a.u = dw_uleb (&c);
	  b.u = dw_uleb (&c);
	  if (!dw_address (r, u, &a, &low) || !dw_address (r, u, &b, &high))
	    return;
	  break;
	case 3:			/* startx_length */
	  a.u = dw_uleb (&c);
	  if (!dw_address (r, u, &a, &low))
	    return;
	  high = low + dw_uleb (&c);
	  break;
	case 4:			/* offset_pair */
	  low = base + dw_uleb (&c);
	  high = base + dw_uleb (&c);
	  break;
	case 5:			/* base_address */
	  base = dw_fixed (&c, u->addr_size);
	  continue;
	case 6:			/* start_end */
	  low = dw_fixed (&c, u->addr_size);
	  high = dw_fixed (&c, u->addr_size);
	  break;
	case 7:			/* start_length */
	  low = dw_fixed (&c, u->addr_size);
	  high = low + dw_uleb (&c);
	  break;
	default:
	  r->bad = 1;
	  return;
	}
      if (!r->bad && low < high && !dw_discarded (low, u->addr_size))
	fn (r, low, high, data);
    }
}

/* DWARF 2 to 4 range lists (.debug_ranges) at OFFSET.  */
static void
each_range_pair (struct reader *r, struct unit *u, uint64_t offset,
		 range_fn fn, void *data)
{
  struct cursor c = dw_cursor_at (r, &r->ranges, offset);
  uint64_t base = u->base_address;
  uint64_t largest = u->addr_size == 8 ? ~(uint64_t) 0 : 0xffffffffu;
  while (!r->bad)
    {
      uint64_t low = dw_fixed (&c, u->addr_size);
      uint64_t high = dw_fixed (&c, u->addr_size);
      if (low == 0 && high == 0)
	return;
      if (low == largest)
	base = high;
      else if (low < high && !dw_discarded (base + low, u->addr_size))
	fn (r, base + low, base + high, data);
    }
}

/* Calls FN on each address range of DIE D of unit U; returns whether it
   has any.  */
static int
each_range (struct reader *r, struct unit *u, const struct die *d,
	    range_fn fn, void *data)
{
  uint64_t low, high;
  if (d->ranges.kind == V_RNGLISTX)
    {
      struct cursor c = dw_cursor_at (r, &r->rnglists,
				   u->rnglists_base + 4 * d->ranges.u);
      each_rnglist (r, u, u->rnglists_base + dw_fixed (&c, 4), fn, data);
      return 1;
    }
  if (d->ranges.kind == V_SECOFF || d->ranges.kind == V_CONST)
    {
      if (u->version == 5)
	each_rnglist (r, u, d->ranges.u, fn, data);
      else
	each_range_pair (r, u, d->ranges.u, fn, data);
      return 1;
    }
  if (!dw_address (r, u, &d->low_pc, &low))
    return 0;
  if (d->high_pc.kind == V_CONST)
    high = low + d->high_pc.u;
  else if (!dw_address (r, u, &d->high_pc, &high))
    return 0;
  if (low < high && !dw_discarded (low, u->addr_size))
    fn (r, low, high, data);
  return 1;
}

static void
note_holds (struct reader *r, uint64_t low, uint64_t high, void *data)
{
  if (dw_holds_query (r, low, high))
    *(int *) data = 1;
}

/* 1 if a range of D holds a query, 0 if none does, -1 if D has none.  */
static int
die_holds_query (struct reader *r, struct unit *u, const struct die *d)
{
  int holds = 0;
  if (!each_range (r, u, d, note_holds, &holds))
    return -1;
  return holds;
}

/* --- the functions at each address ------------------------------------ */

/* The walk's functions that hold a query, outermost first.  */
struct walk
{
  struct link *stack;
  size_t n, cap;
};

/* Each query in [LOW, HIGH) is in the function on top of the walk's
   stack, the innermost so far (the tree is walked parents first).  */
static void
record_chain (struct reader *r, uint64_t low, uint64_t high, void *data)
{
  struct walk *w = (struct walk *) data;
  for (size_t i = dw_first_query (r, low);
       i < r->n && r->queries[r->sorted[i]].pc < high; i++)
    {
      struct found *f = &r->found[r->sorted[i]];
      if (f->n < w->n)
	f->chain = dw_array (r, f->chain, f->n, w->n, sizeof *f->chain);
      if (f->chain == NULL)
	return;
      memcpy (f->chain, w->stack, w->n * sizeof *f->chain);
      f->n = w->n;
    }
}

static void
push_link (struct reader *r, struct walk *w, const struct die *d,
	   struct unit *u, int depth)
{
  if (w->n == w->cap)
    {
      size_t more = w->cap ? 2 * w->cap : 16;
      w->stack = dw_array (r, w->stack, w->cap, more, sizeof *w->stack);
      if (w->stack == NULL)
	{
	  w->n = w->cap = 0;
	  return;
	}
      w->cap = more;
    }
  struct link l = { d->offset, u, d->call_file.u, d->call_line.u, depth };
  w->stack[w->n++] = l;
}

/* Whether the walk goes into D's children: the functions and blocks
   that hold a query, and the scopes that may hold functions.  A
   function's chain is recorded on the way.  */
static int
enter (struct reader *r, struct unit *u, const struct die *d,
       struct walk *w, int depth)
{
  switch (d->tag)
    {
    case TAG_subprogram:
    case TAG_inlined_subroutine:
      if (die_holds_query (r, u, d) != 1)
	return 0;
      push_link (r, w, d, u, depth);
      each_range (r, u, d, record_chain, w);
      return 1;
    case TAG_lexical_block:
      return die_holds_query (r, u, d) != 0;
    case TAG_namespace:
    case TAG_module:
      return 1;
    default:
      return 0;
    }
}

/* The offset after DIE D and its children, without looking into them
   when D says where its sibling is.  */
static uint64_t
after_children (struct reader *r, struct unit *u, const struct die *d)
{
  if (d->sibling.kind == V_REF && d->sibling.u > d->offset
      && d->sibling.u <= u->end)
    return d->sibling.u;
  uint64_t offset = d->next;
  struct die child;
  for (unsigned depth = 1; depth > 0 && !r->bad && offset < u->end;)
    {
      if (dw_die (r, u, offset, &child))
	{
	  if (child.children)
	    depth++;
	}
      else
	depth--;
      offset = child.next;
    }
  return offset;
}

/* Walks unit U's tree for the functions at the queries.  */
static void
walk_unit (struct reader *r, struct unit *u, const struct die *unit_die)
{
  struct walk w = { NULL, 0, 0 };
  uint64_t offset = unit_die->next;
  int depth = 1;
  while (depth > 0 && offset < u->end && !r->bad)
    {
      struct die d;
      if (!dw_die (r, u, offset, &d))
	{
	  offset = d.next;
	  depth--;
	  while (w.n > 0 && w.stack[w.n - 1].depth >= depth)
	    w.n--;
	  continue;
	}
      if (enter (r, u, &d, &w, depth) && d.children)
	{
	  depth++;
	  offset = d.next;
	  continue;
	}
      if (w.n > 0 && w.stack[w.n - 1].depth == depth
	  && w.stack[w.n - 1].die == d.offset)
	w.n--;			/* a function without children */
      offset = d.children ? after_children (r, u, &d) : d.next;
    }
  free (w.stack);
}

/* The name of the function at DIE OFFSET, through the declarations and
   abstract instances it refers to: its linkage name if it has one (a C++
   function's mangled name, as addr2line and libbacktrace give it), else
   its name.  */
static const char *
function_name (struct reader *r, uint64_t offset)
{
  const char *name = NULL;
  for (int hops = 0; hops < 8 && !r->bad; hops++)
    {
      struct unit *u = dw_unit_of (r, offset);
      struct die d, unit_die;
      if (u == NULL || (!u->read && !dw_open_unit (r, u, &unit_die))
	  || !dw_die (r, u, offset, &d))
	break;
      if (d.linkage_name.kind != V_NONE)
	return dw_string (r, u, &d.linkage_name);
      if (name == NULL && d.name.kind != V_NONE)
	name = dw_string (r, u, &d.name);
      if (d.origin.kind == V_REF)
	offset = d.origin.u;
      else if (d.specification.kind == V_REF)
	offset = d.specification.u;
      else
	break;
    }
  return name;
}

/* The frames of query I, innermost first: its line, then the line each
   function was inlined at, in the function around it.  */
static void
make_frames (struct reader *r, size_t i)
{
  struct found *f = &r->found[i];
  struct dwarf_query *q = &r->queries[i];
  if (!f->has_line)
    return;
  size_t n = f->n ? f->n : 1;
  q->frames = calloc (n, sizeof *q->frames);
  if (q->frames == NULL)
    return;
  q->nframes = n;
  q->frames[0].file = dw_file_path (f->line_unit, f->file);
  q->frames[0].line = (unsigned) f->line;
  for (size_t k = 0; k < f->n; k++)
    {
      const struct link *inner = &f->chain[f->n - 1 - k];
      q->frames[k].function = function_name (r, inner->die);
      if (k + 1 < n)
	{
	  q->frames[k + 1].file = dw_file_path (inner->unit, inner->call_file);
	  q->frames[k + 1].line = (unsigned) inner->call_line;
	}
    }
}

/* --- the module -------------------------------------------------------- */

/* Finds the debug sections of the ELF file at DATA; 0 if this reader
   leaves it to another (not 64-bit little-endian, compressed sections,
   debug info elsewhere).  */
static int
find_sections (struct reader *r, const unsigned char *data, size_t size)
{
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *) data;
  if (size < sizeof *eh || memcmp (eh->e_ident, ELFMAG, SELFMAG) != 0
      || eh->e_ident[EI_CLASS] != ELFCLASS64
      || eh->e_ident[EI_DATA] != ELFDATA2LSB
      || eh->e_shentsize != sizeof (Elf64_Shdr) || eh->e_shoff > size
      || (size - eh->e_shoff) / sizeof (Elf64_Shdr) < eh->e_shnum
      || eh->e_shstrndx >= eh->e_shnum)
    return 0;
  const Elf64_Shdr *sh = (const Elf64_Shdr *) (data + eh->e_shoff);
  const Elf64_Shdr *names = &sh[eh->e_shstrndx];
  if (names->sh_offset > size || size - names->sh_offset < names->sh_size)
    return 0;
  static const struct { const char *name; size_t offset; } wanted[] = {
    { ".debug_info", offsetof (struct reader, info) },
    { ".debug_abbrev", offsetof (struct reader, abbrev) },
    { ".debug_line", offsetof (struct reader, line) },
    { ".debug_str", offsetof (struct reader, str) },
    { ".debug_line_str", offsetof (struct reader, line_str) },
    { ".debug_addr", offsetof (struct reader, addr) },
    { ".debug_rnglists", offsetof (struct reader, rnglists) },
    { ".debug_ranges", offsetof (struct reader, ranges) },
    { ".debug_str_offsets", offsetof (struct reader, str_offsets) },
  };
  for (unsigned i = 0; i < eh->e_shnum; i++)
    {
      if (sh[i].sh_name >= names->sh_size
	  || memchr (data + names->sh_offset + sh[i].sh_name, 0,
		     names->sh_size - sh[i].sh_name) == NULL)
	return 0;
      const char *name = (const char *) data + names->sh_offset
			 + sh[i].sh_name;
      if (strncmp (name, ".zdebug", 7) == 0)
	return 0;
      for (size_t k = 0; k < sizeof wanted / sizeof wanted[0]; k++)
	if (strcmp (name, wanted[k].name) == 0)
	  {
	    if ((sh[i].sh_flags & SHF_COMPRESSED)
		|| sh[i].sh_type == SHT_NOBITS || sh[i].sh_offset > size
		|| size - sh[i].sh_offset < sh[i].sh_size)
	      return 0;
	    struct section *s = (struct section *) ((char *) r
						     + wanted[k].offset);
	    s->data = data + sh[i].sh_offset;
	    s->size = sh[i].sh_size;
	  }
    }
  return r->info.size > 0 && r->abbrev.size > 0 && r->line.size > 0;
}

static const struct reader *sort_reader;

static int
by_pc (const void *a, const void *b)
{
  uint64_t x = sort_reader->queries[*(const size_t *) a].pc;
  uint64_t y = sort_reader->queries[*(const size_t *) b].pc;
  return x < y ? -1 : x > y;
}

/* Places the queries, unit by unit: the units that hold one.  */
static void
place_all (struct reader *r)
{
  for (size_t i = 0; i < r->nunits && !r->bad; i++)
    {
      struct unit *u = &r->units[i];
      struct die unit_die;
      if (!dw_open_unit (r, u, &unit_die))
	return;
      if (unit_die.tag != TAG_compile_unit && unit_die.tag != TAG_partial_unit)
	continue;
      if (die_holds_query (r, u, &unit_die) == 0)
	continue;
      if (u->has_lines)
	dw_run_lines (r, u);
      if (unit_die.children)
	walk_unit (r, u, &unit_die);
    }
  for (size_t i = 0; i < r->n && !r->bad; i++)
    make_frames (r, i);
}

int
dwarf_place (const char *module, struct dwarf_query *queries, size_t n)
{
  int fd = open (module, O_RDONLY | O_CLOEXEC);
  struct stat st;
  if (fd < 0)
    return 0;
  if (fstat (fd, &st) != 0 || st.st_size <= 0)
    {
      close (fd);
      return 0;
    }
  /* Kept mapped: the names and paths found point into it.  */
  void *data = mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close (fd);
  if (data == MAP_FAILED)
    return 0;
  struct reader r;
  memset (&r, 0, sizeof r);
  r.queries = queries;
  r.n = n;
  r.found = calloc (n + 1, sizeof *r.found);
  r.sorted = calloc (n + 1, sizeof *r.sorted);
  if (r.found == NULL || r.sorted == NULL
      || !find_sections (&r, data, (size_t) st.st_size) || !dw_read_units (&r))
    return 0;
  for (size_t i = 0; i < n; i++)
    r.sorted[i] = i;
  sort_reader = &r;
  qsort (r.sorted, n, sizeof *r.sorted, by_pc);
  place_all (&r);
  if (r.bad)
    for (size_t i = 0; i < n; i++)
      {
	free (queries[i].frames);
	queries[i].frames = NULL;
	queries[i].nframes = 0;
      }
  return !r.bad;
}
