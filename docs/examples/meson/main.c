#include <stdio.h>
#include <stdlib.h>
#include "tokens.h"

int
main (void)
{
  const char *line = "alpha,beta,,gamma";
  char *first = first_token (line, ',');
  printf ("%d tokens, the first is %s\n", count_tokens (line, ','),
	  first ? first : "?");
  free (first);
  return 0;
}
