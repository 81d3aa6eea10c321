/* The contradiction of a struct seen as one cell: the report called the
   buffer "returned to caller" because b.len, from the same cell, is
   returned, while stackify (after SRA split the struct) moved it.  With a
   cell per field both say the same.  */
/* { dg-escape-args "report stackify" } */
/* { dg-options "-O2" } */

#include <stdlib.h>
#include <string.h>

struct buf { char *data; long len; };

long
checksum (const char *s, long n) /* { dg-message "parameter 's' does not escape" } */
{
  struct buf b;
  b.data = malloc (64); /* { dg-message "allocation of 64 bytes moved to stack" } */
  b.len = n < 64 ? n : 64;
  memcpy (b.data, s, b.len);
  long sum = 0;
  for (long i = 0; i < b.len; i++)
    sum += b.data[i];
  free (b.data);
  return sum + b.len;
}
