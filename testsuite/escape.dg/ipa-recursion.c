/* Recursion: a function that calls itself and, on some path, stores its
   parameter in a global; the callers' objects escape.  A recursive
   function that only reads keeps them local.  */

int *g;

static int
walk (int *p, /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
      int n)
{
  if (n == 0)
    {
      g = p;
      return 0;
    }
  return walk (p + 1, n - 1);
}

static int
sum (const int *p, /* { dg-message "parameter 'p' does not escape" } */
     int n)
{
  return n ? *p + sum (p + 1, n - 1) : 0;
}

int
caller (void)
{
  int a[4] = { 0 }; /* { dg-message "address of 'a' escapes: passed to 'walk' (argument 1), which keeps it" } */
  int b[4] = { 0 }; /* { dg-message "address of 'b' does not escape" } */
  return walk (a, 4) + sum (b, 4);
}

/* A local passed to the recursive call itself: inside the component the
   reason is the store that makes it escape.  */
void
nest (int *p, /* { dg-message "parameter 'p' escapes: stored in global 'g'" } */
      int n)
{
  int x = n; /* { dg-message "address of 'x' escapes: stored in global 'g'" } */
  if (n)
    nest (&x, n - 1);
  else
    g = p;
}

int
nest_read (const int *p, /* { dg-message "parameter 'p' does not escape" } */
	   int n)
{
  int y = n; /* { dg-message "address of 'y' does not escape" } */
  return n ? nest_read (&y, n - 1) : *p;
}
