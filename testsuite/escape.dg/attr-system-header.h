/* A system header (for attr-system-header.c): its marks are not checked,
   as its functions get no notes.  */
#pragma GCC system_header

extern int *attr_sys_global;

static inline void
attr_sys_keep (void)
{
  int kept __attribute__((escape_assert_noescape)) = 0;
  attr_sys_global = &kept;
}

static inline int *
attr_sys_return (int *p __attribute__((noescape)))
{
  return p;
}
