/* Reason "used by inline assembly": an address given to an asm statement
   as a register input, as an output, and a local used as a memory operand
   (input and output); an asm that does not mention the local leaves it
   alone.  */

int
register_input (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: used by inline assembly" } */
  __asm__ volatile ("" : : "r" (&a));
  return a;
}

int
memory_input (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: used by inline assembly" } */
  __asm__ volatile ("" : : "m" (b));
  return b;
}

int
memory_output (void)
{
  int c; /* { dg-message "address of 'c' escapes: used by inline assembly" } */
  __asm__ volatile ("" : "=m" (c));
  return c;
}

void *
register_output (void)
{
  int d = 0; /* { dg-message "address of 'd' escapes: used by inline assembly" } */
  int *p = &d;
  __asm__ volatile ("" : "+r" (p));
  return 0;
}

int
unrelated_asm (void)
{
  int e = 0; /* { dg-message "address of 'e' does not escape" } */
  int *p = &e;
  __asm__ volatile ("" ::: "memory");
  return *p;
}
