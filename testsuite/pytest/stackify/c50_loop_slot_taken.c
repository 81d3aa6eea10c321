/* Allocations in loops whose blocks outlive their iteration: the slot is
   taken only while it is free, and the allocator serves the call while it
   is taken.  Every block is filled with a pattern of its own and checked
   when it is last used: two live blocks sharing the slot would show.

   - a bison-like stack that grows by doubling from a local array, the old
     block freed after the copy (run-time sizes: 64, 128, 256, 512 bytes,
     so that the slot of 256 bytes fits some and not others);
   - a window of the last three blocks, freed oldest first, through a copy
     of the pointer;
   - the previous block freed after the new one is filled (the heap block
     freed while the slot is in use must not give the slot back);
   - a block grown by realloc across the slot's size (255, 256, 257), kept
     across iterations;
   - a loop left by longjmp from a callee, with a block in the slot.  */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
fill (unsigned char *p, size_t n, unsigned tag)
{
  for (size_t i = 0; i < n; i++)
    p[i] = (unsigned char) (tag * 31 + i);
}

static long
check (const unsigned char *p, size_t n, unsigned tag)
{
  for (size_t i = 0; i < n; i++)
    if (p[i] != (unsigned char) (tag * 31 + i))
      return -1000000;
  return (long) n + tag;
}

static __attribute__ ((noinline)) long
bison_stack (const char *input)
{
  short first[16];
  short *stack = first;
  size_t size = 16, top = 0;
  long s = 0;
  for (const char *c = input; *c; c++)
    {
      if (top == size)
	{
	  short *old = stack;
	  size *= 2;
	  short *grown = malloc (size * sizeof *grown);
	  if (!grown)
	    abort ();
	  memcpy (grown, old, top * sizeof *grown);
	  stack = grown;
	  if (old != first)
	    free (old);
	}
      stack[top++] = (short) (*c * 7 + top);
    }
  for (size_t i = 0; i < top; i++)
    s = s * 3 + stack[i];
  if (stack != first)
    free (stack);
  return s;
}

static __attribute__ ((noinline)) long
window_of_three (int n, size_t size)
{
  unsigned char *w[3] = { 0, 0, 0 };
  unsigned tags[3] = { 0, 0, 0 };
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      unsigned char *p = malloc (size);
      if (!p)
	return -1;
      fill (p, size, (unsigned) i);
      int at = i % 3;
      if (w[at])
	{
	  unsigned char *old = w[at];
	  s = s * 5 + check (old, size, tags[at]);
	  free (old);
	}
      w[at] = p;
      tags[at] = (unsigned) i;
    }
  for (int at = 0; at < 3; at++)
    if (w[at])
      {
	s = s * 5 + check (w[at], size, tags[at]);
	free (w[at]);
      }
  return s;
}

static __attribute__ ((noinline)) long
previous_freed_late (int n)
{
  unsigned char *prev = NULL;
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      unsigned char *p = malloc (48);
      if (!p)
	return -1;
      fill (p, 48, (unsigned) i);
      if (prev)
	{
	  s = s * 7 + check (prev, 48, (unsigned) i - 1);
	  free (prev);
	}
      s += check (p, 48, (unsigned) i);
      prev = p;
    }
  if (prev)
    {
      s = s * 7 + check (prev, 48, (unsigned) n - 1);
      free (prev);
    }
  return s;
}

static __attribute__ ((noinline)) long
grown_across (int n, size_t start)
{
  unsigned char *kept = NULL;
  size_t kept_size = 0;
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      unsigned char *p = malloc (start);
      if (!p)
	return -1;
      fill (p, start, (unsigned) i);
      size_t grown_size = start + (size_t) (i % 3);
      unsigned char *q = realloc (p, grown_size);
      if (!q)
	return -1;
      for (size_t k = start; k < grown_size; k++)
	q[k] = (unsigned char) ((unsigned) i * 31 + k);
      if (kept)
	{
	  s = s * 3 + check (kept, kept_size, (unsigned) i - 1);
	  free (kept);
	}
      kept = q;
      kept_size = grown_size;
    }
  if (kept)
    {
      s = s * 3 + check (kept, kept_size, (unsigned) n - 1);
      free (kept);
    }
  return s;
}

static jmp_buf out;

static __attribute__ ((noinline)) void
maybe_leave (int i)
{
  if (i == 5)
    longjmp (out, 1);
}

static __attribute__ ((noinline)) long
left_by_longjmp (int n)
{
  unsigned char *prev = NULL;
  long s = 0;
  for (int i = 0; i < n; i++)
    {
      unsigned char *p = malloc (40);
      if (!p)
	return -1;
      fill (p, 40, (unsigned) i);
      if (prev)
	{
	  s = s * 3 + check (prev, 40, (unsigned) i - 1);
	  free (prev);
	}
      prev = p;
      maybe_leave (i);
    }
  free (prev);
  return s;
}

static __attribute__ ((noinline)) long
call_left (void)
{
  if (setjmp (out))
    return 17;
  return left_by_longjmp (9);
}

int
main (void)
{
  char text[300];
  for (int i = 0; i < 299; i++)
    text[i] = (char) ('a' + i % 26);
  text[299] = 0;
  printf ("bison %ld %ld %ld\n", bison_stack ("ab"), bison_stack (text + 250),
	  bison_stack (text));
  for (size_t size = 255; size <= 257; size++)
    printf ("window %zu %ld\n", size, window_of_three (10, size));
  printf ("previous %ld\n", previous_freed_late (12));
  for (size_t start = 254; start <= 257; start++)
    printf ("grown %zu %ld\n", start, grown_across (8, start));
  printf ("longjmp %ld %ld\n", call_left (), left_by_longjmp (4));
  return 0;
}
