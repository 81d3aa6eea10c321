/* The address of a field (&s.f, &s.arr[i], &s.inner.f, &p->f) is the
   address of the whole struct (a struct is one cell).  */

struct inner { int x, y; };
struct outer { int n; int arr[4]; struct inner in; };

int *g;

void
field (void)
{
  struct outer s; /* { dg-message "address of 's' escapes: stored in global 'g'" } */
  g = &s.n;
}

void
field_array_element (int i)
{
  struct outer t; /* { dg-message "address of 't' escapes: stored in global 'g'" } */
  g = &t.arr[i & 3];
}

void
nested_field (void)
{
  struct outer u; /* { dg-message "address of 'u' escapes: stored in global 'g'" } */
  g = &u.in.y;
}

int *
field_of_param (struct outer *p) /* { dg-message "parameter 'p' leaks to return value" } */
{
  return &p->in.x;
}

int
field_local (void)
{
  struct outer v = { 0 }; /* { dg-message "address of 'v' does not escape" } */
  int *q = &v.in.x;
  return *q;
}
