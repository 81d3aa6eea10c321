/* A callee that stores its second argument into what its first points to:
   with a local holder the object stays local, with a global holder it
   escapes, with a parameter holder it is stored through that
   parameter.  */

int *g;

static void
set (int **holder, /* { dg-message "parameter 'holder' does not escape" } */
     int *value) /* { dg-message "parameter 'value' escapes: stored through parameter 'holder'" } */
{
  *holder = value;
}

int
local_holder (void)
{
  int x = 1; /* { dg-message "address of 'x' does not escape" } */
  int *h; /* { dg-message "address of 'h' does not escape" } */
  set (&h, &x);
  return *h;
}

void
global_holder (void)
{
  int y = 2; /* { dg-message "address of 'y' escapes: stored in global 'g'" } */
  set (&g, &y);
}

void
param_holder (int **out) /* { dg-message "parameter 'out' does not escape" } */
{
  int z = 3; /* { dg-message "address of 'z' escapes: stored through parameter 'out'" } */
  set (out, &z);
}

int *
local_holder_returned (void)
{
  int w = 4; /* { dg-message "address of 'w' escapes: returned to caller" } */
  int *h; /* { dg-message "address of 'h' does not escape" } */
  set (&h, &w);
  return h;
}

void
heap_holder (void)
{
  int v = 5; /* { dg-message "address of 'v' does not escape" } */
  int **h = __builtin_malloc (sizeof *h); /* { dg-message "allocation of 8 bytes does not escape" } */
  set (h, &v);
  __builtin_free (h);
}

/* Summaries are applied per call: the global holder of one call does not
   leak into the local holder of the other.  */
int
both_holders (void)
{
  int kept = 6; /* { dg-message "address of 'kept' escapes: stored in global 'g'" } */
  int local = 7; /* { dg-message "address of 'local' does not escape" } */
  int *h; /* { dg-message "address of 'h' does not escape" } */
  set (&g, &kept);
  set (&h, &local);
  return *h;
}
