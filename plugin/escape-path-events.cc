/* escape-path-events.cc -- the path of an "escapes" note, as the events of
   a GCC diagnostic path.

   The core gives the steps of a path (escape-core.h, esc_object_path):
   where each one is (the statement's location, which the extractor gave
   as the constraint's site), in which function, how deep in calls, and
   what it does.  This file words them:

     (1) address of 'x' taken | allocated here | parameter 'p'
     (2) copied to 'q'
     (3) stored in 's' | stored where 'p' points
     (4) read back from 's' | read back through 'pp'
     (5) passed to 'f' as argument 2            (the next are f's, deeper)
     (6) returned by 'f'
     (7) stored in global 'g'                   (the reason: the last step)

   and prints them with the note through GCC's own diagnostic paths, so
   that -fdiagnostics-path-format= (inline-events, separate-events, none)
   and -fdiagnostics-format=json show them as they show the analyzer's.
   The SARIF log gets the same events as a codeFlow.  */

#include "escape-gcc.h"
#include "diagnostic-path.h"
#include "gcc-rich-location.h"

namespace {

/* Where a step is: its site, or where the path was before (a statement
   without a location, a PHI), without the block (which may be collected
   before the note is printed).  */
location_t
event_location (uint32_t site, location_t before)
{
  location_t loc = site != UNKNOWN_LOCATION ? (location_t) site : before;
  return set_block (loc, NULL_TREE);
}

/* The words of STEP.  */
char *
step_text (const struct esc_step &step)
{
  char why[256];
  switch (step.kind)
    {
    case ESC_STEP_ADDRESS:
      /* Objects without a name are allocations (the report's locals all
	 have one).  */
      if (step.name)
	return xasprintf ("address of '%s' taken", step.name);
      if (step.through)
	return xasprintf ("pointed to by parameter '%s'", step.through);
      return xstrdup ("memory allocated here");
    case ESC_STEP_COPY:
      return xasprintf ("copied to '%s'", step.name);
    case ESC_STEP_STORE:
      if (step.name)
	return xasprintf ("stored in '%s'", step.name);
      if (step.through)
	return xasprintf ("stored where '%s' points", step.through);
      return xstrdup ("stored in memory");
    case ESC_STEP_LOAD:
      if (step.name)
	return xasprintf ("read back from '%s'", step.name);
      if (step.through)
	return xasprintf ("read back through '%s'", step.through);
      return xstrdup ("read back from memory");
    case ESC_STEP_CALL:
      return xasprintf ("passed to '%s' as argument %d", step.name,
			step.argno);
    case ESC_STEP_RETURN:
      return xasprintf ("returned by '%s'", step.name);
    case ESC_STEP_ESCAPE:
      return xstrdup (esc_reason_text (step.reason, why, sizeof why));
    case ESC_STEP_UNTOLD:
      return xasprintf ("from here the analysis cannot tell the way: %s",
			esc_reason_text (step.reason, why, sizeof why));
    }
  return xstrdup ("?");
}

void
push_event (vec<escape_path_event> *events, location_t loc, tree fndecl,
	    int depth, char *text)
{
  escape_path_event event = { loc, fndecl, depth, text };
  events->safe_push (event);
}

} // anon namespace

void
escape_path_events (struct esc_unit *unit, const struct esc_step *steps,
		    size_t count, location_t start_loc, tree fndecl,
		    const char *start_text, vec<escape_path_event> *events)
{
  if (!count)
    return;
  /* The first event says what the path is of, where it starts: at the
     address taken (the allocation call) when the core knows that op.  */
  size_t first = 0;
  location_t at = set_block (start_loc, NULL_TREE);
  if (steps[0].kind == ESC_STEP_ADDRESS)
    at = event_location (steps[first++].site, at);
  push_event (events, at, fndecl, 0, xstrdup (start_text));
  for (size_t i = first; i < count; i++)
    {
      const struct esc_step &step = steps[i];
      tree step_fndecl = CONST_CAST_TREE ((const_tree)
					  esc_fn_key (unit, step.fn));
      at = event_location (step.site, at);
      push_event (events, at, step_fndecl ? step_fndecl : fndecl,
		  (int) step.depth, step_text (step));
    }
}

void
escape_release_path_events (vec<escape_path_event> *events)
{
  for (escape_path_event &event : *events)
    free (event.text);
  events->release ();
}

void
escape_inform_with_path (location_t loc, const char *text,
			 const vec<escape_path_event> &events)
{
  /* The events are formatted when added, with a printer of their own:
     the global one still has the previous diagnostic's prefix.  */
  pretty_printer *pp = global_dc->printer->clone ();
  pp_set_prefix (pp, NULL);
  simple_diagnostic_path path (pp);
  for (const escape_path_event &event : events)
    path.add_event (event.loc, event.fndecl, event.depth, "%s", event.text);
  gcc_rich_location richloc (loc);
  richloc.set_path (&path);
  inform (&richloc, "%s", text);
  delete pp;
}
