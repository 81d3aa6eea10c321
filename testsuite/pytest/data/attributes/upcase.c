/* Built without the plugin: main.c sees only upcase's declaration.  */

#include <ctype.h>

#include "escape.h"

void upcase (char *s ESCAPE_NOESCAPE);

void
upcase (char *s)
{
  for (; *s; s++)
    *s = toupper ((unsigned char) *s);
}
