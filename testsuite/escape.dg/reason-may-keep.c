/* Reason "passed to 'f' (argument N), which may keep it": a function with
   no body in this file, and a weak function, whose body may be replaced at
   link time and so is not trusted even though it keeps nothing.  */

extern void sink (int *);
extern void sink3 (int, int, int *);

__attribute__ ((weak)) void
weak_fn (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  *p = 0;
}

void
to_extern (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'sink' (argument 1), which may keep it" } */
  sink (&a);
}

void
to_extern_third (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: passed to 'sink3' (argument 3), which may keep it" } */
  sink3 (1, 2, &b);
}

void
to_weak (void)
{
  int c = 0; /* { dg-message "address of 'c' escapes: passed to 'weak_fn' (argument 1), which may keep it" } */
  weak_fn (&c);
}
