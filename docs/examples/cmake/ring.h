struct ring { int *slots; unsigned head, count, size; };

int ring_init (struct ring *r, unsigned size);
void ring_push (struct ring *r, int value);
int ring_sum (const struct ring *r);
