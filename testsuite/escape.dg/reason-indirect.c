/* Reason "passed to a function through a pointer": an indirect call
   through a parameter, through a global function pointer, and through a
   function pointer loaded from a struct, even when the only possible target
   keeps nothing.  A local assigned only functions defined here is not such
   a call: its targets' summaries apply (call-known-targets.c).  */

void (*hook) (int *);

struct ops { void (*run) (int *); };

static void
nothing (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  (void) p;
}

void
call_param (void (*fp) (int *)) /* { dg-message "parameter 'fp' does not escape" } */
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to a function through a pointer" } */
  fp (&a);
}

void
call_global (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: passed to a function through a pointer" } */
  hook (&b);
}

void
call_local_pointer (void)
{
  void (*fp) (int *) = nothing;
  int c = 0; /* { dg-message "address of 'c' does not escape" } */
  fp (&c);
}

void
call_struct (const struct ops *o) /* { dg-message "parameter 'o' does not escape" } */
{
  int d = 0; /* { dg-message "address of 'd' escapes: passed to a function through a pointer" } */
  o->run (&d);
}
