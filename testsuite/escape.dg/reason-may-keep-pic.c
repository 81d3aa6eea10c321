/* With -fPIC a function with external linkage may be interposed at link
   time (AVAIL_INTERPOSABLE): its body here is not trusted and the call is
   "which may keep it".  Static and hidden-visibility functions cannot be
   interposed and are still trusted.  */
/* { dg-options "-fPIC" } */

void
exported (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  *p = 0;
}

static void
local_fn (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  *p = 1;
}

__attribute__ ((visibility ("hidden"))) void
hidden_fn (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  *p = 2;
}

void
caller (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'exported' (argument 1), which may keep it" } */
  int b = 0; /* { dg-message "address of 'b' does not escape" } */
  int c = 0; /* { dg-message "address of 'c' does not escape" } */
  exported (&a);
  local_fn (&b);
  hidden_fn (&c);
}
