/* escape-prof-lines -- where a module's calls are in the source, for
   escape-prof: what "addr2line -i -f" tells, in a tenth of its time on a
   large program (docs/performance.md).

   usage: escape-prof-lines MODULE < ADDRESSES

   ADDRESSES: one hexadecimal address of MODULE per line, in the module's
   own (link-time) addresses, as libescape-prof.so writes its call sites
   (a return address; the call is the byte before it).  For each, one
   line, fields separated by a tab:

     ADDRESS SYMBOL [FUNCTION FILE LINE]...

   ADDRESS as read, SYMBOL the function the symbol table names ("-" if
   none), then the source frames innermost first: the allocation call's
   own line, then the line each inlined function was called from, the
   last one the function the code is in.  No frame when MODULE has no
   line information there (no -g, or stripped).  Exit status 2 for a
   module that cannot be read or a line that is not an address.

   The frames come from our own reader (dwarf.c) where it can read the
   module's debug info, else from libbacktrace, GCC's reader (the one the
   sanitizers use, linked in from libgcc-N-dev), which also finds debug
   info in separate files and compressed sections; the symbols from
   libbacktrace.  libbacktrace takes the file it is given for the
   executable, and places a position-independent one at the address of
   this program's own executable, which is why this program is linked
   -static (Makefile): at address 0, the module's addresses are the ones
   asked for, and libbacktrace reads no debug info of shared libraries of
   its own.  */
#define _GNU_SOURCE
#include <backtrace.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dwarf.h"

/* The data of libbacktrace's callbacks, its error callback's too: the
   module (for complaints), the query whose frames it gives and the
   symbol found for it.  */
struct lookup
{
  const char *module;
  struct dwarf_query *query;
  const char *symbol;		/* NULL: none */
};

/* libbacktrace's complaints, first about the module as it reads it on
   the first lookup.  A module that cannot be read ends the program (a
   status escape-prof sees); one without debug info or symbols (ERRNUM
   -1) is not a failure: its addresses get no frame or no symbol.  A
   complaint about the debug info itself is said once, and the lookups
   go on.  */
static void
complain (void *data, const char *msg, int errnum)
{
  static int complained;
  const char *module = ((struct lookup *) data)->module;
  if (errnum == -1)
    return;
  if (errnum > 0)
    {
      fprintf (stderr, "escape-prof-lines: %s: %s: %s\n", module, msg,
	       strerror (errnum));
      exit (2);
    }
  if (!complained)
    fprintf (stderr, "escape-prof-lines: %s: %s\n", module, msg);
  complained = 1;
}

/* The symbol table's name for the address (libbacktrace keeps it).  */
static void
keep_symbol (void *data, uintptr_t pc, const char *symname,
	     uintptr_t symval, uintptr_t symsize)
{
  (void) pc;
  (void) symval;
  (void) symsize;
  ((struct lookup *) data)->symbol = symname;
}

/* libbacktrace's frames of one address, innermost first, added to the
   query (without line information, one frame of no file).  */
static int
keep_frame (void *data, uintptr_t pc, const char *filename, int lineno,
	    const char *function)
{
  struct dwarf_query *query = ((struct lookup *) data)->query;
  (void) pc;
  struct dwarf_frame *frames
    = realloc (query->frames, (query->nframes + 1) * sizeof *frames);
  if (frames == NULL)
    return 1;
  frames[query->nframes].function = function;
  frames[query->nframes].file = filename;
  frames[query->nframes].line = lineno > 0 ? (unsigned) lineno : 0;
  query->frames = frames;
  query->nframes++;
  return 0;
}

/* Reads one hexadecimal address from LINE into *ADDRESS.  */
static int
parse_address (const char *line, uintptr_t *address)
{
  char *end;
  if (!isxdigit ((unsigned char) line[0]))
    return 0;			/* strtoull takes spaces, signs, 0x */
  errno = 0;
  unsigned long long value = strtoull (line, &end, 16);
  if (end == line || errno != 0 || (*end != '\n' && *end != '\0')
      || value == 0)
    return 0;
  *address = (uintptr_t) value;
  return 1;
}

/* The addresses on standard input, as queries (the call is the byte
   before each); exits at a line that is not one.  */
static struct dwarf_query *
read_queries (size_t *n)
{
  struct dwarf_query *queries = NULL;
  size_t cap = 0;
  char *line = NULL;
  size_t line_cap = 0;
  *n = 0;
  while (getline (&line, &line_cap, stdin) > 0)
    {
      uintptr_t address;
      if (!parse_address (line, &address))
	{
	  fprintf (stderr, "escape-prof-lines: not an address: %s", line);
	  exit (2);
	}
      if (*n == cap)
	{
	  cap = cap ? 2 * cap : 64;
	  queries = realloc (queries, cap * sizeof *queries);
	  if (queries == NULL)
	    {
	      fputs ("escape-prof-lines: out of memory\n", stderr);
	      exit (2);
	    }
	}
      struct dwarf_query query = { address - 1, NULL, 0 };
      queries[(*n)++] = query;
    }
  free (line);
  return queries;
}

/* Prints the address, its symbol and its frames: all of them, or none
   when one has no file or line (a chain with a hole in it would put the
   call in the wrong function; without line information the one frame
   has none, and escape-prof shows the symbol).  */
static void
print_place (const struct dwarf_query *query, const char *symbol)
{
  printf ("%lx\t%s", (unsigned long) query->pc + 1, symbol ? symbol : "-");
  size_t whole = 0;
  while (whole < query->nframes && query->frames[whole].file != NULL
	 && query->frames[whole].line > 0)
    whole++;
  for (size_t i = 0; whole == query->nframes && i < query->nframes; i++)
    {
      const struct dwarf_frame *f = &query->frames[i];
      printf ("\t%s\t%s\t%u", f->function ? f->function : "-", f->file,
	      f->line);
    }
  putchar ('\n');
}

int
main (int argc, char **argv)
{
  if (argc != 2)
    {
      fputs ("usage: escape-prof-lines MODULE < ADDRESSES\n", stderr);
      return 2;
    }
  const char *module = argv[1];
  /* libbacktrace says nothing of a module it cannot find.  */
  FILE *readable = fopen (module, "rb");
  if (readable == NULL)
    {
      fprintf (stderr, "escape-prof-lines: %s: %s\n", module,
	       strerror (errno));
      return 2;
    }
  fclose (readable);
  size_t n;
  struct dwarf_query *queries = read_queries (&n);
  struct lookup lookup = { module, NULL, NULL };
  struct backtrace_state *state
    = backtrace_create_state (module, 0, complain, &lookup);
  if (state == NULL)
    return 2;
  int placed = dwarf_place (module, queries, n);
  for (size_t i = 0; i < n; i++)
    {
      lookup.query = &queries[i];
      lookup.symbol = NULL;
      if (!placed)
	backtrace_pcinfo (state, queries[i].pc, keep_frame, complain,
			  &lookup);
      backtrace_syminfo (state, queries[i].pc, keep_symbol, complain,
			 &lookup);
      /* A line in no function of the debug info (code that identical
	 code folding made an alias of another) is in the symbol's, as
	 addr2line says.  */
      if (queries[i].nframes == 1 && queries[i].frames[0].function == NULL)
	queries[i].frames[0].function = lookup.symbol;
      print_place (&queries[i], lookup.symbol);
    }
  return ferror (stdout) || fflush (stdout) != 0 ? 2 : 0;
}
