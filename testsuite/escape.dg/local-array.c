/* Array locals: an array decays to a pointer to its first element, so
   using it as a pointer takes its address; indexing it directly does
   not.  */

#include <string.h>

char *gs;
extern void fill (char *, int);

int
arrays (int i)
{
  char kept[16]; /* { dg-message "address of 'kept' escapes: stored in global 'gs'" } */
  char passed[8]; /* { dg-message "address of 'passed' escapes: passed to 'fill' (argument 1), which may keep it" } */
  int local_only[4] = { 0 }; /* { dg-message "address of 'local_only' does not escape" } */
  int indexed[4] = { 1, 2, 3, 4 };
  int *p = local_only;
  gs = kept;
  fill (passed, 8);
  return p[i & 3] + indexed[i & 3];
}

size_t
decay_to_libc (void)
{
  char name[8] = "abc"; /* { dg-message "address of 'name' does not escape" } */
  return strlen (name);
}
