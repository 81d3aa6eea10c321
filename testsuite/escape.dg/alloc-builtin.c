/* The __builtin_ forms of the allocators are allocations too, with the
   same sizes.  */

void *g;

void
builtins (void)
{
  void *a = __builtin_malloc (7); /* { dg-message "allocation of 7 bytes does not escape" } */
  void *b = __builtin_calloc (2, 8); /* { dg-message "allocation of 16 bytes escapes: stored in global 'g'" } */
  char *c = __builtin_strdup ("ab"); /* { dg-message "allocation of 3 bytes does not escape" } */
  __builtin_free (a);
  __builtin_free (c);
  g = b;
}

void *
builtin_returned (void)
{
  return __builtin_malloc (32); /* { dg-message "allocation of 32 bytes escapes: returned to caller" } */
}

void *
builtin_aligned (void)
{
  return __builtin_aligned_alloc (8, 40); /* { dg-message "allocation of 40 bytes escapes: returned to caller" } */
}
