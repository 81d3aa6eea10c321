struct line { const char *text; struct line *next; };

int count_lines (const struct line *first);
const struct line *longest (const struct line *first, unsigned *length);
