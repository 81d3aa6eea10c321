/* The known notes of the Meson example (see docs/build-tools.md).  */
#include <stdlib.h>
#include <string.h>
#include "config.h"
#include "tokens.h"

int
count_tokens (const char *text, char separator)
{
  int count = 0, in_token = 0;
  for (const char *c = text; *c; c++)
    {
      if (*c != separator && !in_token)
	count++;
      in_token = *c != separator;
    }
  return count;
}

char *
first_token (const char *text, char separator)
{
  size_t length = strcspn (text, (char[]) { separator, 0 });
#ifdef HAVE_STRNDUP
  return strndup (text, length);
#else
  char *token = malloc (length + 1);
  if (token)
    {
      memcpy (token, text, length);
      token[length] = 0;
    }
  return token;
#endif
}
