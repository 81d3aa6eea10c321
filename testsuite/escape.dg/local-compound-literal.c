/* Compound literals are named '<compound literal>' and reported at the
   literal, like any other address-taken local.  */

struct pair { int a, b; };
struct pair *gp;
int *gi;

void
literal_kept (void)
{
  gp = &(struct pair) { 1, 2 }; /* { dg-message "address of '<compound literal>' escapes: stored in global 'gp'" } */
}

int
literal_local (void)
{
  int *p = (int []) { 1, 2, 3 }; /* { dg-message "address of '<compound literal>' does not escape" } */
  return p[1];
}

int *
literal_returned (void)
{
  int *p = (int []) { 4, 5 }; /* { dg-message "address of '<compound literal>' escapes: returned to caller" } */
  return p;
}

int
literal_by_value (void)
{
  struct pair v = (struct pair) { 3, 4 };
  return v.a;
}

/* At file scope a compound literal has static storage: not a local, no
   note.  */
int *file_scope_literal = (int []) { 6, 7 };
