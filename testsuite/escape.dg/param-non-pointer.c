/* Only pointer parameters get a parameter note: integers, floats, structs
   passed by value (even holding a pointer) and enums get none, whatever
   happens to them.  */

int gi;
double gd;
struct holder { int *p; } gs;
enum color { RED, GREEN } gc;
extern void sink (long);

void
scalars (int i, long l, double d, enum color c)
{
  gi = i;
  sink (l);
  gd = d;
  gc = c;
}

void
struct_by_value (struct holder h)
{
  gs = h;
}

int *
pointer_among_scalars (int n,
		       int *p, /* { dg-message "parameter 'p' leaks to return value" } */
		       char c)
{
  return n + c ? p : 0;
}
