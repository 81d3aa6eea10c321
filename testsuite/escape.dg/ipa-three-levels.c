/* Summaries across three levels of calls: a store into a global at the
   bottom makes the top caller's object escape, naming the function it
   calls directly; a chain that only reads keeps it local.  */

int *g;

static void
level3_keep (int *p) /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
{
  g = p;
}

static void
level2_keep (int *p) /* { dg-message "parameter 'p' escapes: passed to 'level3_keep' (argument 1), which keeps it" } */
{
  level3_keep (p);
}

static void
level1_keep (int *p) /* { dg-message "parameter 'p' escapes: passed to 'level2_keep' (argument 1), which keeps it" } */
{
  level2_keep (p);
}

static int
level3_read (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return *p;
}

static int
level2_read (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return level3_read (p);
}

static int
level1_read (const int *p) /* { dg-message "parameter 'p' does not escape" } */
{
  return level2_read (p);
}

int
top (void)
{
  int kept = 0; /* { dg-message "address of 'kept' escapes: passed to 'level1_keep' (argument 1), which keeps it" } */
  int read = 0; /* { dg-message "address of 'read' does not escape" } */
  level1_keep (&kept);
  return level1_read (&read);
}

/* Three levels that return their argument: the top caller's object escapes
   only because the top function returns it.  */
static int *
ret3 (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return p;
}

static int *
ret2 (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return ret3 (p);
}

static int *
ret1 (int *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return ret2 (p);
}

int
top_local (void)
{
  int v = 0; /* { dg-message "address of 'v' does not escape" } */
  return *ret1 (&v);
}

int *
top_returns (void)
{
  int w = 0; /* { dg-message "address of 'w' escapes: returned to caller" } */
  return ret1 (&w);
}
