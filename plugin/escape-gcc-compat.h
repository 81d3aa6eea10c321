/* escape-gcc-compat.h -- every difference between the GCC versions the
   plugin builds for (GCC 11 and GCC 12), in the style of the Linux
   kernel's scripts/gcc-plugins/gcc-common.h: the rest of the plugin is
   written against GCC 12's API, and this header supplies it, or the
   nearest sound equivalent, on GCC 11.  Included by escape-gcc.h after
   GCC's headers.

   The version is bversion.h's BUILDING_GCC_MAJOR: the headers' own
   version, as plugin-version.h's GCCPLUGIN_VERSION_MAJOR, but that header
   also defines a static object and may be included by one file only
   (escape-plugin.cc, for its version check).  */

#ifndef ESCAPE_GCC_COMPAT_H
#define ESCAPE_GCC_COMPAT_H

#include "bversion.h"
#include "gimple-range.h"

#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "the escape plugin builds for GCC 11 and GCC 12 only"
#endif

/* The pass the stackify pass runs right before (its first instance): the
   jump threading that follows the first value numbering after "alias"
   (pass-instances.def: pass_fre 3, pass_merge_phi 2, then this).  GCC 11
   calls it "thread"; GCC 12 split the threader and calls the one there
   "threadfull" (its "thread" runs later).  */
#if BUILDING_GCC_MAJOR >= 12
#define ESCAPE_STACKIFY_BEFORE_PASS "threadfull"
#else
#define ESCAPE_STACKIFY_BEFORE_PASS "thread"
#endif

/* .DEFERRED_INIT, the initialization -ftrivial-auto-var-init (GCC 12)
   gives a local: GCC 11 has neither, and no call is ever IFN_LAST, so a
   case label for it never matches.  */
#if BUILDING_GCC_MAJOR < 12
#define IFN_DEFERRED_INIT IFN_LAST
#endif

/* GCC's value ranges of FUN's SSA names, for the run-time sizes of
   allocations (escape-slots.cc); released by escape_disable_ranger.
   GCC 12 attaches the ranger to FUN (enable_ranger); GCC 11 has the same
   on-demand ranger (gimple_ranger) but no per-function slot for it, so
   the caller holds it.  */
inline gimple_ranger *
escape_enable_ranger (function *fun)
{
#if BUILDING_GCC_MAJOR >= 12
  return enable_ranger (fun);
#else
  /* Dominators first, as GCC 11's own passes have them when they make a
     ranger; escape-guard.cc frees them when it changes the CFG.  */
  calculate_dominance_info (CDI_DOMINATORS);
  (void) fun;
  return new gimple_ranger;
#endif
}

inline void
escape_disable_ranger (function *fun, gimple_ranger *ranger)
{
#if BUILDING_GCC_MAJOR >= 12
  gcc_checking_assert (fun->x_range_query == ranger);
  disable_ranger (fun);
#else
  (void) fun;
  delete ranger;
#endif
}

/* A note at LOC under GCC's inlining context ("In function 'f', inlined
   from 'g' at ..."), which LOC's block tells: GCC 12 reads it from the
   location of any diagnostic; GCC 11 only from a %K operand, an
   expression (here an empty statement) that carries the location.  */
inline void
escape_inform_in_context (location_t loc, const char *text)
{
#if BUILDING_GCC_MAJOR >= 12
  inform (loc, "%s", text);
#else
  inform (loc, "%K%s", build_empty_stmt (loc), text);
#endif
}

#endif /* ESCAPE_GCC_COMPAT_H */
