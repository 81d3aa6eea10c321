/* tokenize -- a tokenizer's token buffer: each line of a small
   assignment language is split into at most 32 tokens in a buffer
   allocated per line, which the evaluator then walks.  */
#include <stdio.h>
#include <stdlib.h>

#include "../bench.h"

const char kernel_name[] = "tokenize";

#define MAXTOK 32
#define NLINES 32

enum kind { T_IDENT, T_NUMBER, T_OP, T_END };

struct token
{
  uint16_t start;
  uint8_t len;
  uint8_t kind;
  int32_t value;
};

static char lines[NLINES][96];

void
kernel_init (unsigned seed)
{
  static const char ops[] = "+-*";
  uint64_t st = seed;
  for (int l = 0; l < NLINES; l++)
    {
      /* One bench_rand per statement: the order in which a call's
	 arguments are evaluated is unspecified (gcc and clang differ).  */
      unsigned var = bench_rand (&st) % 50;
      int n = snprintf (lines[l], sizeof lines[l], "v%u = %u", var,
			bench_rand (&st) % 1000);
      int terms = 2 + bench_rand (&st) % 6;
      for (int t = 0; t < terms && n < 80; t++)
	{
	  char op = ops[bench_rand (&st) % 3];
	  unsigned which = bench_rand (&st) % 2;
	  if (which)
	    n += snprintf (lines[l] + n, sizeof lines[l] - n, " %c w%u", op,
			   bench_rand (&st) % 20);
	  else
	    n += snprintf (lines[l] + n, sizeof lines[l] - n, " %c %u", op,
			   bench_rand (&st) % 100);
	}
    }
}

static int
is_alpha (char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

/* Splits LINE into at most MAX tokens; returns how many.  */
static int
tokenize (const char *line, struct token *toks, int max)
{
  int n = 0, i = 0;
  while (line[i] && n < max - 1)
    {
      char c = line[i];
      if (c == ' ')
	{
	  i++;
	  continue;
	}
      struct token *t = &toks[n++];
      t->start = (uint16_t) i;
      t->value = 0;
      if (is_alpha (c))
	{
	  t->kind = T_IDENT;
	  while (is_alpha (line[i]) || is_digit (line[i]))
	    t->value = t->value * 31 + line[i++];
	}
      else if (is_digit (c))
	{
	  t->kind = T_NUMBER;
	  while (is_digit (line[i]))
	    t->value = t->value * 10 + (line[i++] - '0');
	}
      else
	{
	  t->kind = T_OP;
	  t->value = c;
	  i++;
	}
      t->len = (uint8_t) (i - t->start);
    }
  toks[n].kind = T_END;
  return n;
}

/* Evaluates "name = term (op term)*" from left to right, identifiers
   standing for their hash modulo 100.  */
static int64_t
eval_line (const char *line)
{
#ifdef BENCH_HAND
  struct token toks[MAXTOK];
#else
  struct token *toks = malloc (MAXTOK * sizeof *toks);
  if (!toks)
    abort ();
#endif
  int n = tokenize (line, toks, MAXTOK);
  int64_t acc = 0;
  if (n >= 3 && toks[0].kind == T_IDENT && toks[1].kind == T_OP)
    {
      int64_t v = toks[2].kind == T_NUMBER ? toks[2].value
					    : toks[2].value % 100;
      for (int i = 3; i + 1 < n; i += 2)
	{
	  int64_t r = toks[i + 1].kind == T_NUMBER ? toks[i + 1].value
						    : toks[i + 1].value % 100;
	  switch (toks[i].value)
	    {
	    case '+': v += r; break;
	    case '-': v -= r; break;
	    default: v = (v * r) % 1000003; break;
	    }
	}
      acc = v * 64 + toks[0].len + n;
    }
#ifndef BENCH_HAND
  free (toks);
#endif
  return acc;
}

uint64_t
kernel_run (long iters)
{
  uint64_t sum = 0;
  for (long i = 0; i < iters; i++)
    sum = sum * 17 + (uint64_t) eval_line (lines[i & (NLINES - 1)]);
  return sum;
}
