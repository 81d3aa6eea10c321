struct stats { int min, max; };

void compute (const int *values, int n, struct stats *out);
int median (const int *values, int n);
