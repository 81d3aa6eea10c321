/* A hand-written byte-copy loop that copies a pointer value into global
   memory, one char at a time: the bytes still carry the address, so the
   object must escape.  The same loop into local memory keeps it local.  */

unsigned char gbytes[sizeof (void *)];
int *gp;

void
bytes_to_global_array (void)
{
  int x = 0; /* { dg-message "address of 'x' escapes: stored in global 'gbytes'" } */
  int *p = &x; /* { dg-message "address of 'p' does not escape" } */
  const unsigned char *src = (const unsigned char *) &p;
  for (unsigned i = 0; i < sizeof p; i++)
    gbytes[i] = src[i];
}

void
bytes_to_global_pointer (void)
{
  int y = 0; /* { dg-message "address of 'y' escapes: stored in global 'gp'" } */
  int *p = &y; /* { dg-message "address of 'p' does not escape" } */
  const char *src = (const char *) &p;
  char *dst = (char *) &gp;
  for (unsigned i = 0; i < sizeof p; i++)
    dst[i] = src[i];
}

static void
copy_bytes (void *dst, /* { dg-message "parameter 'dst' does not escape" } */
	    const void *src, /* { dg-message "parameter 'src' does not escape" } */
	    unsigned long n)
{
  unsigned char *d = dst;
  const unsigned char *s = src;
  while (n--)
    *d++ = *s++;
}

void
bytes_via_helper (void)
{
  int z = 0; /* { dg-message "address of 'z' escapes: stored in global 'gp'" } */
  int *p = &z; /* { dg-message "address of 'p' does not escape" } */
  copy_bytes (&gp, &p, sizeof p);
}

int
bytes_to_local (void)
{
  int w = 0; /* { dg-message "address of 'w' does not escape" } */
  int *p = &w; /* { dg-message "address of 'p' does not escape" } */
  int *q; /* { dg-message "address of 'q' does not escape" } */
  const char *src = (const char *) &p;
  char *dst = (char *) &q;
  for (unsigned i = 0; i < sizeof p; i++)
    dst[i] = src[i];
  return *q;
}
