/* A header that GCC treats as a system header (for neg-system-header.c):
   its functions get no notes, whatever they do.  */
#pragma GCC system_header

extern int *sys_global;

static inline void
sys_keep (int *p)
{
  int local = 0;
  int *q = &local;
  sys_global = *q ? 0 : p;
}

static inline int
sys_read (const int *p)
{
  int copy = *p;
  const int *q = &copy;
  return *q;
}

static inline void *
sys_alloc (void)
{
  return __builtin_malloc (16);
}
