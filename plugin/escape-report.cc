/* escape-report.cc -- the notes.

   The extractor registers an item for every address-taken local, every
   allocation call and every pointer parameter; once the unit is solved,
   each item gets one note, in source order:

     address of 'NAME' does not escape | escapes: REASON
     allocation of N bytes / of unknown size does not escape | escapes: REASON
     parameter 'NAME' does not escape | leaks to return value | escapes: REASON

   Items in system headers get none.  docs/notes.md lists every message.  */

#include "escape-gcc.h"

namespace {

struct report_item
{
  enum escape_item_kind kind;
  esc_fn fn;
  location_t loc;
  const char *name;		/* local or parameter */
  const char *captured_by;	/* a local captured by a nested function */
  esc_node node;
  unsigned index;		/* parameter */
  bool size_known;
  unsigned HOST_WIDE_INT size;
  unsigned seq;			/* registration order, the last sort key */
};

vec<report_item> items;

report_item
new_item (enum escape_item_kind kind, esc_fn fn, location_t loc)
{
  report_item item;
  memset (&item, 0, sizeof item);
  item.kind = kind;
  item.fn = fn;
  item.loc = expansion_point_location_if_in_system_header (loc);
  item.seq = items.length ();
  return item;
}

const char *
name_of (tree decl)
{
  if (DECL_NAME (decl))
    return IDENTIFIER_POINTER (DECL_NAME (decl));
  return "<compound literal>";
}

int
compare_items (const void *pa, const void *pb)
{
  const report_item *a = (const report_item *) pa;
  const report_item *b = (const report_item *) pb;
  expanded_location ea = expand_location (a->loc);
  expanded_location eb = expand_location (b->loc);
  int c = strcmp (ea.file ? ea.file : "", eb.file ? eb.file : "");
  if (c)
    return c;
  if (ea.line != eb.line)
    return ea.line < eb.line ? -1 : 1;
  if (ea.column != eb.column)
    return ea.column < eb.column ? -1 : 1;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Writes "does not escape" or "escapes: REASON" into BUF.  */
const char *
verdict_text (esc_reason reason, char *buf, size_t size)
{
  char why[256];
  if (reason.kind == ESC_R_NONE)
    snprintf (buf, size, "does not escape");
  else
    snprintf (buf, size, "escapes: %s",
	      esc_reason_text (reason, why, sizeof why));
  return buf;
}

/* The note for ITEM, or false if it has none in MODE.  */
bool
item_text (struct esc_unit *unit, const report_item &item,
	   enum escape_report_mode mode, char *buf, size_t size)
{
  char verdict[320];
  esc_reason reason = { ESC_R_NONE, NULL, 0 };
  switch (item.kind)
    {
    case ESCAPE_ITEM_LOCAL:
      if (item.captured_by)
	reason.kind = ESC_R_NESTED, reason.name = item.captured_by;
      else
	reason = esc_object_verdict (unit, item.fn, item.node);
      if (mode == ESCAPE_REPORT_ESCAPES && reason.kind == ESC_R_NONE)
	return false;
      snprintf (buf, size, "address of '%s' %s", item.name,
		verdict_text (reason, verdict, sizeof verdict));
      return true;
    case ESCAPE_ITEM_ALLOCATION:
      {
	reason = esc_object_verdict (unit, item.fn, item.node);
	if (mode == ESCAPE_REPORT_ESCAPES && reason.kind == ESC_R_NONE)
	  return false;
	char what[64];
	if (!item.size_known)
	  snprintf (what, sizeof what, "unknown size");
	else
	  snprintf (what, sizeof what, HOST_WIDE_INT_PRINT_UNSIGNED " byte%s",
		    item.size, item.size == 1 ? "" : "s");
	snprintf (buf, size, "allocation of %s %s", what,
		  verdict_text (reason, verdict, sizeof verdict));
	return true;
      }
    case ESCAPE_ITEM_PARAMETER:
      {
	struct esc_param_verdict v = esc_param_verdict (unit, item.fn, item.index);
	if (mode == ESCAPE_REPORT_ESCAPES && v.kind != ESC_PARAM_ESCAPES)
	  return false;
	if (v.kind == ESC_PARAM_LEAKS_TO_RETURN)
	  snprintf (buf, size, "parameter '%s' leaks to return value",
		    item.name);
	else
	  snprintf (buf, size, "parameter '%s' %s", item.name,
		    verdict_text (v.kind == ESC_PARAM_ESCAPES ? v.reason
				  : reason, verdict, sizeof verdict));
	return true;
      }
    }
  return false;
}

} // anon namespace

void
escape_add_local (esc_fn fn, tree decl, esc_node node)
{
  report_item item = new_item (ESCAPE_ITEM_LOCAL, fn,
			       DECL_SOURCE_LOCATION (decl));
  item.name = name_of (decl);
  item.node = node;
  items.safe_push (item);
}

void
escape_add_captured_local (esc_fn fn, tree decl, const char *nested_fn)
{
  report_item item = new_item (ESCAPE_ITEM_LOCAL, fn,
			       DECL_SOURCE_LOCATION (decl));
  item.name = name_of (decl);
  item.captured_by = nested_fn;	/* an identifier: never freed */
  items.safe_push (item);
}

void
escape_add_allocation (esc_fn fn, location_t loc, bool size_known,
		       unsigned HOST_WIDE_INT size, esc_node node)
{
  report_item item = new_item (ESCAPE_ITEM_ALLOCATION, fn, loc);
  item.size_known = size_known;
  item.size = size;
  item.node = node;
  items.safe_push (item);
}

void
escape_add_parameter (esc_fn fn, tree parm, unsigned index)
{
  report_item item = new_item (ESCAPE_ITEM_PARAMETER, fn,
			       DECL_SOURCE_LOCATION (parm));
  item.name = name_of (parm);
  item.index = index;
  items.safe_push (item);
}

void
escape_report (struct esc_unit *unit, enum escape_report_mode mode)
{
  items.qsort (compare_items);
  for (const report_item &item : items)
    {
      char text[512];
      if (in_system_header_at (item.loc)
	  || !item_text (unit, item, mode, text, sizeof text))
	continue;
      inform (item.loc, "%s", text);
    }
  items.release ();
}
