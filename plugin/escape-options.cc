/* escape-options.cc -- the plugin's arguments.

     -fplugin-arg-escape-report		     same as report=all
     -fplugin-arg-escape-report=all	     a note for every address-taken
					     local, allocation and pointer
					     parameter
     -fplugin-arg-escape-report=escapes	     only the ones that escape
     -fplugin-arg-escape-stackify	     move small allocations that do not
					     escape to the stack (-O1 and up)
     -fplugin-arg-escape-stackify-max=N	     largest allocation moved, in bytes
					     (default 256)
     -fplugin-arg-escape-stackify-frame-max=N  most bytes moved per function
					     (default 1024)
     -fplugin-arg-escape-stackify-recursive-max=N  most bytes a thread's
					     functions that may recurse take
					     from the stack for their slots, in
					     all (default 16384)
     -fplugin-arg-escape-stackify-recursive  in functions that may recurse,
					     slots in the frame, without that
					     limit
     -fplugin-arg-escape-allocator=A:D[,...]  the function A allocates and D
					     frees, like malloc and free
					     (repeatable)
     -fplugin-arg-escape-sarif=FILE	     also write the notes to FILE, a
					     SARIF 2.1.0 log ("%b" in FILE:
					     the unit's dump base name;
					     escape-sarif-log.cc); needs
					     report

   Anything else is an error that lists the valid arguments.  */

#include "escape-gcc.h"

namespace {

const char valid_arguments[] =
  "'report', 'report=all', 'report=escapes', 'stackify', "
  "'stackify-max=N', 'stackify-frame-max=N', 'stackify-recursive-max=N', "
  "'stackify-recursive', "
  "'allocator=ALLOC:DEALLOC', 'sarif=FILE'";

/* The largest limit accepted: beyond it a stack frame is no place for an
   allocation anyway.  */
const unsigned long max_limit = 1UL << 20;

bool
parse_report (const char *plugin, const char *value,
	      struct escape_options *options)
{
  if (!value || !strcmp (value, "all"))
    options->report = ESCAPE_REPORT_ALL;
  else if (!strcmp (value, "escapes"))
    options->report = ESCAPE_REPORT_ESCAPES;
  else
    {
      error ("invalid value %qs for %<-fplugin-arg-%s-report%>; "
	     "valid values are %<all%> and %<escapes%>", value, plugin);
      return false;
    }
  return true;
}

bool
parse_flag (const char *plugin, const struct plugin_argument *arg, bool *flag)
{
  if (arg->value)
    {
      error ("%<-fplugin-arg-%s-%s%> takes no value", plugin, arg->key);
      return false;
    }
  *flag = true;
  return true;
}

bool
parse_limit (const char *plugin, const struct plugin_argument *arg,
	     unsigned long *limit)
{
  char *end;
  if (!arg->value || !ISDIGIT (arg->value[0]))
    {
      error ("%<-fplugin-arg-%s-%s%> needs a number of bytes, as in "
	     "%<-fplugin-arg-%s-%s=256%>", plugin, arg->key, plugin, arg->key);
      return false;
    }
  errno = 0;
  unsigned long value = strtoul (arg->value, &end, 10);
  if (*end || errno || value > max_limit)
    {
      error ("invalid value %qs for %<-fplugin-arg-%s-%s%>; valid values "
	     "are 0 to %lu", arg->value, plugin, arg->key, max_limit);
      return false;
    }
  *limit = value;
  return true;
}

} // anon namespace

bool
escape_parse_options (const struct plugin_name_args *info,
		      struct escape_options *options)
{
  bool ok = true;
  memset (options, 0, sizeof *options);
  options->stackify_max = 256;
  options->stackify_frame_max = 1024;
  options->stackify_recursive_max = 16384;
  for (int i = 0; i < info->argc; i++)
    {
      const struct plugin_argument *arg = &info->argv[i];
      const char *plugin = info->base_name;
      if (!strcmp (arg->key, "report"))
	ok &= parse_report (plugin, arg->value, options);
      else if (!strcmp (arg->key, "stackify"))
	ok &= parse_flag (plugin, arg, &options->stackify);
      else if (!strcmp (arg->key, "stackify-recursive"))
	ok &= parse_flag (plugin, arg, &options->stackify_recursive);
      else if (!strcmp (arg->key, "stackify-max"))
	ok &= parse_limit (plugin, arg, &options->stackify_max);
      else if (!strcmp (arg->key, "stackify-frame-max"))
	ok &= parse_limit (plugin, arg, &options->stackify_frame_max);
      else if (!strcmp (arg->key, "stackify-recursive-max"))
	ok &= parse_limit (plugin, arg, &options->stackify_recursive_max);
      else if (!strcmp (arg->key, "allocator"))
	ok &= escape_name_allocators (plugin, arg->value);
      else if (!strcmp (arg->key, "sarif"))
	{
	  ok &= escape_sarif_pattern_ok (plugin, arg->value);
	  options->sarif = arg->value;
	}
      else
	{
	  error ("unknown argument %<-fplugin-arg-%s-%s%>; valid arguments "
		 "are %s", plugin, arg->key, valid_arguments);
	  ok = false;
	}
    }
  /* The log holds the notes printed: without the report, none.  */
  if (ok && options->sarif && options->report == ESCAPE_REPORT_NONE)
    {
      error ("%<-fplugin-arg-%s-sarif%> writes the notes of the report: "
	     "add %<-fplugin-arg-%s-report%>", info->base_name,
	     info->base_name);
      ok = false;
    }
  return ok;
}
