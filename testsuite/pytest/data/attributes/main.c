/* Every mark of include/escape.h, in code where each holds
   (test_attributes.py builds and runs it with and without the plugin);
   -DBROKEN adds a store that breaks one.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape.h"

/* In upcase.c: a function without a body here, trusted.  */
void upcase (char *s ESCAPE_NOESCAPE);

#ifdef BROKEN
const char *last_copy;
#endif

/* Defined here: checked.  */
static size_t
count_words (const char *text ESCAPE_NOESCAPE)
{
  size_t words = 0;
  for (const char *c = text; *c; c++)
    if (*c != ' ' && (c == text || c[-1] == ' '))
      words++;
  return words;
}

static size_t
length (const char *s ESCAPE_ASSERT_NOESCAPE)
{
  return strlen (s);
}

int
main (int argc, char **argv)
{
  char line[64] ESCAPE_ASSERT_NOESCAPE;
  snprintf (line, sizeof line, "%s", argc > 1 ? argv[1] : "hello escape world");
  upcase (line);
  size_t n = length (line);
  char *copy ESCAPE_ASSERT_STACK = malloc (32);
  if (!copy)
    return 1;
  memcpy (copy, line, n < 31 ? n + 1 : 32);
  copy[31] = 0;
#ifdef BROKEN
  last_copy = copy;
#endif
  printf ("%s %zu\n", copy, count_words (copy));
  free (copy);
  return 0;
}
