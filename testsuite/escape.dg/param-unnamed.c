/* An unnamed parameter gets no note, even a pointer; its named
   neighbours do.  */

int *g;

void
unnamed_pointer (int *)
{
}

void
unnamed_and_named (int *,
		   int *kept) /* { dg-message "parameter 'kept' escapes: stored in global 'g'" } */
{
  g = kept;
}

int
callback_shape (const void *, const void *, void *ctx) /* { dg-message "parameter 'ctx' does not escape" } */
{
  return ctx != 0;
}
