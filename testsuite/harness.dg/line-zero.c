/* Harness self-test: LINE 0 claims diagnostics that have no line in the
   test file, such as cc1's warnings about options.  The text of a directive
   that equals the message literally matches too, "+" and all.
   Expected: all PASS.  */
/* { dg-options "-Wctor-dtor-privacy" } */
/* { dg-warning "command-line option '-Wctor-dtor-privacy' is valid for C++/ObjC++ but not for C" "" { target *-*-* } 0 } */

int x;
