/* A sieve of Eratosthenes up to 250 in a calloc'ed byte array.  */
#include <stdio.h>
#include <stdlib.h>

int
main (void)
{
  unsigned char *composite = calloc (250, 1);
  if (!composite)
    return 1;
  int count = 0;
  long sum = 0;
  for (int i = 2; i < 250; i++)
    {
      if (composite[i])
	continue;
      count++;
      sum += i;
      for (int j = i * i; j < 250; j += i)
	composite[j] = 1;
    }
  printf ("%d primes below 250, sum %ld, last checked %d\n", count, sum,
	  composite[249]);
  free (composite);
  return 0;
}
