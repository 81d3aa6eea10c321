/* Functions defined after their callers (only declared before them) still
   have their summaries applied at the calls: the whole unit is solved at
   once, callees first.  */

int *g;

static void keep_later (int *p);
static int read_later (const int *p);
int *return_later (int *p);

void
caller (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'keep_later' (argument 1), which keeps it" } */
  int b = 0; /* { dg-message "address of 'b' does not escape" } */
  int c = 0; /* { dg-message "address of 'c' does not escape" } */
  keep_later (&a);
  b = read_later (&b);
  *return_later (&c) = 1;
}

static void
keep_later (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

static int
read_later (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

int *
return_later (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return p;
}
