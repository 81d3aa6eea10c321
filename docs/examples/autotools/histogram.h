#define BUCKETS 8

struct histogram { unsigned counts[BUCKETS]; int low, width; };

void histogram_add (struct histogram *h, int value);
char *histogram_bar (const struct histogram *h, int bucket);
