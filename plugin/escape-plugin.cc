/* escape-plugin.cc -- Go-style escape analysis for C, as a GCC plugin.

   Usage:
     gcc -fplugin=escape.so -fplugin-arg-escape-report foo.c
     gcc -O2 -fplugin=escape.so -fplugin-arg-escape-stackify foo.c
     gcc -specs=escape.specs -fescape-report -fescape-stackify foo.c

   Arguments: see escape-options.cc.

   Passes:
     escape_extract	GIMPLE, right after "ssa": each function's constraint
			program (escape-extract.cc)
     escape_report	simple IPA, right after "build_ssa_passes" (when every
			function is in SSA form): solves the unit
			(escape-core.c) and turns its verdicts into notes
			(escape-report.cc)
     escape_stackify	GIMPLE, right before the first "threadfull" ("thread"
			in GCC 11: escape-gcc-compat.h), that is
			just after the first value numbering that follows
			"alias" (after inlining, -O1 and up): moves
			allocations to the stack.  (A pass with several
			instances can only be named by its first one.)
			(escape-stackify.cc)
   The notes are printed when the unit is finished (PLUGIN_FINISH_UNIT),
   then the errors and warnings of the attributes (escape-attributes.cc);
   the SARIF log (-fplugin-arg-escape-sarif) is written when the compiler
   finishes (PLUGIN_FINISH), after an error too.

   Only escape_stackify changes the IL: in report mode the object code is
   the same as without the plugin.  */

#include "escape-gcc.h"
#include "plugin-version.h"

/* The two symbols GCC looks up in a plugin: the only ones it exports.  */
ESCAPE_EXPORT int plugin_is_GPL_compatible;

/* The names of the symbols the plugin takes from GCC and the libraries,
   each a weak reference (made by the Makefile, which says why).  */
extern "C" const char *const escape_imports[];

namespace {

struct escape_options options;
struct esc_unit *unit;
bool solved;			/* the unit no longer takes functions */

/* The unit of the file, which keeps the paths of what escapes when the
   report is on.  */
struct esc_unit *
new_unit (void)
{
  struct esc_unit *u = esc_unit_new ();
  if (options.report != ESCAPE_REPORT_NONE)
    esc_unit_keep_paths (u);
  return u;
}

struct plugin_info escape_plugin_info = {
  ESCAPE_PLUGIN_VERSION,
  "Go-style escape analysis for C.\n"
  "  -fplugin-arg-escape-report[=all|escapes]  notes on what escapes\n"
  "  -fplugin-arg-escape-stackify              move small allocations that do\n"
  "                                            not escape to the stack\n"
  "  -fplugin-arg-escape-stackify-max=N        largest moved, bytes (256)\n"
  "  -fplugin-arg-escape-stackify-frame-max=N  most per function, bytes (1024)\n"
  "  -fplugin-arg-escape-stackify-recursive    also in recursive functions\n"
  "  -fplugin-arg-escape-allocator=A:D         A allocates, D frees\n"
  "  -fplugin-arg-escape-sarif=FILE            the notes as a SARIF log too\n"
  "Attributes (include/escape.h), checked with any arguments or none:\n"
  "  noescape, escape_assert_noescape, escape_assert_stack\n"
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
    /* Functions made after the unit is solved (ASan's constructors, say)
       are GCC's own: nothing to report.  */
    return !seen_error () && !solved
	   && (options.report != ESCAPE_REPORT_NONE || options.stackify
	       || escape_attributes_used ());
  }
  unsigned int execute (function *fun) final override
  {
    /* An "extern inline" body is never emitted: calls of it are calls of
       a definition elsewhere.  */
    if (DECL_EXTERNAL (fun->decl))
      return 0;
    if (!unit)
      unit = new_unit ();
    escape_extract_function (unit, fun,
			     options.report != ESCAPE_REPORT_NONE
			     && escape_reported_function_p (fun->decl));
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
  unsigned int execute (function *) final override
  {
    if (!unit)
      unit = new_unit ();
    solved = true;
    if (!seen_error ())
      {
	esc_unit_solve (unit);
	escape_report (unit, options.report, options.stackify);
	escape_check_marks (unit);
      }
    if (!options.stackify)
      {
	esc_unit_free (unit);
	unit = NULL;
      }
    return 0;
  }
};

const pass_data stackify_pass_data = {
  GIMPLE_PASS,
  "escape_stackify",
  OPTGROUP_NONE,
  TV_NONE,
  PROP_ssa | PROP_cfg,
  0, 0, 0, 0
};

class stackify_pass : public gimple_opt_pass
{
public:
  stackify_pass (gcc::context *ctxt)
    : gimple_opt_pass (stackify_pass_data, ctxt)
  {}
  bool gate (function *) final override
  {
    return optimize > 0 && !seen_error ();
  }
  unsigned int execute (function *fun) final override
  {
    /* In lto1 the unit was solved at compile time, in another process:
       every call is then a call of an unknown function.  */
    if (!unit)
      {
	unit = new_unit ();
	esc_unit_solve (unit);
	solved = true;
      }
    return escape_stackify (unit, fun, &options);
  }
};

void
finish_unit (void *, void *)
{
  if (!seen_error ())
    escape_emit_notes ();
  escape_emit_marks ();
  esc_unit_free (unit);
  unit = NULL;
}

void
finish (void *, void *)
{
  escape_sarif_finish ();
}

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
  if (options.stackify)
    {
      struct register_pass_info stackify = {
	new stackify_pass (g), ESCAPE_STACKIFY_BEFORE_PASS, 1,
	PASS_POS_INSERT_BEFORE
      };
      register_callback (plugin_name, PLUGIN_PASS_MANAGER_SETUP, NULL,
			 &stackify);
    }
  register_callback (plugin_name, PLUGIN_FINISH_UNIT, finish_unit, NULL);
  escape_register_report_roots (plugin_name);
}

/* The first of the symbols the plugin takes from outside that is missing
   here, or NULL.  */
const char *
missing_import ()
{
  for (const char *const *name = escape_imports; *name; name++)
    if (!dlsym (RTLD_DEFAULT, *name))
      return *name;
  return NULL;
}

} // anon namespace

ESCAPE_EXPORT int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("the escape plugin was built for GCC %s and cannot be loaded "
	     "by GCC %s; rebuild it with this compiler",
	     gcc_version.basever, version->basever);
      return 1;
    }
  if (const char *name = missing_import ())
    {
      error ("the escape plugin needs %qs, which this GCC %s lacks; "
	     "rebuild the plugin with this compiler", name, version->basever);
      return 1;
    }
  register_callback (info->base_name, PLUGIN_INFO, NULL, &escape_plugin_info);
  if (!escape_parse_options (info, &options))
    return 1;
  if (options.sarif)
    {
      if (!escape_sarif_open (info->base_name, options.sarif))
	return 1;
      register_callback (info->base_name, PLUGIN_FINISH, finish, NULL);
    }
  /* Without arguments the plugin only checks the attributes: its passes
     run on a unit that uses them (escape-attributes.cc).  */
  escape_register_attributes (info->base_name);
  if (c_front_end_p ())
    register_callback (info->base_name, PLUGIN_PRE_GENERICIZE, pre_genericize,
		       NULL);
  register_passes (info->base_name);
  return 0;
}
