/* Harness self-test: dg-escape-args replaces the plugin arguments; with
   report=escapes the fake plugin prints no "does not escape" note.
   Expected: PASS for excess errors only.  */
/* { dg-escape-args "report=escapes" } */

int use (int *);

int
f (void)
{
  int a = 1;
  return use (&a);
}
