/* Objects that are not locals get no "address of" notes, whatever happens
   to their address: globals, file statics, function-local statics, string
   literals, functions and labels.  Only the pointer parameter of 'take'
   gets a note.  */

void *g;
int gint;
static int file_static;

void
take (void **out) /* { dg-message "parameter 'out' does not escape" } */
{
  static int local_static;
  g = &gint;
  g = &file_static;
  *out = &local_static;
  g = (void *) "literal";
  g = (void *) take;
  void *l = &&done;
  goto *l;
 done:;
}
