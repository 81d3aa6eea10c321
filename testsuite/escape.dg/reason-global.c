/* Reason "stored in global": a plain global, a file static, a
   function-local static, a _Thread_local, a store through a pointer to a
   global, memory a global points to, an element of a global array and a
   field of a global struct.  */

int *g;
static int *file_static;
_Thread_local int *tls;
int **gpp;
int *garr[4];
struct holder { int n; int *p; } gs;

void
to_global (void)
{
  int a = 0; /* { dg-message "address of 'a' escapes: stored in global 'g'" } */
  g = &a;
}

void
to_file_static (void)
{
  int b = 0; /* { dg-message "address of 'b' escapes: stored in global 'file_static'" } */
  file_static = &b;
}

int *
read_file_static (void)
{
  return file_static;
}

void
to_local_static (void)
{
  static int *keep;
  int c = 0; /* { dg-message "address of 'c' escapes: stored in global 'keep'" } */
  keep = &c;
}

void
to_thread_local (void)
{
  int d = 0; /* { dg-message "address of 'd' escapes: stored in global 'tls'" } */
  tls = &d;
}

void
through_pointer_to_global (void)
{
  int e = 0; /* { dg-message "address of 'e' escapes: stored in global 'g'" } */
  int **pp = &g;
  *pp = &e;
}

/* Memory a global points to escapes, but it is not the global itself
   (docs/notes.md).  */
void
into_memory_a_global_points_to (void)
{
  int e2 = 0; /* { dg-message "address of 'e2' escapes: stored in memory that escapes" } */
  *gpp = &e2;
}

void
to_global_array (int i)
{
  int f = 0; /* { dg-message "address of 'f' escapes: stored in global 'garr'" } */
  garr[i] = &f;
}

void
to_global_field (void)
{
  int h = 0; /* { dg-message "address of 'h' escapes: stored in global 'gs'" } */
  gs.p = &h;
}
