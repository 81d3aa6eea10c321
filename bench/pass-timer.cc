/* pass-timer.cc -- a GCC plugin that measures the CPU time of the escape
   plugin inside cc1, for "make bench-compile".

   The escape plugin's passes have no timevar of their own (TV_NONE), so
   -ftime-report cannot show them.  Load this plugin beside escape.so:

     gcc -fplugin=pass-timer.so -fplugin=escape.so ...

   - Passes: from the PLUGIN_PASS_EXECUTION event of a pass whose name
     starts with "escape_" to the next PLUGIN_OVERRIDE_GATE or
     PLUGIN_PASS_EXECUTION event, which comes at the start of the next
     pass: the pass's execute function and the TODOs it asked for (SSA
     update, CFG cleanup, alias rebuild after stackify).
   - The end of the unit, where escape.so prints the notes it held: from
     PLUGIN_FINISH_UNIT to PLUGIN_FINISH.  GCC calls the callbacks of an
     event in the reverse order of their registration, and initialises
     plugins in no fixed order, so the start callback is registered late
     (at PLUGIN_START_UNIT, after every plugin_init): it runs before
     escape.so's.  The interval also holds a little of GCC's own work
     (the assembler file's end, finalize), which a run with this plugin
     alone measures.
   - PLUGIN_PRE_GENERICIZE (escape.so looks for "return &local") is not
     measured.

   At PLUGIN_FINISH it prints on stderr one line:
     pass-timer: escape_extract S N; escape_report S N; ...; finish S 1
   with S the CPU seconds (CLOCK_THREAD_CPUTIME_ID) and N the number of
   executions.  */

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "tree-pass.h"
#include "diagnostic-core.h"

#include <time.h>

int plugin_is_GPL_compatible;

namespace {

struct slot
{
  const char *name;
  double seconds;
  unsigned long count;
};

slot slots[8];
int nslots;

slot *running_pass;
double pass_start;
double finish_unit_start = -1;
const char *plugin_name;

double
now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

slot *
slot_for (const char *name)
{
  for (int i = 0; i < nslots; i++)
    if (!strcmp (slots[i].name, name))
      return &slots[i];
  if (nslots == (int) ARRAY_SIZE (slots))
    return &slots[nslots - 1];
  slots[nslots].name = xstrdup (name);
  return &slots[nslots++];
}

void
stop_pass (void)
{
  if (!running_pass)
    return;
  running_pass->seconds += now () - pass_start;
  running_pass->count++;
  running_pass = NULL;
}

void
override_gate (void *, void *)
{
  stop_pass ();
}

void
pass_execution (void *gcc_data, void *)
{
  stop_pass ();
  opt_pass *pass = (opt_pass *) gcc_data;
  if (pass && pass->name && !strncmp (pass->name, "escape_", 7))
    {
      running_pass = slot_for (pass->name);
      pass_start = now ();
    }
}

void
finish_unit (void *, void *)
{
  stop_pass ();
  finish_unit_start = now ();
}

void
start_unit (void *, void *)
{
  register_callback (plugin_name, PLUGIN_FINISH_UNIT, finish_unit, NULL);
}

void
finish (void *, void *)
{
  stop_pass ();
  double t = finish_unit_start >= 0 ? now () - finish_unit_start : 0;
  fprintf (stderr, "pass-timer:");
  for (int i = 0; i < nslots; i++)
    fprintf (stderr, " %s %.6f %lu;", slots[i].name, slots[i].seconds,
	     slots[i].count);
  fprintf (stderr, " finish %.6f 1\n", t);
}

} // anon namespace

int
plugin_init (struct plugin_name_args *info,
	     struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("pass-timer was built for GCC %s; rebuild it with this "
	     "compiler", gcc_version.basever);
      return 1;
    }
  plugin_name = info->base_name;
  register_callback (plugin_name, PLUGIN_OVERRIDE_GATE, override_gate, NULL);
  register_callback (plugin_name, PLUGIN_PASS_EXECUTION, pass_execution,
		     NULL);
  register_callback (plugin_name, PLUGIN_START_UNIT, start_unit, NULL);
  register_callback (plugin_name, PLUGIN_FINISH, finish, NULL);
  return 0;
}
