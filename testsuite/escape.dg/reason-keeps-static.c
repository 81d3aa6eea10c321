/* Reason "passed to 'f' (argument N), which keeps it" for functions
   defined in the file: a static function that stores its parameter in a
   global, a function that passes it on to such a function (two levels),
   and the argument number of a later argument.  */

int *g;

static void
keep (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

static void
keep_second (int n,
	     int *unused, /* { dg-message "parameter 'unused' does not escape" } */
	     int *q) /* { dg-message "parameter 'q' escapes: stored in global 'g'" } */
{
  (void) unused;
  if (n)
    g = q;
}

static void
pass_on (int *r) /* { dg-message "parameter 'r' escapes: passed to 'keep' (argument 1), which keeps it" } */
{
  keep (r);
}

void
one_level (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'keep' (argument 1), which keeps it" } */
  keep (&a);
}

void
two_levels (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: passed to 'pass_on' (argument 1), which keeps it" } */
  pass_on (&b);
}

void
third_argument (void)
{
  int c = 0; /* { dg-message "address of 'c' escapes: passed to 'keep_second' (argument 3), which keeps it" } */
  int d = 0; /* { dg-message "address of 'd' does not escape" } */
  keep_second (1, &d, &c);
}
