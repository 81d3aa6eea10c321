/* Pointer arithmetic keeps pointing into the same object: p + n, p - n,
   p++, &p[i], and an offset computed from an integer are all followed.  */

int *g;
char *gc;

void
offset_stored (int n)
{
  int a[8]; /* { dg-message "address of 'a' escapes: stored in global 'g'" } */
  int *p = a + 3;
  g = p - n;
}

void
loop_stored (int n)
{
  char buf[16]; /* { dg-message "address of 'buf' escapes: stored in global 'gc'" } */
  char *p = buf;
  for (int i = 0; i < n && i < 15; i++)
    p++;
  gc = p;
}

int *
heap_offset_returned (long i)
{
  int *m = __builtin_malloc (40); /* { dg-message "allocation of 40 bytes escapes: returned to caller" } */
  return &m[i];
}

int
offset_local (int n)
{
  int b[8] = { 0 }; /* { dg-message "address of 'b' does not escape" } */
  int *p = b + (n & 7);
  return *(p - (n & 3));
}

char *
param_offset (char *s, /* { dg-message "parameter 's' leaks to return value" } */
	      long n)
{
  return n + s;
}
