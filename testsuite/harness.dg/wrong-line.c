/* Harness self-test: a directive claims only a note on exactly its line,
   not one on the line before, nor one whose COLUMN equals the line number
   (a plain search for ":7:" would take "wrong-line.c:12:7:").
   Expected: FAIL "missing note" twice, FAIL "excess note" once.  */

int use (int *);
/* Line 7.  */

int
g (void)
{
  int a = 1;
  /* { dg-message "address of 'a' does not escape" "a line late" } */
  /* { dg-message "address of 'a' does not escape" "column as line" { target *-*-* } 7 } */
  return use (&a);
}
