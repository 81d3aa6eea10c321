/* Harness self-test: a misspelt directive.
   Expected: an ERROR and UNRESOLVED; the test is not compiled.  */

int x; /* { dg-mesage "address of 'x' does not escape" } */
