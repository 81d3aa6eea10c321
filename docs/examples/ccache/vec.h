struct vec { double x, y; };

double dot (const struct vec *a, const struct vec *b);
void scale (struct vec *v, double factor);
