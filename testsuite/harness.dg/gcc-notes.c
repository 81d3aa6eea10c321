/* Harness self-test: GCC's own warnings and the notes attached to them are
   diagnostics like the plugin's, and dg-message matches the notes.
   Expected: all PASS.  */
/* { dg-options "-Wshadow" } */

int use (int *);

int
f (int n)
{
  int v = n; /* { dg-message "shadowed declaration is here" } */
  {
    int v = 2; /* { dg-warning "declaration of 'v' shadows a previous local" } */
    /* { dg-message "address of 'v' does not escape" "" { target *-*-* } .-1 } */
    return use (&v);
  }
}
