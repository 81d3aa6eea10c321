/* Functions in system headers get no notes: glibc's extern inline bsearch
   and atoi (at -O2), and the static inline functions of a header marked
   with "#pragma GCC system_header", which are emitted here because they
   are used.  Their parameters, locals and allocations get no notes; the
   user's code that calls them does, through their summaries.  */
/* { dg-options "-O2" } */

#include <stdlib.h>
#include "neg-system-header.h"

int *sys_global;

static int
cmp (const void *a, /* { dg-message "parameter 'a' does not escape" } */
     const void *b) /* { dg-message "parameter 'b' does not escape" } */
{
  return *(const int *) a - *(const int *) b;
}

int
user (const char *s) /* { dg-message "parameter 's' does not escape" } */
{
  int v[3] = { 1, 2, 3 }; /* { dg-message "address of 'v' does not escape" } */
  int key = atoi (s); /* { dg-message "address of 'key' does not escape" } */
  int kept = 0; /* { dg-message "address of 'kept' escapes: passed to 'sys_keep' (argument 1), which keeps it" } */
  int read = 0; /* { dg-message "address of 'read' does not escape" } */
  sys_keep (&kept);
  free (sys_alloc ()); /* the allocation is in the header: no note */
  return sys_read (&read) + (bsearch (&key, v, 3, sizeof v[0], cmp) != 0);
}
