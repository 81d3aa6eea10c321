/* profile.c -- the counts of libescape-prof.so: heap calls and bytes per
   call site (a return address), and the file a process writes at exit.

   The sites are an open-addressing hash table in static memory: a thread
   claims an empty slot with a compare-and-swap and adds to its counters
   with atomic adds, so the hooks take no lock and allocate nothing.  When
   the table is full, calls are counted as lost (the file says how many).

   At exit, if ESCAPE_PROF_DIR is set, the process writes
   ESCAPE_PROF_DIR/PID.prof (PID.N.prof if that exists: a pid reused, or
   a program that exec'd itself):

     escape-prof 1
     pid PID
     exe PATH
     lost CALLS
     site KIND CALLS BYTES OFFSET SYMBOL MODULE

   fields separated by a tab (the first line has none); OFFSET is the return address in the module's
   own addresses (what addr2line -e MODULE takes; 0x hex), SYMBOL the
   nearest dynamic symbol before it or "-", MODULE the path of the
   executable or shared library.  A fork child starts from zero; a
   process that ends by _exit, a signal or exec writes nothing.  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "heapprof.h"

/* A power of two; tests build a small table to fill it.  */
#ifndef HEAPPROF_SLOTS
#define HEAPPROF_SLOTS (1u << 16)
#endif
#define SLOTS HEAPPROF_SLOTS

struct site
{
  uintptr_t address;		/* 0: free slot */
  unsigned kind;
  unsigned long calls;
  unsigned long bytes;
};

static struct site sites[SLOTS];
static unsigned long lost_calls;

static size_t
slot_of (uintptr_t address)
{
  return (size_t) ((address * 0x9E3779B97F4A7C15ull) >> 48) & (SLOTS - 1);
}

void
heapprof_count (void *site, enum heapprof_kind kind, size_t bytes)
{
  uintptr_t address = (uintptr_t) site;
  size_t i = slot_of (address);
  for (unsigned probes = 0; probes < SLOTS; probes++, i = (i + 1) & (SLOTS - 1))
    {
      uintptr_t held = __atomic_load_n (&sites[i].address, __ATOMIC_ACQUIRE);
      if (held == 0)
	{
	  if (__atomic_compare_exchange_n (&sites[i].address, &held, address,
					   0, __ATOMIC_ACQ_REL,
					   __ATOMIC_ACQUIRE))
	    {
	      sites[i].kind = kind;
	      held = address;
	    }
	}
      if (held == address)
	{
	  __atomic_fetch_add (&sites[i].calls, 1, __ATOMIC_RELAXED);
	  __atomic_fetch_add (&sites[i].bytes, bytes, __ATOMIC_RELAXED);
	  return;
	}
    }
  __atomic_fetch_add (&lost_calls, 1, __ATOMIC_RELAXED);
}

/* A fork child counts its own calls only: the parent writes the rest.
   Only claimed slots are written to, so that untouched pages stay
   shared.  */
static void
forget_parent (void)
{
  for (size_t i = 0; i < SLOTS; i++)
    if (sites[i].address)
      memset (&sites[i], 0, sizeof sites[i]);
  lost_calls = 0;
}

__attribute__ ((constructor)) static void
start (void)
{
  pthread_atfork (NULL, NULL, forget_parent);
}

/* ---- Writing the file, without stdio or malloc.  */

/* Text built in a fixed buffer; a buffer with a file descriptor is
   written out when full, one without stops growing (and says so).  */
struct text
{
  int fd;			/* -1: not a file */
  size_t used;
  int overflowed;
  char chars[1 << 16];
};

static struct text out, path;

static void
flush (struct text *t)
{
  size_t done = 0;
  while (t->fd >= 0 && done < t->used)
    {
      ssize_t n = write (t->fd, t->chars + done, t->used - done);
      if (n < 0 && errno == EINTR)
	continue;
      if (n <= 0)
	break;
      done += (size_t) n;
    }
  t->used = 0;
}

static void
put (struct text *t, const char *s)
{
  for (; *s; s++)
    {
      if (t->used == sizeof t->chars - 1)
	{
	  if (t->fd < 0)
	    {
	      t->overflowed = 1;
	      return;
	    }
	  flush (t);
	}
      t->chars[t->used++] = *s;
    }
}

static void
put_number (struct text *t, unsigned long v, unsigned base)
{
  char digits[24];
  int n = 0;
  do
    digits[n++] = "0123456789abcdef"[v % base];
  while ((v /= base) && n < (int) sizeof digits);
  char reversed[sizeof digits + 1];
  for (int i = 0; i < n; i++)
    reversed[i] = digits[n - 1 - i];
  reversed[n] = '\0';
  put (t, reversed);
}

static const char *const kind_names[HEAPPROF_KINDS] = {
  "malloc", "calloc", "realloc", "reallocarray", "aligned_alloc",
  "posix_memalign", "memalign", "valloc", "pvalloc", "strdup", "strndup"
};

static char exe[4096];

/* The module that holds an address: its path, and the address in its own
   (link-time) addresses, which is what addr2line takes for an executable,
   PIE or not, and for a shared library.  */
struct module_of
{
  uintptr_t address;
  const char *path;
  uintptr_t offset;
};

static int
find_module (struct dl_phdr_info *info, size_t size, void *data)
{
  struct module_of *m = data;
  (void) size;
  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW (Phdr) *ph = &info->dlpi_phdr[i];
      uintptr_t start = info->dlpi_addr + ph->p_vaddr;
      if (ph->p_type == PT_LOAD && m->address >= start
	  && m->address < start + ph->p_memsz)
	{
	  /* The executable has no name here.  */
	  m->path = info->dlpi_name[0] ? info->dlpi_name : exe;
	  m->offset = m->address - info->dlpi_addr;
	  return 1;
	}
    }
  return 0;
}

static void
put_site (const struct site *s)
{
  struct module_of m = { s->address, "?", s->address };
  dl_iterate_phdr (find_module, &m);
  Dl_info info;
  const char *symbol = dladdr ((void *) s->address, &info) && info.dli_sname
			 ? info.dli_sname : "-";
  put (&out, "site\t");
  put (&out, s->kind < HEAPPROF_KINDS ? kind_names[s->kind] : "?");
  put (&out, "\t");
  put_number (&out, s->calls, 10);
  put (&out, "\t");
  put_number (&out, s->bytes, 10);
  put (&out, "\t0x");
  put_number (&out, m.offset, 16);
  put (&out, "\t");
  put (&out, symbol);
  put (&out, "\t");
  put (&out, m.path);
  put (&out, "\n");
}

/* Opens DIR/PID.prof, or DIR/PID.N.prof for the first N free.  */
static int
open_output (const char *dir)
{
  for (unsigned n = 0; n < 1000; n++)
    {
      path.fd = -1;
      path.used = 0;
      put (&path, dir);
      put (&path, "/");
      put_number (&path, (unsigned long) getpid (), 10);
      if (n)
	{
	  put (&path, ".");
	  put_number (&path, n, 10);
	}
      put (&path, ".prof");
      if (path.overflowed)
	return -1;
      path.chars[path.used] = '\0';
      int fd = open (path.chars, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		     0644);
      if (fd >= 0 || errno != EEXIST)
	return fd;
    }
  return -1;
}

__attribute__ ((destructor)) static void
write_profile (void)
{
  const char *dir = getenv ("ESCAPE_PROF_DIR");
  if (!dir || !*dir)
    return;
  ssize_t n = readlink ("/proc/self/exe", exe, sizeof exe - 1);
  exe[n > 0 ? n : 0] = '\0';
  out.fd = open_output (dir);
  if (out.fd < 0)
    return;
  put (&out, "escape-prof 1\npid\t");
  put_number (&out, (unsigned long) getpid (), 10);
  put (&out, "\nexe\t");
  put (&out, exe);
  put (&out, "\nlost\t");
  put_number (&out, lost_calls, 10);
  put (&out, "\n");
  for (size_t i = 0; i < SLOTS; i++)
    if (sites[i].address && sites[i].calls)
      put_site (&sites[i]);
  flush (&out);
  close (out.fd);
}
