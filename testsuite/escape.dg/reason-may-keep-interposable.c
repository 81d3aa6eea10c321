/* With -fPIC, an exported function of the file may be replaced at load
   time: its body is not used ("may keep it"); -fno-semantic-interposition
   lets the analysis use it (reason-may-keep-pic.c: the same call without
   it, and static and hidden functions).  */
/* { dg-escape-args "report" } */
/* { dg-options "-O2 -fPIC -fno-semantic-interposition" } */

#include <stdlib.h>

int
peek (char *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return p[0];
}

int
use (void)
{
  char *p = malloc (8); /* { dg-message "allocation of 8 bytes does not escape" } */
  p[0] = 1;
  int r = peek (p);
  free (p);
  return r;
}
