/* Struct locals: the address of the whole struct or of one of its fields
   is the struct's address; a struct copied by value is not
   address-taken.  */

struct point { int x, y; };
struct point *gp;
int *gi;

int
structs (void)
{
  struct point whole = { 1, 2 }; /* { dg-message "address of 'whole' escapes: stored in global 'gp'" } */
  struct point field = { 3, 4 }; /* { dg-message "address of 'field' escapes: stored in global 'gi'" } */
  struct point kept_home = { 5, 6 }; /* { dg-message "address of 'kept_home' does not escape" } */
  struct point by_value = { 7, 8 };
  struct point *p = &kept_home;
  gp = &whole;
  gi = &field.y;
  return p->x + by_value.y;
}
