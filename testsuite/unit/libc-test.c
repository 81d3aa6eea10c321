/* libc-test.c -- unit test of the libc knowledge table (escape-libc.c).

   Build and run from the top of the tree:
     cc -std=c11 -Wall -Wextra -Werror -Iplugin \
	testsuite/unit/libc-test.c plugin/escape-libc.c && ./a.out

   Checks the table's shape (sorted, in range, consistent) for every entry,
   then the semantics of a few functions one by one.  Prints "N passed,
   N failed" last and exits non-zero on any failure.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape-libc.h"

static unsigned passed, failed;

/* Counts one check; reports a failed one with its context.  */

static void
check (int ok, const char *what, const char *name, int line)
{
  if (ok)
    passed++;
  else
    {
      failed++;
      printf ("FAIL line %d: %s%s%s\n", line, name ? name : "",
	      name ? ": " : "", what);
    }
}

#define CHECK(cond) check ((cond) != 0, #cond, NULL, __LINE__)
#define CHECK_FN(fn, cond) check ((cond) != 0, #cond, (fn)->name, __LINE__)

/* Argument I's treatment, whether I is below ESC_LIBC_MAX_ARGS or not.  */

static int
arg_of (const struct esc_libc_fn *fn, int i)
{
  return i < ESC_LIBC_MAX_ARGS ? fn->arg[i] : fn->rest;
}

static int
valid_index (int i)
{
  return i == ESC_LIBC_NONE || (i >= 0 && i < ESC_LIBC_MAX_ARGS);
}

static int
has_arg (const struct esc_libc_fn *fn, enum esc_libc_arg kind)
{
  int i;

  for (i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    if (fn->arg[i] == kind)
      return 1;
  return fn->rest == kind;
}

/* The size arguments each allocator kind needs.  */

static int
sizes_needed (enum esc_libc_alloc alloc)
{
  switch (alloc)
    {
    case ESC_ALLOC_NONE:
    case ESC_ALLOC_STRDUP:
      return 0;
    case ESC_ALLOC_CALLOC:
    case ESC_ALLOC_REALLOC:	/* reallocarray: N * SIZE */
      return 2;
    default:
      return 1;
    }
}

/* Does FN move bytes from one buffer to another, so that a pointer's bytes
   may ride along: the mem, str and wcs copies and concatenations, their
   fortified forms, the multibyte and wide conversions of strings,
   strxfrm, swab and iconv?  Conversions of one character from a value
   (wctomb, btowc) take no buffer.  */

static int
copies_bytes (const char *name)
{
  static const char *const families[] = {
    "cpy", "strcat", "strncat", "strlcat", "wcscat", "wcsncat", "xfrm",
    "mbstowcs", "mbsrtowcs", "mbsnrtowcs", "mbtowc", "mbrtowc",
    "wcstombs", "wcsrtombs", "wcsnrtombs", "swab", "iconv", "bcopy"
  };
  size_t i;
  if (strcmp (name, "iconv_open") == 0 || strcmp (name, "iconv_close") == 0)
    return 0;
  for (i = 0; i < sizeof families / sizeof families[0]; i++)
    if (strstr (name, families[i]))
      return 1;
  return 0;
}

/* Fields in range and coherent with each other.  */

static void
check_entry (const struct esc_libc_fn *fn)
{
  int i, sizes;

  CHECK_FN (fn, fn->name != NULL && fn->name[0] != '\0');
  CHECK_FN (fn, fn->result <= ESC_RES_ALLOC);
  CHECK_FN (fn, fn->alloc <= ESC_ALLOC_STRNDUP);
  for (i = 0; i < ESC_LIBC_MAX_ARGS; i++)
    CHECK_FN (fn, fn->arg[i] <= ESC_ARG_HEAP);
  CHECK_FN (fn, fn->rest <= ESC_ARG_HEAP);
  CHECK_FN (fn, valid_index (fn->size_arg[0]));
  CHECK_FN (fn, valid_index (fn->size_arg[1]));
  CHECK_FN (fn, valid_index (fn->copy_from));
  CHECK_FN (fn, valid_index (fn->copy_to));
  CHECK_FN (fn, valid_index (fn->store_arg));
  CHECK_FN (fn, valid_index (fn->store_into));
  CHECK_FN (fn, valid_index (fn->callback));

  if (copies_bytes (fn->name))
    CHECK_FN (fn, fn->copy_from != ESC_LIBC_NONE);

  /* Index pairs go together.  */
  CHECK_FN (fn, (fn->copy_from == ESC_LIBC_NONE)
		== (fn->copy_to == ESC_LIBC_NONE));
  CHECK_FN (fn, fn->copy_from == ESC_LIBC_NONE
		|| fn->copy_from != fn->copy_to);
  CHECK_FN (fn, (fn->store_arg == ESC_LIBC_NONE)
		== (fn->store_into == ESC_LIBC_NONE));
  CHECK_FN (fn, fn->store_arg == ESC_LIBC_NONE
		|| fn->store_arg != fn->store_into);

  /* A callback exactly when something is passed to it.  */
  CHECK_FN (fn, (fn->callback != ESC_LIBC_NONE)
		== has_arg (fn, ESC_ARG_CALLBACK));
  if (fn->callback >= 0 && fn->callback < ESC_LIBC_MAX_ARGS)
    CHECK_FN (fn, fn->arg[(int) fn->callback] == ESC_ARG_NOT_KEPT);

  /* RETURNED arguments and an ESC_RES_ARGS result go together.  */
  if (has_arg (fn, ESC_ARG_RETURNED))
    CHECK_FN (fn, fn->result == ESC_RES_ARGS);
  if (fn->result == ESC_RES_ARGS)
    CHECK_FN (fn, has_arg (fn, ESC_ARG_RETURNED)
		  || has_arg (fn, ESC_ARG_CALLBACK));

  /* Allocators: a fresh result (posix_memalign stores it instead), and
     no size argument their kind does not use.  A size may be left NONE
     when it is not an argument (pvalloc rounds up to a page): it is then
     unknown.  */
  if (fn->alloc == ESC_ALLOC_POSIX_MEMALIGN)
    CHECK_FN (fn, fn->result == ESC_RES_NONE);
  else
    CHECK_FN (fn, (fn->alloc != ESC_ALLOC_NONE)
		  == (fn->result == ESC_RES_ALLOC));
  sizes = sizes_needed (fn->alloc);
  CHECK_FN (fn, fn->size_arg[0] == ESC_LIBC_NONE || sizes >= 1);
  CHECK_FN (fn, fn->size_arg[1] == ESC_LIBC_NONE || sizes >= 2);
  CHECK_FN (fn, fn->size_arg[1] == ESC_LIBC_NONE
		|| fn->size_arg[0] != ESC_LIBC_NONE);
  CHECK_FN (fn, (fn->alloc == ESC_ALLOC_REALLOC)
		== (fn->arg[0] == ESC_ARG_REALLOC));
  CHECK_FN (fn, fn->rest != ESC_ARG_REALLOC);
  /* A copy through a buffer's pointer is a copy.  */
  CHECK_FN (fn, !(fn->copy_from_via || fn->copy_to_via)
		|| (fn->copy_from != ESC_LIBC_NONE
		    && fn->copy_to != ESC_LIBC_NONE));

  /* The table has "__builtin_" names only for builtins without a library
     counterpart, which would otherwise be shadowed.  */
  if (strncmp (fn->name, "__builtin_", 10) == 0)
    CHECK_FN (fn, esc_libc_lookup (fn->name + 10) == NULL
		  || strncmp (fn->name + 10, "__builtin_", 10) == 0);

  /* Lookup finds the entry itself.  */
  CHECK_FN (fn, esc_libc_lookup (fn->name) == fn);
}

static void
test_table (void)
{
  unsigned i, n = esc_libc_count ();

  CHECK (n >= 150);
  CHECK (esc_libc_entry (n) == NULL);
  for (i = 0; i < n; i++)
    {
      const struct esc_libc_fn *fn = esc_libc_entry (i);

      CHECK (fn != NULL);
      if (fn == NULL)
	continue;
      check_entry (fn);
      /* Strictly sorted: bsearch depends on it, and equal names would be
	 duplicates.  */
      if (i > 0)
	CHECK_FN (fn, strcmp (esc_libc_entry (i - 1)->name, fn->name) < 0);
    }
}

/* The entry for NAME, counted as a failure when missing.  */

static const struct esc_libc_fn *
get (const char *name, int line)
{
  const struct esc_libc_fn *fn = esc_libc_lookup (name);

  check (fn != NULL, "in the table", name, line);
  return fn;
}

#define GET(var, name) \
  const struct esc_libc_fn *var = get (name, __LINE__); \
  if (var == NULL) \
    return

static void
test_strings (void)
{
  GET (memcpy, "memcpy");
  GET (bcopy, "bcopy");
  GET (strcpy, "strcpy");
  GET (strchr, "strchr");
  GET (strtok, "strtok");
  GET (strtok_r, "strtok_r");
  GET (strtol, "strtol");
  GET (strdup, "strdup");
  GET (strndup, "strndup");

  CHECK_FN (memcpy, memcpy->result == ESC_RES_ARGS);
  CHECK_FN (memcpy, memcpy->arg[0] == ESC_ARG_RETURNED);
  CHECK_FN (memcpy, memcpy->arg[1] == ESC_ARG_NOT_KEPT);
  CHECK_FN (memcpy, memcpy->copy_from == 1 && memcpy->copy_to == 0);
  CHECK_FN (bcopy, bcopy->copy_from == 0 && bcopy->copy_to == 1);
  CHECK_FN (bcopy, bcopy->result == ESC_RES_NONE);

  CHECK_FN (strcpy, strcpy->result == ESC_RES_ARGS);
  CHECK_FN (strcpy, strcpy->arg[0] == ESC_ARG_RETURNED);
  CHECK_FN (strcpy, strcpy->arg[1] == ESC_ARG_NOT_KEPT);

  CHECK_FN (strchr, strchr->result == ESC_RES_ARGS);
  CHECK_FN (strchr, strchr->arg[0] == ESC_ARG_RETURNED);

  /* strtok keeps its string for the next call.  */
  CHECK_FN (strtok, strtok->arg[0] == ESC_ARG_KEPT);
  CHECK_FN (strtok, strtok->result == ESC_RES_STATIC);

  CHECK_FN (strtok_r, strtok_r->result == ESC_RES_ARGS);
  CHECK_FN (strtok_r, strtok_r->arg[0] == ESC_ARG_RETURNED);
  CHECK_FN (strtok_r, strtok_r->store_arg == 0
		      && strtok_r->store_into == 2);

  CHECK_FN (strtol, strtol->result == ESC_RES_NONE);
  CHECK_FN (strtol, strtol->store_arg == 0 && strtol->store_into == 1);
  CHECK_FN (strtol, strtol->arg[0] == ESC_ARG_NOT_KEPT);

  CHECK_FN (strdup, strdup->result == ESC_RES_ALLOC);
  CHECK_FN (strdup, strdup->alloc == ESC_ALLOC_STRDUP);
  CHECK_FN (strdup, strdup->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (strndup, strndup->alloc == ESC_ALLOC_STRNDUP);
  CHECK_FN (strndup, strndup->size_arg[0] == 1);
}

static void
test_allocators (void)
{
  GET (fn_free, "free");
  GET (fn_malloc, "malloc");
  GET (fn_calloc, "calloc");
  GET (fn_realloc, "realloc");
  GET (fn_pm, "posix_memalign");
  GET (fn_ra, "reallocarray");
  GET (fn_aligned, "aligned_alloc");
  GET (fn_getline, "getline");

  CHECK_FN (fn_free, fn_free->arg[0] == ESC_ARG_FREED);
  CHECK_FN (fn_malloc, fn_malloc->alloc == ESC_ALLOC_MALLOC);
  CHECK_FN (fn_malloc, fn_malloc->size_arg[0] == 0);
  CHECK_FN (fn_calloc, fn_calloc->result == ESC_RES_ALLOC);
  CHECK_FN (fn_calloc, fn_calloc->alloc == ESC_ALLOC_CALLOC);
  CHECK_FN (fn_calloc, fn_calloc->size_arg[0] == 0
		       && fn_calloc->size_arg[1] == 1);
  CHECK_FN (fn_realloc, fn_realloc->result == ESC_RES_ALLOC);
  CHECK_FN (fn_realloc, fn_realloc->alloc == ESC_ALLOC_REALLOC);
  CHECK_FN (fn_realloc, fn_realloc->arg[0] == ESC_ARG_REALLOC);
  CHECK_FN (fn_realloc, fn_realloc->size_arg[0] == 1);
  CHECK_FN (fn_pm, fn_pm->result == ESC_RES_NONE);
  CHECK_FN (fn_pm, fn_pm->alloc == ESC_ALLOC_POSIX_MEMALIGN);
  CHECK_FN (fn_pm, fn_pm->size_arg[0] == 2);
  CHECK_FN (fn_ra, fn_ra->alloc == ESC_ALLOC_REALLOC);
  CHECK_FN (fn_ra, fn_ra->arg[0] == ESC_ARG_REALLOC);
  CHECK_FN (fn_ra, fn_ra->size_arg[0] == 1);
  CHECK_FN (fn_ra, fn_ra->size_arg[1] == 2);
  CHECK_FN (fn_aligned, fn_aligned->alloc == ESC_ALLOC_ALIGNED);
  CHECK_FN (fn_aligned, fn_aligned->size_arg[0] == 1);
  CHECK_FN (fn_getline, fn_getline->arg[0] == ESC_ARG_CONTENT_KEPT);
}

static void
test_stdlib_stdio (void)
{
  GET (qsort, "qsort");
  GET (bsearch, "bsearch");
  GET (getenv, "getenv");
  GET (putenv, "putenv");
  GET (setenv, "setenv");
  GET (atexit, "atexit");
  GET (realpath, "realpath");
  GET (fopen, "fopen");
  GET (fgets, "fgets");
  GET (setvbuf, "setvbuf");
  GET (setbuf, "setbuf");

  CHECK_FN (qsort, qsort->arg[0] == ESC_ARG_CALLBACK);
  CHECK_FN (qsort, qsort->callback == 3);
  CHECK_FN (qsort, qsort->result == ESC_RES_NONE);
  CHECK_FN (bsearch, bsearch->arg[0] == ESC_ARG_CALLBACK);
  CHECK_FN (bsearch, bsearch->arg[1] == ESC_ARG_CALLBACK);
  CHECK_FN (bsearch, bsearch->callback == 4);
  CHECK_FN (bsearch, bsearch->result == ESC_RES_ARGS);

  CHECK_FN (getenv, getenv->result == ESC_RES_STATIC);
  CHECK_FN (putenv, putenv->arg[0] == ESC_ARG_KEPT);
  CHECK_FN (setenv, setenv->arg[0] == ESC_ARG_NOT_KEPT
		    && setenv->arg[1] == ESC_ARG_NOT_KEPT);
  CHECK_FN (atexit, atexit->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (realpath, realpath->result == ESC_RES_ARGS);
  CHECK_FN (realpath, realpath->arg[1] == ESC_ARG_RETURNED);

  CHECK_FN (fopen, fopen->result == ESC_RES_STATIC);
  CHECK_FN (fgets, fgets->result == ESC_RES_ARGS);
  CHECK_FN (fgets, fgets->arg[0] == ESC_ARG_RETURNED);
  CHECK_FN (setvbuf, setvbuf->arg[1] == ESC_ARG_KEPT);
  CHECK_FN (setvbuf, setvbuf->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (setbuf, setbuf->arg[1] == ESC_ARG_KEPT);
}

/* Variadic arguments: read by printf, written by scanf, in every
   position.  */

static void
test_variadic (void)
{
  int i;
  GET (printf, "printf");
  GET (sprintf, "sprintf");
  GET (scanf, "scanf");
  GET (sscanf, "sscanf");
  GET (vsscanf, "vsscanf");
  GET (isoc, "__isoc99_sscanf");

  for (i = 0; i < ESC_LIBC_MAX_ARGS + 2; i++)
    {
      CHECK_FN (printf, arg_of (printf, i) == ESC_ARG_NOT_KEPT);
      CHECK_FN (sprintf, arg_of (sprintf, i) == ESC_ARG_NOT_KEPT);
    }
  CHECK_FN (scanf, scanf->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (sscanf, sscanf->arg[0] == ESC_ARG_NOT_KEPT
		    && sscanf->arg[1] == ESC_ARG_NOT_KEPT);
  CHECK_FN (isoc, isoc->arg[0] == ESC_ARG_NOT_KEPT
		  && isoc->arg[1] == ESC_ARG_NOT_KEPT);
  for (i = 2; i < ESC_LIBC_MAX_ARGS + 2; i++)
    {
      CHECK_FN (scanf, arg_of (scanf, i - 1) == ESC_ARG_WRITTEN_UNKNOWN);
      CHECK_FN (sscanf, arg_of (sscanf, i) == ESC_ARG_WRITTEN_UNKNOWN);
      CHECK_FN (isoc, arg_of (isoc, i) == ESC_ARG_WRITTEN_UNKNOWN);
    }
  CHECK_FN (vsscanf, vsscanf->arg[2] == ESC_ARG_WRITTEN_UNKNOWN);
}

static void
test_threads (void)
{
  GET (create, "pthread_create");
  GET (setspecific, "pthread_setspecific");
  GET (join, "pthread_join");
  GET (lock, "pthread_mutex_init");

  CHECK_FN (create, create->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (create, create->arg[1] == ESC_ARG_NOT_KEPT);
  CHECK_FN (create, create->arg[3] == ESC_ARG_THREAD);
  CHECK_FN (setspecific, setspecific->arg[1] == ESC_ARG_KEPT);
  CHECK_FN (join, join->arg[1] == ESC_ARG_WRITTEN_UNKNOWN);
  CHECK_FN (lock, lock->arg[0] == ESC_ARG_NOT_KEPT);
}

/* Fortify variants, glibc internals and the "__builtin_" prefix.  */

static void
test_lookup (void)
{
  const struct esc_libc_fn *fn;
  GET (memcpy_chk, "__memcpy_chk");
  GET (sprintf_chk, "__sprintf_chk");
  GET (printf_chk, "__printf_chk");
  GET (errno_loc, "__errno_location");
  GET (expect, "__builtin_expect");

  CHECK (esc_libc_lookup ("__builtin_memcpy") == esc_libc_lookup ("memcpy"));
  CHECK (esc_libc_lookup ("__builtin___memcpy_chk") == memcpy_chk);
  CHECK (esc_libc_lookup ("__builtin_malloc") == esc_libc_lookup ("malloc"));
  CHECK_FN (memcpy_chk, memcpy_chk->arg[0] == ESC_ARG_RETURNED);
  CHECK_FN (memcpy_chk, memcpy_chk->copy_from == 1
			&& memcpy_chk->copy_to == 0);
  CHECK_FN (sprintf_chk, sprintf_chk->arg[0] == ESC_ARG_NOT_KEPT);
  CHECK_FN (sprintf_chk, arg_of (sprintf_chk, 7) == ESC_ARG_NOT_KEPT);
  CHECK_FN (printf_chk, printf_chk->rest == ESC_ARG_NOT_KEPT);
  CHECK_FN (errno_loc, errno_loc->result == ESC_RES_STATIC);
  CHECK_FN (expect, expect->result == ESC_RES_ARGS);
  CHECK_FN (expect, expect->arg[0] == ESC_ARG_RETURNED);

  /* Builtin-only names do not leak out without their prefix.  */
  CHECK (esc_libc_lookup ("expect") == NULL);

  CHECK (esc_libc_lookup ("no_such_function") == NULL);
  CHECK (esc_libc_lookup ("__builtin_") == NULL);
  CHECK (esc_libc_lookup ("__builtin_no_such_function") == NULL);
  CHECK (esc_libc_lookup ("") == NULL);
  CHECK (esc_libc_lookup (NULL) == NULL);
  CHECK (esc_libc_lookup ("memcpy_") == NULL);
  CHECK (esc_libc_lookup ("Memcpy") == NULL);
  /* alloca is the extractor's business.  */
  CHECK (esc_libc_lookup ("__builtin_alloca") == NULL);

  /* The first and the last entries are found too.  */
  fn = esc_libc_entry (0);
  CHECK (fn != NULL && esc_libc_lookup (fn->name) == fn);
  fn = esc_libc_entry (esc_libc_count () - 1);
  CHECK (fn != NULL && esc_libc_lookup (fn->name) == fn);
}

int
main (void)
{
  test_table ();
  test_strings ();
  test_allocators ();
  test_stdlib_stdio ();
  test_variadic ();
  test_threads ();
  test_lookup ();

  printf ("%u passed, %u failed\n", passed, failed);
  return failed != 0;
}
