/* Library functions that move bytes from one buffer to another carry a
   pointer's bytes too: the address of each object below reaches a global
   through one of them.  */
/* { dg-options "-D_GNU_SOURCE" } */

#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

long gl;
wchar_t gw[4];
char gc[16];

void
swab_to_global (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: stored in global 'gl'" } */
  int *p = &a; /* { dg-message "address of 'p' does not escape" } */
  swab (&p, &gl, sizeof p);
}

void
strxfrm_to_global (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: stored in global 'gc'" } */
  int *p[2] = { &b, 0 }; /* { dg-message "address of 'p' does not escape" } */
  strxfrm (gc, (const char *) p, sizeof gc);
}

void
wcsncpy_to_global (void)
{
  int c = 0; /* { dg-message "address of 'c' escapes: stored in global 'gw'" } */
  int *p[2] = { &c, 0 }; /* { dg-message "address of 'p' does not escape" } */
  wcsncpy (gw, (const wchar_t *) p, 4);
}

void
mbstowcs_to_global (void)
{
  int d = 0; /* { dg-message "address of 'd' escapes: stored in global 'gw'" } */
  int *p[2] = { &d, 0 }; /* { dg-message "address of 'p' does not escape" } */
  mbstowcs (gw, (const char *) p, 4);
}

/* iconv's buffers are given by the address of their pointers.  */
void
iconv_to_global (iconv_t cd) /* { dg-message "parameter 'cd' does not escape" } */
{
  int e = 0; /* { dg-message "address of 'e' escapes: stored in global 'gc'" } */
  int *p[2] = { &e, 0 }; /* { dg-message "address of 'p' does not escape" } */
  char *in = (char *) p, *out = gc; /* { dg-message "address of 'in' does not escape" } */
  /* { dg-message "address of 'out' does not escape" "" { target *-*-* } .-1 } */
  size_t inleft = sizeof p, outleft = sizeof gc; /* { dg-message "address of 'inleft' does not escape" } */
  /* { dg-message "address of 'outleft' does not escape" "" { target *-*-* } .-1 } */
  iconv (cd, &in, &inleft, &out, &outleft);
}
