/* A call through a pointer whose targets the unit knows (a local assigned
   only functions defined here, a read-only static table of them) uses
   those functions' summaries; a pointer from anywhere else is a call of
   an unknown function.  */

int *gp;

static void
look (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  (void) *p;
}

static void
peek (int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  (void) *p;
}

static void
keep (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'gp'" } */
{
  gp = p;
}

static void (*const readers[]) (int *) = { look, peek, 0 };
static void (*const handlers[]) (int *) = { look, keep };

int
through_local (int c)
{
  int x = 0; /* { dg-message "address of 'x' does not escape" } */
  void (*f) (int *) = c ? look : peek;
  f (&x);
  return x;
}

int
through_table (int i)
{
  int x = 0; /* { dg-message "address of 'x' does not escape" } */
  readers[i & 1] (&x);
  return x;
}

int
through_mixed_table (int i)
{
  int x = 0; /* { dg-message "address of 'x' escapes: passed to 'keep' \\(argument 1\\), which keeps it" } */
  handlers[i & 1] (&x);
  return x;
}

int
through_parameter (void (*f) (int *)) /* { dg-message "parameter 'f' does not escape" } */
{
  int x = 0; /* { dg-message "address of 'x' escapes: passed to a function through a pointer" } */
  f (&x);
  return x;
}

void (*writable[]) (int *) = { look, peek };

int
through_writable_table (int i)
{
  int x = 0; /* { dg-message "address of 'x' escapes: passed to a function through a pointer" } */
  writable[i & 1] (&x);
  return x;
}
