/* shape.h -- the shared library of test_escape_prof.py's program.  */
struct shape;
struct shape *shape_new (int width);
int shape_area (const struct shape *s);
void shape_free (struct shape *s);
