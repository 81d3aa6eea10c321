/* The address of an array element (&a[i], &m[2][j]) is the address of the
   array; pointers stored in an element are stored in the array, whether it
   escapes or is read back and returned.  */

int *g;

void
element (int i)
{
  int a[8]; /* { dg-message "address of 'a' escapes: stored in global 'g'" } */
  g = &a[i & 7];
}

void
element_2d (int j)
{
  int m[3][3]; /* { dg-message "address of 'm' escapes: stored in global 'g'" } */
  g = &m[2][j % 3];
}

int
element_local (int i)
{
  int b[8] = { 0 }; /* { dg-message "address of 'b' does not escape" } */
  int *p = &b[i & 7];
  return *p;
}

void
pointer_in_element (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in memory that escapes" } */
  int *ptrs[2]; /* { dg-message "address of 'ptrs' escapes: stored in global 'g'" } */
  ptrs[1] = &x;
  g = (int *) &ptrs[0];
}

int *
pointer_array_element_returned (int i)
{
  int y = 0; /* { dg-message "address of 'y' escapes: returned to caller" } */
  int *ptrs[2] = { 0, 0 };
  ptrs[i & 1] = &y;
  return ptrs[0];
}
