/* A real system header with static inline functions: DejaGnu's own
   <dejagnu.h> (installed with runtest).  pass () has a pointer parameter
   and an address-taken va_list, but it is in a system header: no notes.
   The caller's local goes through pass's variadic arguments, which are not
   followed, so it escapes.  */

#include <dejagnu.h>

int
main (void)
{
  int x = 1; /* { dg-message "address of 'x' escapes: passed to 'pass' (argument 2), which may keep it" } */
  pass ("x is at %p", (void *) &x);
  totals ();
  return 0;
}
