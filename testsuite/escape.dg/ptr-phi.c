/* Conditional pointers (PHIs, ?:, pointers assigned in loops): if the
   merged pointer escapes, every object it may point to escapes; if it does
   not, none does.  */

int *g;

void
conditional (int c)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'g'" } */
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'g'" } */
  int *p;
  if (c)
    p = &x;
  else
    p = &y;
  g = p;
}

void
ternary (int c)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'g'" } */
  int *heap = __builtin_malloc (4); /* { dg-message "allocation of 4 bytes escapes: stored in global 'g'" } */
  g = c ? &x : heap;
}

int
conditional_local (int c)
{
  int x = 1; /* { dg-message "address of 'x' does not escape" } */
  int y = 2; /* { dg-message "address of 'y' does not escape" } */
  int *p = c ? &x : &y;
  return *p;
}

int *
loop_carried (int n)
{
  int a = 0; /* { dg-message "address of 'a' escapes: returned to caller" } */
  int b = 0; /* { dg-message "address of 'b' escapes: returned to caller" } */
  int *p = &a, *q = &b;
  for (int i = 0; i < n; i++)
    {
      int *t = p;
      p = q;
      q = t;
    }
  return p;
}
