/* GCC's own temporaries get no notes, even when their address is taken
   and escapes: the array of an rvalue struct passed to an unknown function,
   the copies made for _Atomic struct stores and loads, the expected value
   and floating-point environment of an _Atomic compound assignment.
   Nothing in this file gets a note.  */

struct big { int arr[16]; };
struct big make (void);
extern void use (int *);

void
rvalue_array (void)
{
  use (make ().arr);
}

int
rvalue_element (int i)
{
  return make ().arr[i];
}

struct s { long a, b, c, d; };
_Atomic struct s as;
_Atomic double ad;

void
atomic_store (struct s v)
{
  as = v;
}

struct s
atomic_load (void)
{
  struct s r = as;
  return r;
}

void
atomic_compound (void)
{
  ad *= 2.0;
}
