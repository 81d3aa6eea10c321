/* escape-plugin.cc -- Go-style escape analysis for C, as a GCC plugin.

   Usage:
     gcc -fplugin=escape.so -fplugin-arg-escape-report foo.c
     gcc -specs=escape.specs -fescape-report foo.c

   Arguments (escape-options.cc):
     report[=all|escapes]	note what escapes and what does not

   Passes:
     escape_extract	GIMPLE, right after "ssa": each function's constraint
			program (escape-extract.cc)
     escape_report	simple IPA, right after "build_ssa_passes" (when every
			function is in SSA form): solves the unit
			(escape-core.c) and prints the notes (escape-report.cc)

   The passes only read the IL: in report mode the object code is the same
   as without the plugin.  */

#include "escape-gcc.h"
#include "plugin-version.h"

int plugin_is_GPL_compatible;

namespace {

struct escape_options options;
struct esc_unit *unit;

struct plugin_info escape_plugin_info = {
  "0.1",
  "Go-style escape analysis for C.\n"
  "  -fplugin-arg-escape-report[=all|escapes]  notes on what escapes\n"
};

/* The front ends whose "return &local" c_finish_return rewrites: C and
   Objective-C ("GNU C17", "GNU Objective-C"), not C++ ("GNU C++17").  */
bool
c_front_end_p ()
{
  const char *name = lang_hooks.name;
  return (!strncmp (name, "GNU C", 5) && name[5] != '+')
	 || !strcmp (name, "GNU Objective-C");
}

const pass_data extract_pass_data = {
  GIMPLE_PASS,
  "escape_extract",
  OPTGROUP_NONE,
  TV_NONE,
  PROP_ssa | PROP_cfg,
  0, 0, 0, 0
};

class extract_pass : public gimple_opt_pass
{
public:
  extract_pass (gcc::context *ctxt)
    : gimple_opt_pass (extract_pass_data, ctxt)
  {}
  bool gate (function *) final override
  {
    return options.report != ESCAPE_REPORT_NONE && !seen_error ();
  }
  unsigned int execute (function *fun) final override
  {
    if (!unit)
      unit = esc_unit_new ();
    escape_extract_function (unit, fun);
    return 0;
  }
};

const pass_data report_pass_data = {
  SIMPLE_IPA_PASS,
  "escape_report",
  OPTGROUP_NONE,
  TV_NONE,
  0, 0, 0, 0, 0
};

class report_pass : public simple_ipa_opt_pass
{
public:
  report_pass (gcc::context *ctxt)
    : simple_ipa_opt_pass (report_pass_data, ctxt)
  {}
  bool gate (function *) final override
  {
    return options.report != ESCAPE_REPORT_NONE;
  }
  unsigned int execute (function *) final override
  {
    if (unit && !seen_error ())
      {
	esc_unit_solve (unit);
	escape_report (unit, options.report);
      }
    esc_unit_free (unit);
    unit = NULL;
    return 0;
  }
};

void
pre_genericize (void *gcc_data, void *)
{
  escape_record_generic ((tree) gcc_data);
}

void
register_passes (const char *plugin_name)
{
  struct register_pass_info extract = {
    new extract_pass (g), "ssa", 1, PASS_POS_INSERT_AFTER
  };
  struct register_pass_info report = {
    new report_pass (g), "build_ssa_passes", 1, PASS_POS_INSERT_AFTER
  };
  register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &extract);
  register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &report);
}

} // anon namespace

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("the escape plugin was built for GCC %s and cannot be loaded "
	     "by GCC %s; rebuild it with this compiler",
	     gcc_version.basever, version->basever);
      return 1;
    }
  register_callback (info->base_name, PLUGIN_INFO, NULL, &escape_plugin_info);
  if (!escape_parse_options (info, &options))
    return 1;
  if (options.report == ESCAPE_REPORT_NONE)
    return 0;
  if (c_front_end_p ())
    register_callback (info->base_name, PLUGIN_PRE_GENERICIZE, pre_genericize,
		       NULL);
  register_passes (info->base_name);
  return 0;
}
