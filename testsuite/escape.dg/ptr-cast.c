/* Casts between pointer types keep the pointee: through void *, char *,
   const char *, a struct pointer and chains of casts.  */

struct s { int a; };
void *gv;
struct s *gs;
const char *gcc;

void
through_void (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gs'" } */
  void *v = &x;
  gs = (struct s *) v;
}

void
through_char (void)
{
  double d = 0; /* { dg-message "address of 'd' escapes: stored in global 'gcc'" } */
  gcc = (const char *) &d;
}

void
back_and_forth (void)
{
  struct s t; /* { dg-message "address of 't' escapes: stored in global 'gv'" } */
  char *c = (char *) &t;
  int *i = (int *) c;
  gv = (void *) (struct s *) (void *) i;
}

int
cast_local (void)
{
  long l = 1; /* { dg-message "address of 'l' does not escape" } */
  unsigned char *b = (unsigned char *) &l;
  return b[0];
}
