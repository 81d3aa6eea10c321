/* stdlib.h: qsort and bsearch apply the comparator's summary to the array
   (and the key); a comparator that keeps nothing keeps the array local.
   strtol stores a pointer into its string through endptr; atoi, getenv
   and abs keep nothing.  */

#include <stdlib.h>

static int
compare_ints (const void *a, /* { dg-message "parameter 'a' does not escape" } */
	      const void *b) /* { dg-message "parameter 'b' does not escape" } */
{
  return *(const int *) a - *(const int *) b;
}

int
sorted_min (void)
{
  int v[4] = { 4, 2, 3, 1 }; /* { dg-message "address of 'v' does not escape" } */
  qsort (v, 4, sizeof v[0], compare_ints);
  return v[0];
}

int
found (int k)
{
  int v[4] = { 1, 2, 3, 4 }; /* { dg-message "address of 'v' does not escape" } */
  int key = k; /* { dg-message "address of 'key' does not escape" } */
  return bsearch (&key, v, 4, sizeof v[0], compare_ints) != 0;
}

/* bsearch returns an element of the array, never the key; the libc table
   lets the result point to both (sound, imprecise).  */
int *
found_returned (int k)
{
  static int table[4] = { 1, 2, 3, 4 };
  int key = k; /* { dg-message "address of 'key' escapes: returned to caller" } */
  return bsearch (&key, table, 4, sizeof table[0], compare_ints);
}

long
parse (const char *s, /* { dg-message "parameter 's' escapes: stored through parameter 'end'" } */
       char **end) /* { dg-message "parameter 'end' does not escape" } */
{
  return strtol (s, end, 10);
}

long
parse_local (void)
{
  char text[8] = "12 34"; /* { dg-message "address of 'text' does not escape" } */
  char *end; /* { dg-message "address of 'end' does not escape" } */
  long a = strtol (text, &end, 10);
  return a + strtol (end, 0, 10) + atoi (text);
}

char *gend;

long
parse_global_end (void)
{
  char text[8] = "12"; /* { dg-message "address of 'text' escapes: stored in global 'gend'" } */
  return strtol (text, &gend, 10);
}
