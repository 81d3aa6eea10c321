/* Harness self-test: a LINE argument naming no dg-line.
   Expected: UNRESOLVED; the test is not compiled.  */

int x; /* { dg-message "x" "" { target *-*-* } nowhere } */
