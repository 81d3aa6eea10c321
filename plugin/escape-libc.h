/* escape-libc.h -- what the C library does with the pointers it is given.

   One table (escape-libc.c), looked up by name: for each function, what
   happens to each pointer argument, what the result points to, and which
   calls allocate.  The GIMPLE side turns an entry into constraints; nothing
   here knows about GCC.  Plain C11.  */

#ifndef ESCAPE_LIBC_H
#define ESCAPE_LIBC_H

#ifdef __cplusplus
extern "C" {
#endif

/* What the function does with one pointer argument.  */
enum esc_libc_arg
{
  ESC_ARG_NOT_KEPT = 0,	/* read or written during the call only */
  ESC_ARG_RETURNED,	/* the result may point into it (and it is not kept) */
  ESC_ARG_KEPT,		/* kept after the call returns (library state) */
  ESC_ARG_THREAD,	/* handed to another thread */
  ESC_ARG_FREED,	/* released (free): not an escape */
  ESC_ARG_REALLOC,	/* reallocated: gone after the call, contents moved */
  ESC_ARG_CONTENT_KEPT,	/* the pointer stored in *arg is kept or replaced
			   (getline's *lineptr): what it points to escapes and
			   *arg then points to unknown memory */
  ESC_ARG_WRITTEN_UNKNOWN, /* *arg may receive a pointer to unknown memory
			      (scanf's %p) */
  ESC_ARG_CALLBACK,	/* passed on to the callback argument; when the
			   result is ESC_RES_ARGS, it may also point into the
			   ESC_ARG_CALLBACK arguments (bsearch's base) */
  ESC_ARG_HEAP		/* must be heap memory: its allocator's bookkeeping
			   is read (malloc_usable_size) */
};

/* What the result points to.  */
enum esc_libc_result
{
  ESC_RES_NONE = 0,	/* not a pointer, or a pointer to nothing we track */
  ESC_RES_ARGS,		/* into the ESC_ARG_RETURNED arguments */
  ESC_RES_STATIC,	/* library-owned memory (getenv, strerror, stdin...):
			   what is stored there escapes */
  ESC_RES_ALLOC		/* a new allocation (see alloc) */
};

/* The allocators the report tracks.  */
enum esc_libc_alloc
{
  ESC_ALLOC_NONE = 0,
  ESC_ALLOC_MALLOC,	/* size = size_arg[0] */
  ESC_ALLOC_CALLOC,	/* size = size_arg[0] * size_arg[1] */
  ESC_ALLOC_REALLOC,	/* size = size_arg[0] (times size_arg[1] if any,
			   reallocarray); arg 0 reallocated */
  ESC_ALLOC_ALIGNED,	/* aligned_alloc, memalign: size = size_arg[0] */
  ESC_ALLOC_POSIX_MEMALIGN, /* result stored into *arg 0; size = size_arg[0] */
  ESC_ALLOC_STRDUP,	/* size = strlen (arg 0) + 1 */
  ESC_ALLOC_STRNDUP	/* size = min (strlen (arg 0), size_arg[0]) + 1 */
};

#define ESC_LIBC_MAX_ARGS 6
#define ESC_LIBC_NONE (-1)

struct esc_libc_fn
{
  const char *name;
  enum esc_libc_result result;
  enum esc_libc_alloc alloc;
  signed char size_arg[2];		/* 0-based, ESC_LIBC_NONE if unused */
  unsigned char arg[ESC_LIBC_MAX_ARGS];	/* enum esc_libc_arg, by position */
  unsigned char rest;			/* for variadic and further arguments */
  signed char copy_from, copy_to;	/* *copy_to receives a copy of
					   *copy_from (memcpy), or NONE */
  unsigned char copy_from_via, copy_to_via; /* 1 where that argument is
					   the address of the buffer's
					   pointer (iconv's &in, &out) */
  signed char store_arg, store_into;	/* a pointer into arg store_arg is
					   stored into *store_into (strtol's
					   endptr), or NONE */
  signed char callback;			/* function-pointer argument that is
					   called with the ESC_ARG_CALLBACK
					   arguments, or NONE */
};

/* The entry for NAME, with any "__builtin_" prefix ignored; NULL if the
   table does not know it.  */
const struct esc_libc_fn *esc_libc_lookup (const char *name);

/* How many entries the table has, and the Ith one (for tests and docs).  */
unsigned esc_libc_count (void);
const struct esc_libc_fn *esc_libc_entry (unsigned i);

#ifdef __cplusplus
}
#endif

#endif /* ESCAPE_LIBC_H */
