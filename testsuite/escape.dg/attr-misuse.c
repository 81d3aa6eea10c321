/* The attributes where they mean nothing: GCC's usual -Wattributes
   warning, and the attribute is dropped.  */
/* { dg-escape-args "" } */

int global __attribute__((escape_assert_noescape)); /* { dg-warning "'escape_assert_noescape' attribute only applies to local variables and parameters" } */
int scalar_param (int n __attribute__((noescape))); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */
int *variable __attribute__((noescape)); /* { dg-warning "'noescape' attribute only applies to pointer parameters" } */

int
f (void)
{
  static int kept __attribute__((escape_assert_noescape)); /* { dg-warning "'escape_assert_noescape' attribute only applies to local variables and parameters" } */
  int n __attribute__((escape_assert_stack)) = 0; /* { dg-warning "'escape_assert_stack' attribute only applies to local pointer variables" } */
  return kept + n;
}

void g (void) __attribute__((escape_assert_noescape)); /* { dg-warning "'escape_assert_noescape' attribute only applies to local variables and parameters" } */
