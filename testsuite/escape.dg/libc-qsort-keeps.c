/* qsort and bsearch with a comparator that stores its argument in a
   global: the array (and the key) escape, through the comparator's
   summary; the reason names the comparator.  bsearch calls the comparator
   with the key first, so only the key escapes there.  */

#include <stdlib.h>

const void *last_seen;

static int
compare_and_keep (const void *a, /* { dg-message "parameter 'a' escapes: stored in global 'last_seen'" } */
		  const void *b) /* { dg-message "parameter 'b' does not escape" } */
{
  last_seen = a;
  return *(const int *) a - *(const int *) b;
}

int
sorted_min (void)
{
  int v[4] = { 4, 2, 3, 1 }; /* { dg-message "address of 'v' escapes: passed to 'compare_and_keep' (argument 1), which keeps it" } */
  qsort (v, 4, sizeof v[0], compare_and_keep);
  return v[0];
}

int
found (int k)
{
  int v[4] = { 1, 2, 3, 4 }; /* { dg-message "address of 'v' does not escape" } */
  int key = k; /* { dg-message "address of 'key' escapes: passed to 'compare_and_keep' (argument 1), which keeps it" } */
  return bsearch (&key, v, 4, sizeof v[0], compare_and_keep) != 0;
}

void
sorted_heap (void)
{
  int *v = malloc (4 * sizeof *v); /* { dg-message "allocation of 16 bytes escapes: passed to 'compare_and_keep' (argument 1), which keeps it" } */
  qsort (v, 4, sizeof *v, compare_and_keep);
  free (v);
}
