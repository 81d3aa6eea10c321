/* Struct assignment copies the pointers a struct holds: assigning a local
   struct that holds a pointer to a global struct (or through a global
   pointer, or returning it by value) makes the target escape.  */

struct holder { int n; int *p; };
struct holder gh;
struct holder ghs[2];

void
assign_to_global (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gh'" } */
  struct holder h;
  h.n = 1;
  h.p = &x;
  gh = h;
}

void
assign_to_global_array (int i)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'ghs'" } */
  struct holder h = { 2, &y };
  ghs[i & 1] = h;
}

void
assign_via_compound_literal (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in global 'gh'" } */
  gh = (struct holder) { 3, &z };
}

int
assign_to_local (void)
{
  int w = 0; /* { dg-message "address of 'w' does not escape" } */
  struct holder a = { 4, &w };
  struct holder b;
  b = a;
  return *b.p;
}

void
assign_through_param (struct holder *out) /* { dg-message "parameter 'out' does not escape" } */
{
  int v = 0; /* { dg-message "address of 'v' escapes: stored through parameter 'out'" } */
  struct holder h = { 5, &v };
  *out = h;
}
