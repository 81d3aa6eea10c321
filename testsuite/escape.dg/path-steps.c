/* Paths: the steps between the address and the reason.  Copies into
   named variables (not GCC's temporaries, nor another value of the same
   variable), stores into variables and memory, loads back, calls into
   functions solved before (their own steps one level deeper), calls
   between functions that call each other, and results returned by a
   callee.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */
/* { dg-escape-args "report=escapes" } */

#include <stdlib.h>

struct holder { int *p; struct holder *next; };
int *g;
extern void keep (void *);

void
loaded_back (void)
{
  int w = 0;
  /* { dg-message "address of 'w' escapes: passed to 'keep' (argument 1), which may keep it" "" { target *-*-* } .-1 } */
  struct holder s;
  s.p = &w;
  /* { dg-path 1 "address of 'w' taken" .-1 } */
  /* { dg-path 2 "stored in 's'" .-2 } */
  struct holder *sp = &s;
  int *back = sp->p;
  /* { dg-path 3 "read back from 's'" .-1 } */
  /* { dg-path 4 "copied to 'back'" .-2 } */
  keep (back);
  /* { dg-path 5 "passed to 'keep' (argument 1), which may keep it" .-1 } */
}

static void __attribute__ ((noinline))
level3 (int *c)
  /* { dg-message "parameter 'c' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'c'" .-2 } */
{
  g = c;
  /* { dg-path 2 "stored in global 'g'" .-1 } */
  /* { dg-path 3 "stored in global 'g'" .-2 } */
  /* { dg-path 5 "stored in global 'g'" .-3 } */
}

static void __attribute__ ((noinline))
level2 (int *b)
  /* { dg-message "parameter 'b' escapes: passed to 'level3' (argument 1), which keeps it" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'b'" .-2 } */
{
  level3 (b);
  /* { dg-path 2 "passed to 'level3' (argument 1), which keeps it" .-1 } */
  /* { dg-path 4 "passed to 'level3' (argument 1), which keeps it" .-2 } */
}

void
level1 (void)
{
  int *m = malloc (4);
  /* { dg-message "allocation of 4 bytes escapes: passed to 'level2' (argument 1), which keeps it" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "allocated here" .-2 } */
  /* { dg-path 2 "copied to 'm'" .-3 } */
  level2 (m);
  /* { dg-path 3 "passed to 'level2' (argument 1), which keeps it" .-1 } */
}

static int *__attribute__ ((noinline))
identity (int *v)
{
  return v;
}

void
through_identity (void)
{
  int k = 0;
  /* { dg-message "address of 'k' escapes: passed to 'keep' (argument 1), which may keep it" "" { target *-*-* } .-1 } */
  int *same = identity (&k);
  /* { dg-path 1 "address of 'k' taken" .-1 } */
  /* { dg-path 2 "returned by 'identity'" .-2 } */
  /* { dg-path 3 "copied to 'same'" .-3 } */
  keep (same);
  /* { dg-path 4 "passed to 'keep' (argument 1), which may keep it" .-1 } */
}

void ping (int *p, int n);

void
pong (int *q, int n)
  /* { dg-message "parameter 'q' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'q'" .-2 } */
{
  if (n > 0)
    ping (q, n - 1);
  else
    g = q;
    /* { dg-path 2 "stored in global 'g'" .-1 } */
    /* { dg-path 3 "stored in global 'g'" .-2 } */
    /* { dg-path 4 "stored in global 'g'" .-3 } */
}

void
ping (int *p, int n)
  /* { dg-message "parameter 'p' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'p'" .-2 } */
{
  pong (p, n);
  /* { dg-path 2 "passed to 'pong' as argument 1" .-1 } */
  /* { dg-path 3 "passed to 'pong' as argument 1" .-2 } */
}

void
start_ping (void)
{
  int t = 0;
  /* { dg-message "address of 't' escapes: passed to 'ping' (argument 1), which keeps it" "" { target *-*-* } .-1 } */
  ping (&t, 3);
  /* { dg-path 1 "address of 't' taken" .-1 } */
  /* { dg-path 2 "passed to 'ping' (argument 1), which keeps it" .-2 } */
}

void
in_a_loop (int n)
{
  int u = 0;
  /* { dg-message "address of 'u' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  int *cur = 0;
  for (int i = 0; i < n; i++)
    cur = &u;
    /* { dg-path 1 "address of 'u' taken" .-1 } */
    /* { dg-path 2 "copied to 'cur'" .-2 } */
  g = cur;
  /* { dg-path 3 "stored in global 'g'" .-1 } */
}
