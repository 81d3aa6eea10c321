/* OpenMP (-fopenmp): GCC outlines each parallel region into a function
   (f._omp_fn.0) whose only parameter, '.omp_data_i', is GCC's own; it
   gets no note.  The user's array shared with the other threads escapes:
   its address is stored in the data block handed to GOMP_parallel.  */
/* { dg-options "-fopenmp" } */

int
shared_array (void)
{
  int a[4] = { 0 }; /* { dg-message "address of 'a' escapes: stored in memory that escapes" } */
#pragma omp parallel
  a[1]++;
  return a[1];
}

int
reduction (int n)
{
  int s = 0;
  int b[100]; /* { dg-message "address of 'b' escapes: stored in memory that escapes" } */
#pragma omp parallel for reduction(+:s)
  for (int i = 0; i < n; i++)
    s += b[i];
  return s;
}
