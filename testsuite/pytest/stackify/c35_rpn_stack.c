/* A little RPN evaluator with a malloc'ed operand stack.  */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

static __attribute__ ((noinline)) long
eval (const char *expr)
{
  long *stack = malloc (32 * sizeof (long));
  if (!stack)
    return -1;
  int sp = 0;
  for (const char *c = expr; *c; c++)
    {
      if (isdigit ((unsigned char) *c))
	stack[sp++] = *c - '0';
      else if (*c != ' ' && sp >= 2)
	{
	  long b = stack[--sp], a = stack[--sp];
	  stack[sp++] = *c == '+' ? a + b : *c == '-' ? a - b
	    : *c == '*' ? a * b : b ? a / b : 0;
	}
    }
  long r = sp ? stack[sp - 1] : 0;
  free (stack);
  return r;
}

int
main (void)
{
  static const char *const exprs[] = { "3 4 + 2 *", "9 8 7 6 + * -",
				       "1 2 3 4 5 * * * *", "8 2 / 3 -" };
  for (int i = 0; i < 4; i++)
    printf ("%s = %ld\n", exprs[i], eval (exprs[i]));
  return 0;
}
