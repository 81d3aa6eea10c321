/* Harness self-test: only dg-do compile is supported.
   Expected: an ERROR and UNRESOLVED.  */
/* { dg-do run } */

int main (void) { return 0; }
