/* dwarf.h -- escape-prof-lines' own reader of a module's DWARF: for a
   few addresses, their source line and the functions inlined there.  */
#ifndef HEAPPROF_DWARF_H
#define HEAPPROF_DWARF_H

#include <stddef.h>
#include <stdint.h>

/* One source frame: FUNCTION (NULL: unknown) at FILE:LINE.  */
struct dwarf_frame
{
  const char *function;
  const char *file;
  unsigned line;
};

/* One address asked for, and what was found.  The strings point into
   the module (or into memory kept until the program ends).  */
struct dwarf_query
{
  uint64_t pc;			/* an address inside the call */
  struct dwarf_frame *frames;	/* innermost first; NULL: none found */
  size_t nframes;
};

/* Places the N QUERIES in MODULE.  Returns 1 when it could read the
   module's debug info (queries it holds no line for get no frame), 0
   when it leaves the module to another reader: not a 64-bit
   little-endian ELF file, compressed or separate debug info, a DWARF
   version or form it does not know, or a malformed section.  */
int dwarf_place (const char *module, struct dwarf_query *queries, size_t n);

#endif
