/* escape-options.cc -- the plugin's arguments.

     -fplugin-arg-escape-report		   same as report=all
     -fplugin-arg-escape-report=all	   a note for every address-taken
					   local, allocation and pointer
					   parameter
     -fplugin-arg-escape-report=escapes	   only the ones that escape

   Anything else is an error that lists the valid arguments.  */

#include "escape-gcc.h"

namespace {

const char valid_arguments[] = "'report', 'report=all', 'report=escapes'";

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
	     "valid values are 'all' and 'escapes'", value, plugin);
      return false;
    }
  return true;
}

} // anon namespace

bool
escape_parse_options (const struct plugin_name_args *info,
		      struct escape_options *options)
{
  bool ok = true;
  memset (options, 0, sizeof *options);
  for (int i = 0; i < info->argc; i++)
    {
      const struct plugin_argument *arg = &info->argv[i];
      if (!strcmp (arg->key, "report"))
	ok &= parse_report (info->base_name, arg->value, options);
      else
	{
	  error ("unknown argument %<-fplugin-arg-%s-%s%>; valid arguments "
		 "are %s", info->base_name, arg->key, valid_arguments);
	  ok = false;
	}
    }
  return ok;
}
