/* A local whose address is only compared or subtracted is still a local
   whose address is taken: it gets its "does not escape" note like any
   other (docs/notes.md).  */

extern char gb[8];

int
compared (const int *q) /* { dg-message "parameter 'q' does not escape" } */
{
  int w = 0; /* { dg-message "address of 'w' does not escape" } */
  return &w == q;
}

long
subtracted (void)
{
  char y = 0; /* { dg-message "address of 'y' does not escape" } */
  return &y - gb;
}

int
compared_through_copy (const int *q) /* { dg-message "parameter 'q' does not escape" } */
{
  int z = 0; /* { dg-message "address of 'z' does not escape" } */
  int *p = &z;
  return p == q;
}
