/* dwarf-lines.c -- the line tables of escape-prof-lines' DWARF reader:
   the line program of a unit run once, each range between two rows
   tested against the sorted queries; the file tables of DWARF 2 to 5
   and the paths made of them.  */
#include "dwarf-impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- the addresses asked for -------------------------------------------- */

/* The first of the sorted queries whose pc is LOW or more.  */
size_t
dw_first_query (const struct reader *r, uint64_t low)
{
  size_t lo = 0, hi = r->n;
  while (lo < hi)
    {
      size_t mid = lo + (hi - lo) / 2;
      if (r->queries[r->sorted[mid]].pc < low)
	lo = mid + 1;
      else
	hi = mid;
    }
  return lo;
}

/* Whether a query's pc is in [LOW, HIGH).  */
int
dw_holds_query (const struct reader *r, uint64_t low, uint64_t high)
{
  size_t i = dw_first_query (r, low);
  return i < r->n && r->queries[r->sorted[i]].pc < high;
}

/* --- the line table ---------------------------------------------------- */

/* The file and directory tables of a DWARF 5 line header: each entry a
   list of (content type, form) pairs.  */
static void
read_entries_v5 (struct reader *r, struct unit *u, struct cursor *c,
		 int files)
{
  unsigned nformats = (unsigned) dw_fixed (c, 1);
  uint64_t formats[2 * 256];
  for (unsigned i = 0; i < nformats && !r->bad; i++)
    {
      formats[2 * i] = dw_uleb (c);
      formats[2 * i + 1] = dw_uleb (c);
    }
  uint64_t count = dw_uleb (c);
  if (count > (uint64_t) (c->end - c->p))	/* an entry takes a byte */
    {
      r->bad = 1;
      return;
    }
  if (files)
    {
      u->names = dw_array (r, NULL, 0, count + 1, sizeof *u->names);
      u->dirs_of = dw_array (r, NULL, 0, count + 1, sizeof *u->dirs_of);
      u->paths = dw_array (r, NULL, 0, count + 1, sizeof *u->paths);
      u->nfiles = r->bad ? 0 : count;
    }
  else
    {
      u->dirs = dw_array (r, NULL, 0, count + 1, sizeof *u->dirs);
      u->ndirs = r->bad ? 0 : count;
    }
  for (uint64_t e = 0; e < count && !r->bad; e++)
    for (unsigned i = 0; i < nformats && !r->bad; i++)
      {
	struct value v;
	dw_value (u, c, (unsigned) formats[2 * i + 1], 0, &v);
	if (formats[2 * i] == 1)	/* DW_LNCT_path */
	  {
	    const char *s = dw_string (r, u, &v);
	    if (files)
	      u->names[e] = (const unsigned char *) s;
	    else
	      u->dirs[e] = s;
	  }
	else if (formats[2 * i] == 2 && files)	/* DW_LNCT_directory_index */
	  u->dirs_of[e] = v.u;
      }
}

/* The directory and file tables of a DWARF 2 to 4 line header; their
   indexes count from 1, 0 is the unit's directory.  */
static void
read_entries_v4 (struct reader *r, struct unit *u, struct cursor *c)
{
  size_t cap = 16;
  u->dirs = dw_array (r, NULL, 0, cap, sizeof *u->dirs);
  if (u->dirs == NULL)
    return;
  u->dirs[u->ndirs++] = u->comp_dir;
  for (const char *s; (s = dw_cstring (c)) != NULL && *s;)
    {
      if (u->ndirs == cap)
	{
	  u->dirs = dw_array (r, u->dirs, cap, 2 * cap, sizeof *u->dirs);
	  if (u->dirs == NULL)
	    return;
	  cap *= 2;
	}
      u->dirs[u->ndirs++] = s;
    }
  cap = 64;
  u->names = dw_array (r, NULL, 0, cap, sizeof *u->names);
  u->dirs_of = dw_array (r, NULL, 0, cap, sizeof *u->dirs_of);
  size_t nfiles = 1;		/* index 0: none */
  for (const char *s; !r->bad && (s = dw_cstring (c)) != NULL && *s;)
    {
      if (nfiles == cap)
	{
	  u->names = dw_array (r, u->names, cap, 2 * cap, sizeof *u->names);
	  u->dirs_of = dw_array (r, u->dirs_of, cap, 2 * cap,
				 sizeof *u->dirs_of);
	  if (r->bad)
	    return;
	  cap *= 2;
	}
      u->names[nfiles] = (const unsigned char *) s;
      u->dirs_of[nfiles++] = dw_uleb (c);
      dw_uleb (c);		/* modification time */
      dw_uleb (c);		/* length */
    }
  u->paths = dw_array (r, NULL, 0, nfiles, sizeof *u->paths);
  u->nfiles = r->bad ? 0 : nfiles;
}

/* A path made of the parts that are there: DIR/NAME, unless NAME is
   absolute.  */
static char *
join_path (const char *dir, const char *name)
{
  if (dir == NULL || name[0] == '/')
    return strdup (name);
  size_t length = strlen (dir) + 1 + strlen (name) + 1;
  char *path = malloc (length);
  if (path)
    snprintf (path, length, "%s/%s", dir, name);
  return path;
}

/* The path of file INDEX of unit U's line table, or NULL.  */
const char *
dw_file_path (struct unit *u, uint64_t index)
{
  if (index >= u->nfiles || u->names[index] == NULL)
    return NULL;
  if (u->paths[index] == NULL)
    {
      const char *name = (const char *) u->names[index];
      uint64_t d = u->dirs_of[index];
      const char *dir = d < u->ndirs ? u->dirs[d] : NULL;
      char *in_dir = dir && dir[0] != '/' && name[0] != '/'
		     ? join_path (u->comp_dir, dir) : NULL;
      u->paths[index] = join_path (in_dir ? in_dir : dir, name);
      free (in_dir);
    }
  return u->paths[index];
}

struct line_state
{
  uint64_t address, file, line;
};

/* The rows of a sequence so far: the last one, and the first query at
   or above its address.  Addresses only grow within a sequence, so that
   query is found by a binary search at the sequence's first row and then
   only moved forward.  */
struct rows
{
  struct line_state prev;
  int has_prev;
  size_t next;			/* in the sorted queries */
  int discarded;		/* a sequence of code the linker dropped */
};

/* A row of the table: the queries from the previous row's address up to
   this one's are at the previous row's line (the last of the rows at one
   address, as other readers take it).  */
static void
row (struct reader *r, struct unit *u, struct rows *rows,
     const struct line_state *now)
{
  if (rows->discarded)
    return;
  if (!rows->has_prev)
    rows->next = dw_first_query (r, now->address);
  else if (rows->prev.address < now->address)
    {
      size_t i = rows->next;
      for (; i < r->n && r->queries[r->sorted[i]].pc < now->address; i++)
	{
	  struct found *f = &r->found[r->sorted[i]];
	  if (f->has_line)
	    continue;
	  f->has_line = 1;
	  f->line_unit = u;
	  f->file = rows->prev.file;
	  f->line = rows->prev.line;
	}
      rows->next = i;
    }
  rows->prev = *now;
  rows->has_prev = 1;
}

/* Runs unit U's line program, giving each query in it its line.  */
void
dw_run_lines (struct reader *r, struct unit *u)
{
  struct cursor c = dw_cursor_at (r, &r->line, u->stmt_list);
  uint64_t length = dw_fixed (&c, 4);
  if (length >= 0xfffffff0u || !dw_need (&c, length))
    {
      r->bad = 1;
      return;
    }
  c.end = c.p + length;
  int version = (int) dw_fixed (&c, 2);
  if (version < 2 || version > 5)
    {
      r->bad = 1;
      return;
    }
  if (version == 5)
    dw_skip (&c, 2);		/* address and segment selector sizes */
  uint64_t header_length = dw_fixed (&c, 4);
  const unsigned char *program = c.p + header_length;
  unsigned min_length = (unsigned) dw_fixed (&c, 1);
  if (version >= 4)
    dw_skip (&c, 1);		/* maximum operations per instruction */
  int default_is_stmt = (int) dw_fixed (&c, 1);
  (void) default_is_stmt;
  int line_base = (int8_t) dw_fixed (&c, 1);
  unsigned line_range = (unsigned) dw_fixed (&c, 1);
  unsigned opcode_base = (unsigned) dw_fixed (&c, 1);
  const unsigned char *lengths = c.p;
  dw_skip (&c, opcode_base ? opcode_base - 1 : 0);
  if (version == 5)
    {
      read_entries_v5 (r, u, &c, 0);
      read_entries_v5 (r, u, &c, 1);
    }
  else
    read_entries_v4 (r, u, &c);
  if (r->bad || line_range == 0 || program > c.end || program < c.p)
    {
      r->bad = 1;
      return;
    }
  c.p = program;
  struct line_state start = { 0, 1, 1 }, now = start;
  struct rows rows = { start, 0, 0, 0 };
  while (c.p < c.end && !r->bad)
    {
      unsigned op = (unsigned) dw_fixed (&c, 1);
      if (op >= opcode_base)
	{
	  unsigned adjusted = op - opcode_base;
	  now.address += (uint64_t) (adjusted / line_range) * min_length;
	  now.line += (uint64_t) (int64_t) (line_base
					     + (int) (adjusted % line_range));
	  row (r, u, &rows, &now);
	  continue;
	}
      switch (op)
	{
	case 0:			/* extended */
	  {
	    uint64_t size = dw_uleb (&c);
	    if (size == 0 || !dw_need (&c, size))
	      {
		r->bad = 1;
		return;
	      }
	    const unsigned char *after = c.p + size;
	    unsigned sub = (unsigned) dw_fixed (&c, 1);
	    if (sub == 1)	/* end_sequence */
	      {
		row (r, u, &rows, &now);
		rows.has_prev = 0;
		rows.discarded = 0;
		now = start;
	      }
	    else if (sub == 2)	/* set_address */
	      {
		now.address = dw_fixed (&c, size - 1 < 8 ? size - 1 : 8);
		rows.discarded = dw_discarded (now.address, size - 1);
	      }
	    c.p = after;
	    break;
	  }
	case 1: row (r, u, &rows, &now); break;	/* copy */
	case 2: now.address += dw_uleb (&c) * min_length; break;
	case 3: now.line += (uint64_t) dw_sleb (&c); break;
	case 4: now.file = dw_uleb (&c); break;
	case 8:			/* const_add_pc */
	  now.address += (uint64_t) ((255 - opcode_base) / line_range)
			 * min_length;
	  break;
	case 9: now.address += dw_fixed (&c, 2); break;
	default:		/* arguments as the header says */
	  for (unsigned i = 0; i < lengths[op - 1] && !r->bad; i++)
	    dw_uleb (&c);
	}
    }
}
