/* __attribute__((noescape)) at calls of functions without a body: the
   argument does not escape through that argument, what the callee may
   read through it does (it is passed on, "which may keep it"), and an
   argument without the attribute escapes as before.  */

struct holder
{
  int *inner;
};

extern void fill (int *p __attribute__((noescape)), int n);
extern void look (struct holder *h __attribute__((noescape)));
extern void both (int *kept, int *p __attribute__((noescape)));
/* Written on the pointer type, the same.  */
extern void typed (int *__attribute__((noescape)) p);

int
trusted (void)
{
  int buf[4]; /* { dg-message "address of 'buf' does not escape" } */
  fill (buf, 4);
  return buf[0];
}

int
contents (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: passed to 'look' \\(argument 1\\), which may keep it" } */
  struct holder h = { &x }; /* { dg-message "address of 'h' does not escape" } */
  look (&h);
  return x;
}

int
other_argument (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: passed to 'both' \\(argument 1\\), which may keep it" } */
  int b = 0; /* { dg-message "address of 'b' does not escape" } */
  both (&a, &b);
  return a + b;
}

int
on_the_type (void)
{
  int t = 0; /* { dg-message "address of 't' does not escape" } */
  typed (&t);
  return t;
}

/* Through a pointer whose type says noescape.  */
int
indirect (void (*fn) (int *__attribute__((noescape)))) /* { dg-message "parameter 'fn' does not escape" } */
{
  int i = 0; /* { dg-message "address of 'i' does not escape" } */
  fn (&i);
  return i;
}

/* What the callee stores through the argument is unknown memory: a
   pointer to a local stored there afterwards escapes.  */
int
written_by_callee (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in memory that escapes" } */
  struct holder h; /* { dg-message "address of 'h' does not escape" } */
  look (&h);
  *h.inner = 0;
  h.inner[1] = 0;
  int **slot = (int **) h.inner;
  *slot = &y;
  return y;
}
