/* Mutual recursion where only one of the two functions stores its
   parameter in a global: the component is solved as one, so both
   parameters escape (sound), and so do the callers' objects whichever
   function they call.  */

int *g;

static void pong (int *q, int n);

static void
ping (int *p, /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
      int n)
{
  if (n > 0)
    pong (p, n - 1);
}

static void
pong (int *q, /* { dg-message "parameter 'q' escapes: stored in global 'g'" } */
      int n)
{
  if (n == 1)
    g = q;
  else
    ping (q, n - 1);
}

void
call_ping (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'ping' (argument 1), which keeps it" } */
  ping (&a, 3);
}

void
call_pong (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: passed to 'pong' (argument 1), which keeps it" } */
  pong (&b, 3);
}

/* A mutually recursive pair that keeps nothing.  */
static int odd (const int *p, int n);

static int
even (const int *p, /* { dg-message "parameter 'p' does not escape" } */
      int n)
{
  return n == 0 ? *p : odd (p, n - 1);
}

static int
odd (const int *p, /* { dg-message "parameter 'p' does not escape" } */
     int n)
{
  return n == 0 ? !*p : even (p, n - 1);
}

int
call_even (void)
{
  int c = 1; /* { dg-message "address of 'c' does not escape" } */
  return even (&c, 5);
}
