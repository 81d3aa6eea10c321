/* A parameter whose pointer stays but whose contents escape (Go's
   "leaking param content"): what it points to holds a pointer that goes
   to a global, directly or through a callee.  */
/* { dg-escape-args "report" } */

struct holder
{
  int *p;
  int n;
};

int *keep;

static void
publish (struct holder *h) /* { dg-message "parameter 'h' does not escape; its contents escape: stored in global 'keep'" } */
{
  keep = h->p;
}

void
use (struct holder *h) /* { dg-message "parameter 'h' does not escape; its contents escape: passed to 'publish' \\(argument 1\\), which keeps it" } */
{
  publish (h);
}

int
reads (struct holder *h) /* { dg-message "parameter 'h' does not escape" } */
{
  return h->n + *h->p;
}

struct holder *
pass_on (struct holder *h) /* { dg-message "parameter 'h' leaks to return value; its contents escape: stored in global 'keep'" } */
{
  keep = h->p;
  return h;
}

/* Two levels down.  */
struct outer
{
  struct holder *inner;
};

void
deep (struct outer *o) /* { dg-message "parameter 'o' does not escape; its contents escape: stored in global 'keep'" } */
{
  keep = o->inner->p;
}
