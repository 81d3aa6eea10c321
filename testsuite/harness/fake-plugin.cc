/* Fake "escape" plugin used only to develop the DejaGnu harness.
   For every local variable whose address is taken it emits
     note: address of 'NAME' does not escape
   (unless -fplugin-arg-escape-report=escapes).  Special names:
     ice_me   -> internal_error (an ICE)
     exit_me  -> exit (3) silently
     chatty   -> prints a stray line on stderr
     hang_me  -> loops forever  */
#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "diagnostic-core.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>

int plugin_is_GPL_compatible;

static bool report = false;
static bool report_escapes_only = false;

static void
visit_block (tree block)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
	{
	  if (TREE_CODE (v) != VAR_DECL || !DECL_NAME (v))
	    continue;
	  const char *name = IDENTIFIER_POINTER (DECL_NAME (v));
	  if (strcmp (name, "ice_me") == 0)
	    internal_error ("fake escape plugin crashed on %qs", name);
	  if (strcmp (name, "exit_me") == 0)
	    exit (3);
	  if (strcmp (name, "hang_me") == 0)
	    for (;;)
	      ;
	  if (strcmp (name, "chatty") == 0)
	    fprintf (stderr, "fake escape plugin: debug output\n");
	  if (TREE_ADDRESSABLE (v) && !TREE_STATIC (v) && report
	      && !report_escapes_only)
	    inform (DECL_SOURCE_LOCATION (v), "address of %qs does not escape",
		    name);
	}
      visit_block (BLOCK_SUBBLOCKS (block));
    }
}

static void
pre_genericize (void *gcc_data, void *)
{
  tree fndecl = (tree) gcc_data;
  if (TREE_CODE (fndecl) == FUNCTION_DECL && DECL_INITIAL (fndecl))
    visit_block (DECL_INITIAL (fndecl));
}

int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *ver)
{
  if (!plugin_default_version_check (ver, &gcc_version))
    return 1;
  for (int i = 0; i < info->argc; i++)
    {
      const char *k = info->argv[i].key, *v = info->argv[i].value;
      if (strcmp (k, "report") == 0)
	{
	  report = true;
	  report_escapes_only = v && strcmp (v, "escapes") == 0;
	}
      else
	error ("fake escape plugin: unknown argument %qs", k);
    }
  register_callback (info->base_name, PLUGIN_PRE_GENERICIZE, pre_genericize,
		     NULL);
  return 0;
}
