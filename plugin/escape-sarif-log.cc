/* escape-sarif-log.cc -- -fplugin-arg-escape-sarif=FILE: the notes of the
   unit, as printed, in a SARIF 2.1.0 log (written by escape-sarif.cc).

   FILE may hold "%b", the unit's dump base name (where GCC puts the unit's
   -save-temps and -fdump files: "a.c" for "gcc -c a.c", "build/a.c" with
   "-o build/a.o", "prog-a.c" when compiling and linking at once,
   "prog.ltrans0.ltrans" for a link-time unit under -flto), and "%%", a
   percent sign.  Each compiler process writes one whole log: a log of
   the same name written meanwhile by another is replaced, never mixed
   (the log goes to a temporary file beside FILE, renamed at the end).
   The temporary file is made when the plugin starts, so that a FILE
   that cannot be written is an error before anything is compiled.
   lto1's whole-program step (-fwpa), which prints no note, writes none.

   The log is written when the compiler finishes (PLUGIN_FINISH), also
   after an error: executionSuccessful is then false, and the log has no
   result (the plugin prints no note after an error).  */

#include "escape-gcc.h"
#include "escape-sarif.h"

namespace {

const char information_uri[] = ESCAPE_INFORMATION_URI;

char *log_name;			/* FILE, expanded */
char *temp_name;		/* where the log is written first */
FILE *temp_file;
vec<escape_sarif_result> results;

/* The dump base name, or the main input's file name if GCC has none.  */
const char *
unit_base_name (void)
{
  if (dump_base_name && *dump_base_name)
    return dump_base_name;
  return main_input_filename ? lbasename (main_input_filename) : "escape";
}

/* PATTERN with "%b" and "%%" replaced (escape_sarif_pattern_ok has
   checked it).  */
char *
expand (const char *pattern)
{
  obstack ob;
  obstack_init (&ob);
  for (const char *p = pattern; *p; p++)
    if (*p == '%' && p[1] == 'b')
      obstack_grow (&ob, unit_base_name (), strlen (unit_base_name ())), p++;
    else if (*p == '%' && p[1] == '%')
      obstack_1grow (&ob, '%'), p++;
    else
      obstack_1grow (&ob, *p);
  obstack_1grow (&ob, '\0');
  char *name = xstrdup ((char *) obstack_finish (&ob));
  obstack_free (&ob, NULL);
  return name;
}

/* PLACE for LOC in FNDECL, where GCC's text output puts it (in a macro,
   where the macro's text is): the column in UTF-16 code units, from the
   source line (GCC's columns count bytes); a copy of each string.  */
escape_sarif_place
place_of (location_t loc, tree fndecl)
{
  escape_sarif_place place = { NULL, 0, 0, NULL };
  expanded_location x = expand_location_to_spelling_point (loc);
  if (x.file)
    {
      place.file = xstrdup (x.file);
      place.line = x.line;
      place.column = x.column;
      char_span line = location_get_source_line (x.file, x.line);
      if (line && x.column > 0)
	place.column = escape_sarif_utf16_column (line.get_buffer (),
						  line.length (), x.column);
    }
  if (fndecl && DECL_NAME (fndecl))
    place.function = xstrdup (IDENTIFIER_POINTER (DECL_NAME (fndecl)));
  return place;
}

void
free_place (const escape_sarif_place &place)
{
  free (CONST_CAST (char *, place.file));
  free (CONST_CAST (char *, place.function));
}

/* The expansion points of the macros LOC is in, innermost first, each
   with GCC's message ("in expansion of macro 'NAME'"), into RESULT.  */
void
add_macro_expansions (escape_sarif_result *result, location_t loc)
{
  auto_vec<escape_sarif_related> related;
  loc = LOCATION_LOCUS (loc);
  const line_map *map = linemap_lookup (line_table, loc);
  while (linemap_macro_expansion_map_p (map))
    {
      const line_map_macro *macro = linemap_check_macro (map);
      loc = linemap_unwind_toward_expansion (line_table, loc, &map);
      escape_sarif_related r;
      r.place = place_of (MACRO_MAP_EXPANSION_POINT_LOCATION (macro),
			  NULL_TREE);
      r.message = concat ("in expansion of macro '",
			  linemap_map_get_macro_name (macro), "'", NULL);
      related.safe_push (r);
    }
  result->n_related = related.length ();
  result->related = XNEWVEC (escape_sarif_related, related.length ());
  memcpy (CONST_CAST (escape_sarif_related *, result->related),
	  related.address (), related.length () * sizeof related[0]);
}

/* The words of COLLECT_GCC_OPTIONS, where the driver quotes each option
   as 'OPTION' (a quote in it as '\'').  */
void
split_driver_options (const char *options, auto_vec<char *> *words)
{
  const char *p = options;
  while (*p)
    {
      while (*p == ' ')
	p++;
      if (!*p)
	break;
      obstack ob;
      obstack_init (&ob);
      while (*p && *p != ' ')
	if (*p == '\'')
	  {
	    for (p++; *p && *p != '\''; p++)
	      obstack_1grow (&ob, *p);
	    if (*p)
	      p++;
	  }
	else if (*p == '\\' && p[1])
	  obstack_1grow (&ob, p[1]), p += 2;
	else
	  obstack_1grow (&ob, *p++);
      obstack_1grow (&ob, '\0');
      words->safe_push (xstrdup ((char *) obstack_finish (&ob)));
      obstack_free (&ob, NULL);
    }
}

/* The command line: the driver's (COLLECT_GCC and the options it gives
   its subprocesses, COLLECT_GCC_OPTIONS) and the unit's input file.  The
   compiler's own (cc1 -o /tmp/ccXXXXXX.s) names temporary files, which
   would make every log different; so do a link-time unit's input and
   the "-o" that lto-wrapper gives it: both are left out.  */
void
command_line (auto_vec<char *> *words)
{
  const char *driver = getenv ("COLLECT_GCC");
  words->safe_push (xstrdup (driver ? driver : progname));
  if (const char *options = getenv ("COLLECT_GCC_OPTIONS"))
    split_driver_options (options, words);
  if (in_lto_p)
    for (unsigned i = 1; i + 1 < words->length (); i++)
      if (!strcmp ((*words)[i], "-o"))
	{
	  free ((*words)[i]);
	  free ((*words)[i + 1]);
	  words->block_remove (i, 2);
	  break;
	}
  if (main_input_filename && !in_lto_p)
    words->safe_push (xstrdup (main_input_filename));
}

void
write_log (FILE *out)
{
  auto_vec<char *> words;
  command_line (&words);
  escape_sarif_run run;
  run.tool_version = ESCAPE_PLUGIN_VERSION;
  run.information_uri = information_uri;
  run.srcroot = getpwd ();
  run.arguments = CONST_CAST (const char *const *, words.address ());
  run.n_arguments = words.length ();
  run.success = !seen_error ();
  run.results = results.address ();
  run.n_results = results.length ();
  escape_sarif_write (out, &run);
  for (char *word : words)
    free (word);
}

} // anon namespace

bool
escape_sarif_pattern_ok (const char *plugin, const char *pattern)
{
  if (!pattern || !*pattern)
    {
      error ("%<-fplugin-arg-%s-sarif%> needs a file name, as in "
	     "%<-fplugin-arg-%s-sarif=%%b.sarif%>", plugin, plugin);
      return false;
    }
  for (const char *p = strchr (pattern, '%'); p; p = strchr (p + 2, '%'))
    if (p[1] != 'b' && p[1] != '%')
      {
	char bad[3] = { '%', p[1], '\0' };
	error ("invalid %qs in %<-fplugin-arg-%s-sarif=%s%>; valid are "
	       "%<%%b%> (the dump base name of the unit) and %<%%%%%>",
	       bad, plugin, pattern);
	return false;
      }
  return true;
}

bool
escape_sarif_open (const char *plugin, const char *pattern)
{
  if (flag_wpa)
    return true;
  log_name = expand (pattern);
  struct stat st;
  if (stat (log_name, &st) == 0 && S_ISDIR (st.st_mode))
    {
      error ("cannot write the SARIF log %qs (%<-fplugin-arg-%s-sarif%>): "
	     "it is a directory", log_name, plugin);
      return false;
    }
  char pid[32];
  snprintf (pid, sizeof pid, "%ld", (long) getpid ());
  temp_name = concat (log_name, ".tmp", pid, NULL);
  temp_file = fopen (temp_name, "w");
  if (!temp_file)
    {
      error ("cannot write the SARIF log %qs (%<-fplugin-arg-%s-sarif%>): "
	     "%s", log_name, plugin, xstrerror (errno));
      return false;
    }
  return true;
}

void
escape_sarif_add (tree fndecl, location_t loc, const char *text,
		  struct escape_note_kind kind,
		  const vec<escape_path_event> &events)
{
  if (!temp_file)
    return;
  escape_sarif_result result;
  result.kind = kind;
  result.message = xstrdup (text);
  result.place = place_of (loc, fndecl);
  add_macro_expansions (&result, loc);
  result.n_events = events.length ();
  escape_sarif_event *steps = XNEWVEC (escape_sarif_event, events.length ());
  for (unsigned i = 0; i < events.length (); i++)
    {
      steps[i].place = place_of (events[i].loc, events[i].fndecl);
      steps[i].depth = events[i].depth;
      steps[i].message = xstrdup (events[i].text);
    }
  result.events = result.n_events ? steps : NULL;
  if (!result.n_events)
    XDELETEVEC (steps);
  results.safe_push (result);
}

void
escape_sarif_finish (void)
{
  if (!temp_file)
    return;
  write_log (temp_file);
  bool written = !ferror (temp_file);
  written &= fclose (temp_file) == 0;
  temp_file = NULL;
  if (!written || rename (temp_name, log_name) != 0)
    {
      error ("cannot write the SARIF log %qs: %s", log_name,
	     xstrerror (errno));
      unlink (temp_name);
    }
  for (const escape_sarif_result &result : results)
    {
      free (CONST_CAST (char *, result.message));
      free_place (result.place);
      for (unsigned i = 0; i < result.n_related; i++)
	{
	  free_place (result.related[i].place);
	  free (CONST_CAST (char *, result.related[i].message));
	}
      free (CONST_CAST (escape_sarif_related *, result.related));
      for (unsigned i = 0; i < result.n_events; i++)
	{
	  free_place (result.events[i].place);
	  free (CONST_CAST (char *, result.events[i].message));
	}
      free (CONST_CAST (escape_sarif_event *, result.events));
    }
  results.release ();
  free (temp_name);
  free (log_name);
}
