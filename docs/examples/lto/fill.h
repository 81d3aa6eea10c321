void fill (int *values, int n, int first);
long total (const int *values, int n);
