/* Paths: each escape reason with the steps that lead to it, printed as
   the note's diagnostic path (here as separate events, "(N) TEXT", each
   at its statement).  One statement per line, so that each event has a
   line of its own where it can.  */
/* { dg-do compile } */
/* { dg-options "-O2" } */
/* { dg-escape-args "report=escapes" } */

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>

struct node { int *p; struct node *next; };
int *g;
void *gv;
void (*hook) (int *);
uintptr_t gnumber;
extern void keep (void *);

static void
publish (int *q)
  /* { dg-message "parameter 'q' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "parameter 'q'" .-2 } */
{
  g = q;
  /* { dg-path 2 "stored in global 'g'" .-1 } */
  /* { dg-path 4 "stored in global 'g'" .-2 } */
}

int *
returned (void)
{
  int *m = malloc (4);
  /* { dg-message "allocation of 4 bytes escapes: returned to caller" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "allocated here" .-2 } */
  /* { dg-path 2 "copied to 'm'" .-3 } */
  int *r = m;
  /* { dg-path 3 "copied to 'r'" .-1 } */
  return r;
  /* { dg-path 4 "returned to caller" .-1 } */
}

void
to_global (void)
{
  int x = 0;
  /* { dg-message "address of 'x' escapes: stored in global 'g'" "" { target *-*-* } .-1 } */
  int *p = &x;
  /* { dg-path 1 "address of 'x' taken" .-1 } */
  /* { dg-path 2 "copied to 'p'" .-2 } */
  g = p;
  /* { dg-path 3 "stored in global 'g'" .-1 } */
}

void
through_param (struct node *n)
{
  int *m = malloc (4);
  /* { dg-message "allocation of 4 bytes escapes: stored through parameter 'n'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "allocated here" .-2 } */
  /* { dg-path 2 "copied to 'm'" .-3 } */
  n->p = m;
  /* { dg-path 3 "stored through parameter 'n'" .-1 } */
}

void
escaping_memory (void)
{
  int y = 0;
  /* { dg-message "address of 'y' escapes: stored in memory that escapes" "" { target *-*-* } .-1 } */
  struct node *n = malloc (sizeof *n);
  /* { dg-path 3 "memory allocated here" .-1 } */
  /* { dg-path 4 "copied to 'n'" .-2 } */
  /* { dg-message "allocation of 16 bytes escapes: stored in global 'gv'" "" { target *-*-* } .-3 } */
  /* { dg-path 1 "allocated here" .-4 } */
  /* { dg-path 2 "copied to 'n'" .-5 } */
  n->p = &y;
  /* { dg-path 1 "address of 'y' taken" .-1 } */
  /* { dg-path 2 "stored where 'n' points" .-2 } */
  gv = n;
  /* { dg-path 5 "stored in global 'gv'" .-1 } */
  /* { dg-path 3 "stored in global 'gv'" .-2 } */
}

void
callee_keeps (void)
{
  int *m = malloc (4);
  /* { dg-message "allocation of 4 bytes escapes: passed to 'publish' (argument 1), which keeps it" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "allocated here" .-2 } */
  /* { dg-path 2 "copied to 'm'" .-3 } */
  publish (m);
  /* { dg-path 3 "passed to 'publish' (argument 1), which keeps it" .-1 } */
}

void
may_keep (void)
{
  int z = 0;
  /* { dg-message "address of 'z' escapes: passed to 'keep' (argument 1), which may keep it" "" { target *-*-* } .-1 } */
  int *p = &z;
  /* { dg-path 1 "address of 'z' taken" .-1 } */
  /* { dg-path 2 "copied to 'p'" .-2 } */
  keep (p);
  /* { dg-path 3 "passed to 'keep' (argument 1), which may keep it" .-1 } */
}

void
indirect (void)
{
  int a = 0;
  /* { dg-message "address of 'a' escapes: passed to a function through a pointer" "" { target *-*-* } .-1 } */
  hook (&a);
  /* { dg-path 1 "address of 'a' taken" .-1 } */
  /* { dg-path 2 "passed to a function through a pointer" .-2 } */
}

static void *
run (void *arg)
{
  return arg;
}

int
thread (void)
{
  pthread_t t;
  int *shared = malloc (4);
  /* { dg-message "allocation of 4 bytes escapes: handed to another thread by 'pthread_create'" "" { target *-*-* } .-1 } */
  /* { dg-path 1 "allocated here" .-2 } */
  /* { dg-path 2 "copied to 'shared'" .-3 } */
  return pthread_create (&t, 0, run, shared);
  /* { dg-path 3 "handed to another thread by 'pthread_create'" .-1 } */
}

int
int_cast (uintptr_t key)
{
  int h = 0;
  /* { dg-message "address of 'h' escapes: converted to an integer" "" { target *-*-* } .-1 } */
  int *back = (int *) ((uintptr_t) &h ^ key);
  /* { dg-path 1 "address of 'h' taken" .-1 } */
  /* { dg-path 2 "converted to an integer" .-2 } */
  return *back;
}

void
assembly (void)
{
  int d = 0;
  /* { dg-message "address of 'd' escapes: used by inline assembly" "" { target *-*-* } .-1 } */
  int *p = &d;
  /* { dg-path 1 "address of 'd' taken" .-1 } */
  /* { dg-path 2 "copied to 'p'" .-2 } */
  __asm__ volatile ("" : "+r" (p));
  /* { dg-path 3 "used by inline assembly" .-1 } */
}

int
nested (int n)
{
  int c = n;
  /* { dg-message "address of 'c' escapes: captured by nested function 'inner'" "" { target *-*-* } .-1 } */
  int inner (void) { return c; }
  /* { dg-path 1 "captured by nested function 'inner'" .-1 } */
  return inner ();
}
