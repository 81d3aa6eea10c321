/* Marks in a system header's functions give no error or warning, even
   where they do not hold; the same in the file itself do.  */
/* { dg-escape-args "" } */

#include "attr-system-header.h"

int *attr_sys_global;

int *
user (int *p __attribute__((noescape))) /* { dg-warning "parameter 'p' leaks to return value \\(declared noescape\\)" } */
{
  attr_sys_keep ();
  return attr_sys_return (p);
}
