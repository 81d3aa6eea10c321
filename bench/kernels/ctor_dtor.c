/* ctor_dtor -- a constructor/destructor pair used locally: an RPN
   evaluator makes its operand stack with stack_new (the struct and its
   array of 16 items, two allocations) and drops it with stack_free.  */
#include <stdio.h>
#include <stdlib.h>

#include "../bench.h"

const char kernel_name[] = "ctor_dtor";

#define STACK_MAX 16
#define NEXPRS 32

struct stack
{
  int top;
  int max;
  long *items;
};

#ifndef BENCH_HAND
static struct stack *
stack_new (void)
{
  struct stack *s = malloc (sizeof *s);
  if (!s)
    abort ();
  s->items = malloc (STACK_MAX * sizeof *s->items);
  if (!s->items)
    abort ();
  s->top = 0;
  s->max = STACK_MAX;
  return s;
}

static void
stack_free (struct stack *s)
{
  free (s->items);
  free (s);
}
#endif

static void
push (struct stack *s, long v)
{
  if (s->top < s->max)
    s->items[s->top++] = v;
}

static long
pop (struct stack *s)
{
  return s->top > 0 ? s->items[--s->top] : 0;
}

static char exprs[NEXPRS][64];

void
kernel_init (unsigned seed)
{
  static const char ops[] = "+-*";
  uint64_t st = seed;
  for (int e = 0; e < NEXPRS; e++)
    {
      int n = snprintf (exprs[e], sizeof exprs[e], "%u",
			bench_rand (&st) % 100);
      int depth = 1;
      while (n < 52)
	{
	  if (depth >= 2 && (bench_rand (&st) % 3 == 0 || depth > 6))
	    {
	      n += snprintf (exprs[e] + n, sizeof exprs[e] - n, " %c",
			     ops[bench_rand (&st) % 3]);
	      depth--;
	    }
	  else
	    {
	      n += snprintf (exprs[e] + n, sizeof exprs[e] - n, " %u",
			     bench_rand (&st) % 100);
	      depth++;
	    }
	}
      while (depth-- > 1)
	n += snprintf (exprs[e] + n, sizeof exprs[e] - n, " +");
    }
}

static long
eval_rpn (const char *e)
{
#ifdef BENCH_HAND
  long items[STACK_MAX];
  struct stack obj = { 0, STACK_MAX, items }, *s = &obj;
#else
  struct stack *s = stack_new ();
#endif
  for (int i = 0; e[i]; i++)
    {
      char c = e[i];
      if (c >= '0' && c <= '9')
	{
	  long v = 0;
	  while (e[i] >= '0' && e[i] <= '9')
	    v = v * 10 + (e[i++] - '0');
	  i--;
	  push (s, v);
	}
      else if (c == '+' || c == '-' || c == '*')
	{
	  long b = pop (s), a = pop (s);
	  push (s, c == '+' ? a + b : c == '-' ? a - b : (a * b) % 1000003);
	}
    }
  long result = pop (s);
#ifndef BENCH_HAND
  stack_free (s);
#endif
  return result;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum = sum * 13 + (uint64_t) eval_rpn (exprs[i & (NEXPRS - 1)]);
  return sum;
}
