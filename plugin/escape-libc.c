/* escape-libc.c -- what the C library does with the pointers it is given.

   One table, sorted by name (strcmp order) and searched with bsearch.  The
   unit test (testsuite/unit/libc-test.c) checks that it stays sorted, so
   new entries go where they sort, not where they would be grouped.

   Rules followed by the entries:

     - soundness first: an argument the library may still hold after the
       call returns is KEPT, and so is one we are not sure about;
     - arguments that are not pointers are NK (ignored by the reader);
     - characters can carry a pointer's bytes (strncpy copies a pointer
       whose high bytes are zero), so every function that moves bytes
       from one buffer to another has copy_from/copy_to like the mem*
       copies: the str/wcs copies and concatenations and their fortified
       forms, the multibyte and wide conversions, strxfrm, swab, iconv; it
       costs nothing where the strings hold no pointer.  Where a buffer is
       given by the address of its pointer (iconv, mbsrtowcs) the entry
       says so (COPY_VIA), and the copy goes through that pointer;
     - what a write (fwrite, write, send...) sends leaves the program: the
       pointers in its buffer escape (CKEPT); what a read brings in may be
       any pointer (WUNK);
     - memory owned by the library (FILE, DIR, getenv, strerror...) is
       R_STAT: what is stored there escapes.  Fresh character buffers the
       report does not track (wcsdup, canonicalize_file_name, mmap) are
       R_STAT too: it is sound, and costs nothing as they hold no pointers;
     - for a variadic function the variadic positions below
       ESC_LIBC_MAX_ARGS repeat REST (see VA), so a reader may use arg[]
       for every position below ESC_LIBC_MAX_ARGS and rest past it;
     - synchronisation objects (mutexes, condition variables, semaphores)
       must stay alive while in use, but no call keeps a pointer to one
       after it returns: NK;
     - the glibc _FORTIFY_SOURCE variants (__memcpy_chk...) take the
       checked object size as an extra argument, last or after the flag,
       and otherwise behave as the function they check;
     - "__builtin_" names are only used for builtins that have no library
       counterpart (__builtin_expect); __builtin_memcpy finds memcpy.

   Plain C11, no GCC header.  */

#include <stdlib.h>
#include <string.h>

#include "escape-libc.h"

/* Short names, so that each entry fits on one line.  */
#define NK	ESC_ARG_NOT_KEPT
#define RET	ESC_ARG_RETURNED
#define KEPT	ESC_ARG_KEPT
#define THR	ESC_ARG_THREAD
#define FREED	ESC_ARG_FREED
#define REALC	ESC_ARG_REALLOC
#define CKEPT	ESC_ARG_CONTENT_KEPT
#define WUNK	ESC_ARG_WRITTEN_UNKNOWN
#define CB	ESC_ARG_CALLBACK

#define R_NONE	ESC_RES_NONE
#define R_ARGS	ESC_RES_ARGS
#define R_STAT	ESC_RES_STATIC
#define R_ALLOC	ESC_RES_ALLOC

#define NO	ESC_LIBC_NONE

/* Every field spelled out; the shorthands below fill in the rest.  ARGS
   are the arguments by position; positions not given are NK.  */
#define ENTRY(nm, res, al, s0, s1, rst, cf, ct, sa, si, cb, ...)	\
  { .name = (nm), .result = (res), .alloc = (al),			\
    .size_arg = { (s0), (s1) }, .arg = { __VA_ARGS__ },		\
    .rest = (rst), .copy_from = (cf), .copy_to = (ct),		\
    .store_arg = (sa), .store_into = (si), .callback = (cb) }

/* A function with a fixed argument list.  */
#define FN(nm, res, ...)						\
  ENTRY (nm, res, ESC_ALLOC_NONE, NO, NO, NK, NO, NO, NO, NO, NO,	\
	 __VA_ARGS__)

/* A function without arguments.  */
#define FN0(nm, res) FN (nm, res, NK)

/* A variadic function: the named arguments, then REST for the others.  */
#define VA(nm, res, rst, ...)						\
  ENTRY (nm, res, ESC_ALLOC_NONE, NO, NO, rst, NO, NO, NO, NO, NO,	\
	 ESC_FILL (rst, __VA_ARGS__))

/* *TO receives a copy of *FROM (memcpy).  */
#define COPY(nm, res, from, to, ...)					\
  ENTRY (nm, res, ESC_ALLOC_NONE, NO, NO, NK, from, to, NO, NO, NO,	\
	 __VA_ARGS__)

/* The same, where FROM_VIA (TO_VIA) is 1 if that argument is the address
   of the buffer's pointer: **TO receives a copy of **FROM (iconv).  */
#define COPY_VIA(nm, res, from, to, from_via, to_via, ...)		\
  { .name = (nm), .result = (res), .alloc = ESC_ALLOC_NONE,		\
    .size_arg = { NO, NO }, .arg = { __VA_ARGS__ }, .rest = NK,		\
    .copy_from = (from), .copy_to = (to), .copy_from_via = (from_via),	\
    .copy_to_via = (to_via), .store_arg = NO, .store_into = NO,		\
    .callback = NO }

/* A pointer into argument FROM is stored into *INTO (strtol's endptr).  */
#define STORE(nm, res, from, into, ...)					\
  ENTRY (nm, res, ESC_ALLOC_NONE, NO, NO, NK, NO, NO, from, into, NO,	\
	 __VA_ARGS__)

/* Argument CBARG is a function called with the CB arguments (qsort).  */
#define CALLS(nm, res, cbarg, ...)					\
  ENTRY (nm, res, ESC_ALLOC_NONE, NO, NO, NK, NO, NO, NO, NO, cbarg,	\
	 __VA_ARGS__)

/* An allocator returning the new block; sizes as enum esc_libc_alloc.  */
#define ALLOC(nm, al, s0, s1, ...)					\
  ENTRY (nm, R_ALLOC, al, s0, s1, NK, NO, NO, NO, NO, NO, __VA_ARGS__)

/* ESC_FILL (R, A, B) is A, B, R, R, R, R: the named arguments, then R up
   to ESC_LIBC_MAX_ARGS.  */
#define ESC_FILL(r, ...) \
  ESC_CAT (ESC_FILL_, ESC_NARGS (__VA_ARGS__)) (r, __VA_ARGS__)
#define ESC_NARGS(...) ESC_NARGS_ (__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define ESC_NARGS_(a, b, c, d, e, f, n, ...) n
#define ESC_CAT(a, b) ESC_CAT_ (a, b)
#define ESC_CAT_(a, b) a##b
#define ESC_FILL_1(r, a) a, r, r, r, r, r
#define ESC_FILL_2(r, a, b) a, b, r, r, r, r
#define ESC_FILL_3(r, a, b, c) a, b, c, r, r, r
#define ESC_FILL_4(r, a, b, c, d) a, b, c, d, r, r
#define ESC_FILL_5(r, a, b, c, d, e) a, b, c, d, e, r

_Static_assert (ESC_LIBC_MAX_ARGS == 6, "ESC_FILL assumes 6 arguments");
_Static_assert (ESC_ARG_CALLBACK <= 255, "enum esc_libc_arg fits a byte");

static const struct esc_libc_fn esc_libc_table[] =
{
  FN ("_Exit", R_NONE, NK),
  FN ("_IO_getc", R_NONE, NK),
  FN ("_IO_putc", R_NONE, NK, NK),
  VA ("__asprintf_chk", R_NONE, NK, WUNK, NK, NK),
  FN ("__assert", R_NONE, NK, NK, NK),
  FN ("__assert_fail", R_NONE, NK, NK, NK, NK),
  FN ("__assert_perror_fail", R_NONE, NK, NK, NK, NK),
  FN ("__builtin_assume_aligned", R_ARGS, RET, NK, NK),
  FN ("__builtin_constant_p", R_NONE, NK),
  FN ("__builtin_dynamic_object_size", R_NONE, NK, NK),
  FN ("__builtin_expect", R_ARGS, RET, NK),
  FN ("__builtin_expect_with_probability", R_ARGS, RET, NK, NK),
  FN ("__builtin_memcmp_eq", R_NONE, NK, NK, NK),
  FN ("__builtin_object_size", R_NONE, NK, NK),
  VA ("__builtin_prefetch", R_NONE, NK, NK),
  FN ("__builtin_strcmp_eq", R_NONE, NK, NK, NK),
  FN ("__builtin_strncmp_eq", R_NONE, NK, NK, NK),
  FN0 ("__builtin_trap", R_NONE),
  FN0 ("__builtin_unreachable", R_NONE),
  /* va_start stores pointers into the frame's argument areas into the
     va_list; the extractor models the variadic arguments itself.  */
  COPY ("__builtin_va_copy", R_NONE, 1, 0, NK, NK),
  FN ("__builtin_va_end", R_NONE, NK),
  VA ("__builtin_va_start", R_NONE, NK, NK),
  FN0 ("__chk_fail", R_NONE),
  FN ("__confstr_chk", R_NONE, NK, NK, NK, NK),
  FN0 ("__ctype_b_loc", R_STAT),
  FN0 ("__ctype_tolower_loc", R_STAT),
  FN0 ("__ctype_toupper_loc", R_STAT),
  FN ("__cxa_atexit", R_NONE, NK, KEPT, NK),
  VA ("__dprintf_chk", R_NONE, NK, NK, NK, NK),
  FN0 ("__errno_location", R_STAT),
  FN ("__explicit_bzero_chk", R_NONE, NK, NK, NK),
  FN ("__fdelt_chk", R_NONE, NK),
  FN ("__fgets_chk", R_ARGS, RET, NK, NK, NK),
  FN ("__fgets_unlocked_chk", R_ARGS, RET, NK, NK, NK),
  FN ("__fgetws_chk", R_ARGS, RET, NK, NK, NK),
  VA ("__fprintf_chk", R_NONE, NK, NK, NK, NK),
  FN ("__fread_chk", R_NONE, WUNK, NK, NK, NK, NK),
  FN ("__fread_unlocked_chk", R_NONE, WUNK, NK, NK, NK, NK),
  VA ("__fwprintf_chk", R_NONE, NK, NK, NK, NK),
  FN ("__fxstat", R_NONE, NK, NK, NK),
  FN ("__fxstat64", R_NONE, NK, NK, NK),
  FN ("__fxstatat", R_NONE, NK, NK, NK, NK, NK),
  FN ("__getcwd_chk", R_ARGS, RET, NK, NK),
  FN ("__getdelim", R_NONE, CKEPT, NK, NK, NK),
  FN ("__getgroups_chk", R_NONE, NK, NK, NK),
  FN ("__gethostname_chk", R_NONE, NK, NK, NK),
  FN ("__getlogin_r_chk", R_NONE, NK, NK, NK),
  FN ("__gets_chk", R_ARGS, RET, NK),
  FN0 ("__h_errno_location", R_STAT),
  VA ("__isoc23_fscanf", R_NONE, WUNK, NK, NK),
  VA ("__isoc23_scanf", R_NONE, WUNK, NK),
  VA ("__isoc23_sscanf", R_NONE, WUNK, NK, NK),
  STORE ("__isoc23_strtoimax", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_strtol", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_strtoll", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_strtoul", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_strtoull", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_strtoumax", R_NONE, 0, 1, NK, NK, NK),
  FN ("__isoc23_vfscanf", R_NONE, NK, NK, WUNK),
  FN ("__isoc23_vscanf", R_NONE, NK, WUNK),
  FN ("__isoc23_vsscanf", R_NONE, NK, NK, WUNK),
  STORE ("__isoc23_wcstol", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_wcstoll", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_wcstoul", R_NONE, 0, 1, NK, NK, NK),
  STORE ("__isoc23_wcstoull", R_NONE, 0, 1, NK, NK, NK),
  VA ("__isoc99_fscanf", R_NONE, WUNK, NK, NK),
  VA ("__isoc99_fwscanf", R_NONE, WUNK, NK, NK),
  VA ("__isoc99_scanf", R_NONE, WUNK, NK),
  VA ("__isoc99_sscanf", R_NONE, WUNK, NK, NK),
  VA ("__isoc99_swscanf", R_NONE, WUNK, NK, NK),
  FN ("__isoc99_vfscanf", R_NONE, NK, NK, WUNK),
  FN ("__isoc99_vfwscanf", R_NONE, NK, NK, WUNK),
  FN ("__isoc99_vscanf", R_NONE, NK, WUNK),
  FN ("__isoc99_vsscanf", R_NONE, NK, NK, WUNK),
  FN ("__isoc99_vswscanf", R_NONE, NK, NK, WUNK),
  FN ("__isoc99_vwscanf", R_NONE, NK, WUNK),
  VA ("__isoc99_wscanf", R_NONE, WUNK, NK),
  FN ("__lxstat", R_NONE, NK, NK, NK),
  FN ("__lxstat64", R_NONE, NK, NK, NK),
  COPY_VIA ("__mbsrtowcs_chk", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK, NK),
  COPY ("__mbstowcs_chk", R_NONE, 1, 0, NK, NK, NK, NK),
  COPY ("__memcpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__memmove_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__mempcpy", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__mempcpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  FN ("__memset_chk", R_ARGS, RET, NK, NK, NK),
  FN ("__open64_2", R_NONE, NK, NK),
  FN ("__open_2", R_NONE, NK, NK),
  FN ("__openat64_2", R_NONE, NK, NK, NK),
  FN ("__openat_2", R_NONE, NK, NK, NK),
  FN ("__overflow", R_NONE, NK, NK),
  FN ("__poll_chk", R_NONE, NK, NK, NK, NK),
  FN ("__ppoll_chk", R_NONE, NK, NK, NK, NK, NK),
  FN ("__pread64_chk", R_NONE, NK, WUNK, NK, NK, NK),
  FN ("__pread_chk", R_NONE, NK, WUNK, NK, NK, NK),
  VA ("__printf_chk", R_NONE, NK, NK, NK),
  /* pthread_cleanup_push links BUF into the thread's cleanup chain until
     the matching pthread_cleanup_pop.  */
  FN ("__pthread_register_cancel", R_NONE, KEPT),
  FN ("__pthread_unregister_cancel", R_NONE, NK),
  FN ("__ptsname_r_chk", R_NONE, NK, NK, NK, NK),
  FN ("__rawmemchr", R_ARGS, RET, NK),
  FN ("__read_chk", R_NONE, NK, WUNK, NK, NK),
  FN ("__readlink_chk", R_NONE, NK, NK, NK, NK),
  FN ("__readlinkat_chk", R_NONE, NK, NK, NK, NK, NK),
  FN ("__realpath_chk", R_ARGS, NK, RET, NK),
  FN ("__recv_chk", R_NONE, NK, WUNK, NK, NK, NK),
  FN ("__recvfrom_chk", R_NONE, NK, WUNK, NK, NK, NK, NK),
  FN ("__sigsetjmp", R_NONE, NK, NK),
  VA ("__snprintf_chk", R_NONE, NK, NK, NK, NK, NK, NK),
  VA ("__sprintf_chk", R_NONE, NK, NK, NK, NK, NK),
  FN0 ("__stack_chk_fail", R_NONE),
  COPY ("__stpcpy", R_ARGS, 1, 0, RET, NK),
  COPY ("__stpcpy_chk", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__stpncpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__strcat_chk", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__strcpy_chk", R_ARGS, 1, 0, RET, NK, NK),
  ALLOC ("__strdup", ESC_ALLOC_STRDUP, NO, NO, NK),
  COPY ("__strlcat_chk", R_NONE, 1, 0, NK, NK, NK, NK),
  COPY ("__strlcpy_chk", R_NONE, 1, 0, NK, NK, NK, NK),
  COPY ("__strncat_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__strncpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  ALLOC ("__strndup", ESC_ALLOC_STRNDUP, 1, NO, NK, NK),
  STORE ("__strtok_r", R_ARGS, 0, 2, RET, NK, NK),
  VA ("__swprintf_chk", R_NONE, NK, NK, NK, NK, NK, NK),
  VA ("__syslog_chk", R_NONE, NK, NK, NK, NK),
  FN ("__ttyname_r_chk", R_NONE, NK, NK, NK, NK),
  FN ("__uflow", R_NONE, NK),
  FN ("__vasprintf_chk", R_NONE, WUNK, NK, NK, NK),
  FN ("__vdprintf_chk", R_NONE, NK, NK, NK, NK),
  FN ("__vfprintf_chk", R_NONE, NK, NK, NK, NK),
  FN ("__vfwprintf_chk", R_NONE, NK, NK, NK, NK),
  FN ("__vprintf_chk", R_NONE, NK, NK, NK),
  FN ("__vsnprintf_chk", R_NONE, NK, NK, NK, NK, NK, NK),
  FN ("__vsprintf_chk", R_NONE, NK, NK, NK, NK, NK),
  FN ("__vswprintf_chk", R_NONE, NK, NK, NK, NK, NK, NK),
  FN ("__vsyslog_chk", R_NONE, NK, NK, NK, NK),
  FN ("__vwprintf_chk", R_NONE, NK, NK, NK),
  COPY ("__wcpcpy_chk", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__wcpncpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  FN ("__wcrtomb_chk", R_NONE, NK, NK, NK, NK),
  COPY ("__wcscat_chk", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__wcscpy_chk", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("__wcsncat_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__wcsncpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY_VIA ("__wcsrtombs_chk", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK, NK),
  COPY ("__wcstombs_chk", R_NONE, 1, 0, NK, NK, NK, NK),
  COPY ("__wmemcpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__wmemmove_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  COPY ("__wmempcpy_chk", R_ARGS, 1, 0, RET, NK, NK, NK),
  FN ("__wmemset_chk", R_ARGS, RET, NK, NK, NK),
  VA ("__wprintf_chk", R_NONE, NK, NK, NK),
  FN ("__xpg_basename", R_ARGS, RET),
  FN ("__xpg_strerror_r", R_NONE, NK, NK, NK),
  FN ("__xstat", R_NONE, NK, NK, NK),
  FN ("__xstat64", R_NONE, NK, NK, NK),
  FN ("_exit", R_NONE, NK),
  FN ("_longjmp", R_NONE, NK, NK),
  /* The jmp_buf holds registers and the stack pointer: no pointer to a
     user object outlives the frame through it.  */
  FN ("_setjmp", R_NONE, NK),
  FN ("a64l", R_NONE, NK),
  FN0 ("abort", R_NONE),
  FN ("abs", R_NONE, NK),
  FN ("accept", R_NONE, NK, NK, NK),
  FN ("accept4", R_NONE, NK, NK, NK, NK),
  FN ("access", R_NONE, NK, NK),
  FN ("aio_cancel", R_NONE, NK, NK),
  FN ("aio_error", R_NONE, NK),
  /* The request runs after the call returns: the control block and its
     buffer stay in use until aio_return.  */
  FN ("aio_fsync", R_NONE, NK, KEPT),
  FN ("aio_read", R_NONE, KEPT),
  FN ("aio_return", R_NONE, NK),
  FN ("aio_suspend", R_NONE, NK, NK, NK),
  FN ("aio_write", R_NONE, KEPT),
  FN ("alarm", R_NONE, NK),
  ALLOC ("aligned_alloc", ESC_ALLOC_ALIGNED, 1, NO, NK, NK),
  FN ("alphasort", R_NONE, NK, NK),
  FN ("asctime", R_STAT, NK),
  FN ("asctime_r", R_ARGS, NK, RET),
  /* *STRP receives a fresh buffer.  */
  VA ("asprintf", R_NONE, NK, WUNK, NK),
  /* Function pointers only: code is not data.  */
  FN ("at_quick_exit", R_NONE, NK),
  FN ("atexit", R_NONE, NK),
  FN ("atof", R_NONE, NK),
  FN ("atoi", R_NONE, NK),
  FN ("atol", R_NONE, NK),
  FN ("atoll", R_NONE, NK),
  FN ("basename", R_ARGS, RET),
  FN ("bcmp", R_NONE, NK, NK, NK),
  COPY ("bcopy", R_NONE, 0, 1, NK, NK, NK),
  FN ("bind", R_NONE, NK, NK, NK),
  /* The result points into BASE (CB arguments count as returned).  */
  CALLS ("bsearch", R_ARGS, 4, CB, CB, NK, NK, NK),
  FN ("btowc", R_NONE, NK),
  FN ("bzero", R_NONE, NK, NK),
  FN ("call_once", R_NONE, NK, NK),
  ALLOC ("calloc", ESC_ALLOC_CALLOC, 0, 1, NK, NK),
  FN ("canonicalize_file_name", R_STAT, NK),
  FN ("chdir", R_NONE, NK),
  FN ("chmod", R_NONE, NK, NK),
  FN ("chown", R_NONE, NK, NK, NK),
  FN0 ("clearenv", R_NONE),
  FN ("clearerr", R_NONE, NK),
  FN ("clearerr_unlocked", R_NONE, NK),
  FN0 ("clock", R_NONE),
  FN ("clock_getres", R_NONE, NK, NK),
  FN ("clock_gettime", R_NONE, NK, NK),
  FN ("clock_nanosleep", R_NONE, NK, NK, NK, NK),
  FN ("close", R_NONE, NK),
  FN ("closedir", R_NONE, NK),
  FN0 ("closelog", R_NONE),
  FN ("cnd_broadcast", R_NONE, NK),
  FN ("cnd_destroy", R_NONE, NK),
  FN ("cnd_init", R_NONE, NK),
  FN ("cnd_signal", R_NONE, NK),
  FN ("cnd_timedwait", R_NONE, NK, NK, NK),
  FN ("cnd_wait", R_NONE, NK, NK),
  FN ("confstr", R_NONE, NK, NK, NK),
  FN ("connect", R_NONE, NK, NK, NK),
  FN ("creat", R_NONE, NK, NK),
  FN ("creat64", R_NONE, NK, NK),
  FN ("ctermid", R_ARGS, RET),
  FN ("ctime", R_STAT, NK),
  FN ("ctime_r", R_ARGS, NK, RET),
  FN ("difftime", R_NONE, NK, NK),
  FN ("dirfd", R_NONE, NK),
  FN ("dirname", R_ARGS, RET),
  FN ("div", R_NONE, NK, NK),
  /* INFO receives library strings and addresses.  */
  FN ("dladdr", R_NONE, NK, WUNK),
  FN ("dlclose", R_NONE, NK),
  FN0 ("dlerror", R_STAT),
  FN ("dlopen", R_STAT, NK, NK),
  FN ("dlsym", R_STAT, NK, NK),
  FN ("dlvsym", R_STAT, NK, NK, NK),
  VA ("dprintf", R_NONE, NK, NK, NK),
  FN0 ("drand48", R_NONE),
  FN ("dup", R_NONE, NK),
  FN ("dup2", R_NONE, NK, NK),
  FN ("dup3", R_NONE, NK, NK, NK),
  FN ("duplocale", R_STAT, NK),
  FN0 ("endgrent", R_NONE),
  FN0 ("endpwent", R_NONE),
  FN ("epoll_create", R_NONE, NK),
  FN ("epoll_create1", R_NONE, NK),
  /* EVENT->data.ptr comes back from epoll_wait.  */
  FN ("epoll_ctl", R_NONE, NK, NK, NK, CKEPT),
  FN ("epoll_pwait", R_NONE, NK, WUNK, NK, NK, NK),
  FN ("epoll_wait", R_NONE, NK, WUNK, NK, NK),
  FN ("erand48", R_NONE, NK),
  VA ("err", R_NONE, NK, NK, NK),
  VA ("error", R_NONE, NK, NK, NK, NK),
  VA ("error_at_line", R_NONE, NK, NK, NK, NK, NK, NK),
  VA ("errx", R_NONE, NK, NK, NK),
  FN ("eventfd", R_NONE, NK, NK),
  FN ("eventfd_read", R_NONE, NK, NK),
  FN ("eventfd_write", R_NONE, NK, NK),
  /* The exec family replaces the process: nothing is kept by anyone.  */
  VA ("execl", R_NONE, NK, NK, NK),
  VA ("execle", R_NONE, NK, NK, NK),
  VA ("execlp", R_NONE, NK, NK, NK),
  FN ("execv", R_NONE, NK, NK),
  FN ("execve", R_NONE, NK, NK, NK),
  FN ("execvp", R_NONE, NK, NK),
  FN ("execvpe", R_NONE, NK, NK, NK),
  FN ("exit", R_NONE, NK),
  FN ("explicit_bzero", R_NONE, NK, NK),
  FN ("faccessat", R_NONE, NK, NK, NK, NK),
  FN ("fchdir", R_NONE, NK),
  FN ("fchmod", R_NONE, NK, NK),
  FN ("fchmodat", R_NONE, NK, NK, NK, NK),
  FN ("fchown", R_NONE, NK, NK, NK),
  FN ("fchownat", R_NONE, NK, NK, NK, NK, NK),
  FN ("fclose", R_NONE, NK),
  /* No command keeps its argument (struct flock, f_owner_ex...).  */
  VA ("fcntl", R_NONE, NK, NK, NK),
  FN ("fdatasync", R_NONE, NK),
  FN ("fdopen", R_STAT, NK, NK),
  FN ("fdopendir", R_STAT, NK),
  FN ("feof", R_NONE, NK),
  FN ("feof_unlocked", R_NONE, NK),
  FN ("ferror", R_NONE, NK),
  FN ("ferror_unlocked", R_NONE, NK),
  FN ("fexecve", R_NONE, NK, NK, NK),
  FN ("fflush", R_NONE, NK),
  FN ("fflush_unlocked", R_NONE, NK),
  FN ("ffs", R_NONE, NK),
  FN ("fgetc", R_NONE, NK),
  FN ("fgetc_unlocked", R_NONE, NK),
  FN ("fgetpos", R_NONE, NK, NK),
  FN ("fgetpos64", R_NONE, NK, NK),
  FN ("fgets", R_ARGS, RET, NK, NK),
  FN ("fgets_unlocked", R_ARGS, RET, NK, NK),
  FN ("fgetwc", R_NONE, NK),
  FN ("fgetws", R_ARGS, RET, NK, NK),
  FN ("fileno", R_NONE, NK),
  FN ("fileno_unlocked", R_NONE, NK),
  FN ("flockfile", R_NONE, NK),
  /* The stream reads and writes BUF until it is closed.  */
  FN ("fmemopen", R_STAT, KEPT, NK, NK),
  FN ("fnmatch", R_NONE, NK, NK, NK),
  FN ("fopen", R_STAT, NK, NK),
  FN ("fopen64", R_STAT, NK, NK),
  /* COOKIE is passed to the stream's functions until it is closed.  */
  FN ("fopencookie", R_STAT, KEPT, NK, NK),
  FN0 ("fork", R_NONE),
  FN ("fpathconf", R_NONE, NK, NK),
  VA ("fprintf", R_NONE, NK, NK, NK),
  FN ("fputc", R_NONE, NK, NK),
  FN ("fputc_unlocked", R_NONE, NK, NK),
  FN ("fputs", R_NONE, NK, NK),
  FN ("fputs_unlocked", R_NONE, NK, NK),
  FN ("fputwc", R_NONE, NK, NK),
  FN ("fputws", R_NONE, NK, NK),
  FN ("fread", R_NONE, WUNK, NK, NK, NK),
  FN ("fread_unlocked", R_NONE, WUNK, NK, NK, NK),
  FN ("free", R_NONE, FREED),
  FN ("freeaddrinfo", R_NONE, NK),
  FN ("freelocale", R_NONE, NK),
  FN ("freopen", R_STAT, NK, NK, NK),
  FN ("freopen64", R_STAT, NK, NK, NK),
  FN ("frexp", R_NONE, NK, NK),
  FN ("frexpf", R_NONE, NK, NK),
  FN ("frexpl", R_NONE, NK, NK),
  VA ("fscanf", R_NONE, WUNK, NK, NK),
  FN ("fseek", R_NONE, NK, NK, NK),
  FN ("fseeko", R_NONE, NK, NK, NK),
  FN ("fseeko64", R_NONE, NK, NK, NK),
  FN ("fsetpos", R_NONE, NK, NK),
  FN ("fsetpos64", R_NONE, NK, NK),
  FN ("fstat", R_NONE, NK, NK),
  FN ("fstat64", R_NONE, NK, NK),
  FN ("fstatat", R_NONE, NK, NK, NK, NK),
  FN ("fstatat64", R_NONE, NK, NK, NK, NK),
  FN ("fstatfs", R_NONE, NK, NK),
  FN ("fstatvfs", R_NONE, NK, NK),
  FN ("fsync", R_NONE, NK),
  FN ("ftell", R_NONE, NK),
  FN ("ftello", R_NONE, NK),
  FN ("ftello64", R_NONE, NK),
  FN ("ftruncate", R_NONE, NK, NK),
  FN ("ftruncate64", R_NONE, NK, NK),
  FN ("ftrylockfile", R_NONE, NK),
  FN ("funlockfile", R_NONE, NK),
  FN ("futimens", R_NONE, NK, NK),
  FN ("fwide", R_NONE, NK, NK),
  VA ("fwprintf", R_NONE, NK, NK, NK),
  FN ("fwrite", R_NONE, CKEPT, NK, NK, NK),
  FN ("fwrite_unlocked", R_NONE, CKEPT, NK, NK, NK),
  VA ("fwscanf", R_NONE, WUNK, NK, NK),
  FN ("gai_strerror", R_STAT, NK),
  /* A fresh malloc'd string the report does not track.  */
  FN0 ("get_current_dir_name", R_STAT),
  /* *RES receives a fresh list.  */
  FN ("getaddrinfo", R_NONE, NK, NK, NK, WUNK),
  FN ("getc", R_NONE, NK),
  FN ("getc_unlocked", R_NONE, NK),
  FN0 ("getchar", R_NONE),
  FN0 ("getchar_unlocked", R_NONE),
  /* Returns BUF, or a fresh malloc'd string when it is NULL.  */
  FN ("getcwd", R_ARGS, RET, NK),
  /* *LINEPTR may be freed and replaced by a larger buffer.  */
  FN ("getdelim", R_NONE, CKEPT, NK, NK, NK),
  FN0 ("getegid", R_NONE),
  FN ("getentropy", R_NONE, NK, NK),
  FN ("getenv", R_STAT, NK),
  FN0 ("geteuid", R_NONE),
  FN0 ("getgid", R_NONE),
  FN0 ("getgrent", R_STAT),
  FN ("getgrgid", R_STAT, NK),
  FN ("getgrnam", R_STAT, NK),
  FN ("getgrouplist", R_NONE, NK, NK, NK, NK),
  FN ("getgroups", R_NONE, NK, NK),
  FN ("gethostbyaddr", R_STAT, NK, NK, NK),
  FN ("gethostbyname", R_STAT, NK),
  FN ("gethostname", R_NONE, NK, NK),
  FN ("getitimer", R_NONE, NK, NK),
  FN ("getline", R_NONE, CKEPT, NK, NK),
  FN ("getloadavg", R_NONE, NK, NK),
  FN0 ("getlogin", R_STAT),
  FN ("getlogin_r", R_NONE, NK, NK),
  FN ("getnameinfo", R_NONE, NK, NK, NK, NK, NK, NK),
  /* optarg and the permuted ARGV keep pointing into ARGV's strings; glibc
     does not seem to keep OPTSTRING, but it is nearly always a literal.  */
  FN ("getopt", R_NONE, NK, KEPT, KEPT),
  FN ("getopt_long", R_NONE, NK, KEPT, KEPT, NK, NK),
  FN ("getopt_long_only", R_NONE, NK, KEPT, KEPT, NK, NK),
  FN0 ("getpagesize", R_NONE),
  FN ("getpass", R_STAT, NK),
  FN ("getpeername", R_NONE, NK, NK, NK),
  FN0 ("getpid", R_NONE),
  FN0 ("getppid", R_NONE),
  FN ("getprotobyname", R_STAT, NK),
  FN0 ("getpwent", R_STAT),
  FN ("getpwnam", R_STAT, NK),
  FN ("getpwuid", R_STAT, NK),
  FN ("getrandom", R_NONE, NK, NK, NK),
  FN ("getrlimit", R_NONE, NK, NK),
  FN ("getrusage", R_NONE, NK, NK),
  FN ("gets", R_ARGS, RET),
  FN ("getservbyname", R_STAT, NK, NK),
  FN ("getsockname", R_NONE, NK, NK, NK),
  FN ("getsockopt", R_NONE, NK, NK, NK, NK, NK),
  FN ("gettimeofday", R_NONE, NK, NK),
  FN0 ("getuid", R_NONE),
  FN ("getwc", R_NONE, NK),
  FN0 ("getwchar", R_NONE),
  FN ("getwd", R_ARGS, RET),
  FN ("glob", R_NONE, NK, NK, NK, WUNK),
  FN ("globfree", R_NONE, NK),
  FN ("gmtime", R_STAT, NK),
  /* Also sets tm_zone to a library string; it is immutable, so missing
     that target loses nothing.  Same for mktime and localtime_r.  */
  FN ("gmtime_r", R_ARGS, NK, RET),
  FN ("grantpt", R_NONE, NK),
  FN ("htonl", R_NONE, NK),
  FN ("htons", R_NONE, NK),
  COPY_VIA ("iconv", R_NONE, 1, 3, 1, 1, NK, NK, NK, NK, NK),
  FN ("iconv_close", R_NONE, NK),
  FN ("iconv_open", R_STAT, NK, NK),
  FN ("if_indextoname", R_ARGS, NK, RET),
  FN ("if_nametoindex", R_NONE, NK),
  FN ("index", R_ARGS, RET, NK),
  FN ("inet_addr", R_NONE, NK),
  FN ("inet_aton", R_NONE, NK, NK),
  FN ("inet_ntoa", R_STAT, NK),
  FN ("inet_ntop", R_ARGS, NK, NK, RET, NK),
  FN ("inet_pton", R_NONE, NK, NK, NK),
  /* Uses STATE as the generator's state from then on; returns the old
     state, the library's or an earlier caller's.  */
  FN ("initstate", R_STAT, NK, KEPT, NK),
  FN ("inotify_add_watch", R_NONE, NK, NK, NK),
  FN ("inotify_init1", R_NONE, NK),
  FN ("isalnum", R_NONE, NK),
  FN ("isalpha", R_NONE, NK),
  FN ("isascii", R_NONE, NK),
  FN ("isatty", R_NONE, NK),
  FN ("isblank", R_NONE, NK),
  FN ("iscntrl", R_NONE, NK),
  FN ("isdigit", R_NONE, NK),
  FN ("isgraph", R_NONE, NK),
  FN ("islower", R_NONE, NK),
  FN ("isprint", R_NONE, NK),
  FN ("ispunct", R_NONE, NK),
  FN ("isspace", R_NONE, NK),
  FN ("isupper", R_NONE, NK),
  FN ("iswalnum", R_NONE, NK),
  FN ("iswalpha", R_NONE, NK),
  FN ("iswblank", R_NONE, NK),
  FN ("iswcntrl", R_NONE, NK),
  FN ("iswctype", R_NONE, NK, NK),
  FN ("iswdigit", R_NONE, NK),
  FN ("iswgraph", R_NONE, NK),
  FN ("iswlower", R_NONE, NK),
  FN ("iswprint", R_NONE, NK),
  FN ("iswpunct", R_NONE, NK),
  FN ("iswspace", R_NONE, NK),
  FN ("iswupper", R_NONE, NK),
  FN ("iswxdigit", R_NONE, NK),
  FN ("isxdigit", R_NONE, NK),
  FN ("jrand48", R_NONE, NK),
  FN ("kill", R_NONE, NK, NK),
  FN ("labs", R_NONE, NK),
  FN ("lchown", R_NONE, NK, NK, NK),
  FN ("lcong48", R_NONE, NK),
  FN ("ldiv", R_NONE, NK, NK),
  CALLS ("lfind", R_ARGS, 4, CB, CB, NK, NK, NK),
  FN ("lgamma_r", R_NONE, NK, NK),
  FN ("link", R_NONE, NK, NK),
  FN ("linkat", R_NONE, NK, NK, NK, NK, NK),
  /* Like aio_read for each control block in LIST; SEVP as in
     timer_create.  */
  FN ("lio_listio", R_NONE, NK, CKEPT, NK, CKEPT),
  FN ("listen", R_NONE, NK, NK),
  FN ("llabs", R_NONE, NK),
  FN ("lldiv", R_NONE, NK, NK),
  FN0 ("localeconv", R_STAT),
  FN ("localtime", R_STAT, NK),
  FN ("localtime_r", R_ARGS, NK, RET),
  FN ("longjmp", R_NONE, NK, NK),
  FN0 ("lrand48", R_NONE),
  /* Appends a copy of *KEY to BASE if it is not found.  */
  ENTRY ("lsearch", R_ARGS, ESC_ALLOC_NONE, NO, NO, NK, 0, 1, NO, NO, 4,
	 CB, CB, NK, NK, NK),
  FN ("lseek", R_NONE, NK, NK, NK),
  FN ("lseek64", R_NONE, NK, NK, NK),
  FN ("lstat", R_NONE, NK, NK),
  FN ("lstat64", R_NONE, NK, NK),
  FN ("madvise", R_NONE, NK, NK, NK),
  ALLOC ("malloc", ESC_ALLOC_MALLOC, 0, NO, NK),
  FN ("malloc_usable_size", R_NONE, ESC_ARG_HEAP),
  FN ("mblen", R_NONE, NK, NK),
  FN ("mbrlen", R_NONE, NK, NK, NK),
  COPY ("mbrtowc", R_NONE, 1, 0, NK, NK, NK, NK),
  FN ("mbsinit", R_NONE, NK),
  COPY_VIA ("mbsnrtowcs", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK, NK),
  COPY_VIA ("mbsrtowcs", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK),
  COPY ("mbstowcs", R_NONE, 1, 0, NK, NK, NK),
  COPY ("mbtowc", R_NONE, 1, 0, NK, NK, NK),
  ALLOC ("memalign", ESC_ALLOC_ALIGNED, 1, NO, NK, NK),
  COPY ("memccpy", R_ARGS, 1, 0, RET, NK, NK, NK),
  FN ("memchr", R_ARGS, RET, NK, NK),
  FN ("memcmp", R_NONE, NK, NK, NK),
  COPY ("memcpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("memfrob", R_ARGS, RET, NK),
  FN ("memmem", R_ARGS, RET, NK, NK, NK),
  COPY ("memmove", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("mempcpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("memrchr", R_ARGS, RET, NK, NK),
  FN ("memset", R_ARGS, RET, NK, NK),
  FN ("mkdir", R_NONE, NK, NK),
  FN ("mkdirat", R_NONE, NK, NK, NK),
  FN ("mkdtemp", R_ARGS, RET),
  FN ("mkfifo", R_NONE, NK, NK),
  FN ("mkostemp", R_NONE, NK, NK),
  FN ("mkostemp64", R_NONE, NK, NK),
  FN ("mkstemp", R_NONE, NK),
  FN ("mkstemp64", R_NONE, NK),
  FN ("mkstemps", R_NONE, NK, NK),
  FN ("mktemp", R_ARGS, RET),
  FN ("mktime", R_NONE, NK),
  FN ("mlock", R_NONE, NK, NK),
  /* The mapping is untracked memory that other mappings may share.  */
  FN ("mmap", R_STAT, NK, NK, NK, NK, NK, NK),
  FN ("mmap64", R_STAT, NK, NK, NK, NK, NK, NK),
  FN ("modf", R_NONE, NK, NK),
  FN ("modff", R_NONE, NK, NK),
  FN ("modfl", R_NONE, NK, NK),
  FN ("mprotect", R_NONE, NK, NK, NK),
  FN0 ("mrand48", R_NONE),
  VA ("mremap", R_STAT, NK, NK, NK, NK, NK),
  FN ("msync", R_NONE, NK, NK, NK),
  FN ("mtx_destroy", R_NONE, NK),
  FN ("mtx_init", R_NONE, NK, NK),
  FN ("mtx_lock", R_NONE, NK),
  FN ("mtx_timedlock", R_NONE, NK, NK),
  FN ("mtx_trylock", R_NONE, NK),
  FN ("mtx_unlock", R_NONE, NK),
  FN ("munlock", R_NONE, NK, NK),
  FN ("munmap", R_NONE, NK, NK),
  FN ("nan", R_NONE, NK),
  FN ("nanf", R_NONE, NK),
  FN ("nanl", R_NONE, NK),
  FN ("nanosleep", R_NONE, NK, NK),
  FN ("newlocale", R_STAT, NK, NK, NK),
  FN ("nl_langinfo", R_STAT, NK),
  FN ("nrand48", R_NONE, NK),
  FN ("ntohl", R_NONE, NK),
  FN ("ntohs", R_NONE, NK),
  /* ARG is passed to the handler at exit.  */
  FN ("on_exit", R_NONE, NK, KEPT),
  VA ("open", R_NONE, NK, NK, NK),
  VA ("open64", R_NONE, NK, NK, NK),
  /* *PTR and *SIZELOC are updated at each fflush and at fclose.  */
  FN ("open_memstream", R_STAT, KEPT, KEPT),
  FN ("open_wmemstream", R_STAT, KEPT, KEPT),
  VA ("openat", R_NONE, NK, NK, NK, NK),
  VA ("openat64", R_NONE, NK, NK, NK, NK),
  FN ("opendir", R_STAT, NK),
  /* glibc keeps IDENT, not a copy, and prefixes every message with it.  */
  FN ("openlog", R_NONE, KEPT, NK, NK),
  FN ("pathconf", R_NONE, NK, NK),
  FN0 ("pause", R_NONE),
  FN ("pclose", R_NONE, NK),
  FN ("perror", R_NONE, NK),
  FN ("pipe", R_NONE, NK),
  FN ("pipe2", R_NONE, NK, NK),
  FN ("poll", R_NONE, NK, NK, NK),
  FN ("popen", R_STAT, NK, NK),
  /* The new block goes to *MEMPTR; the result is an error number.  */
  ENTRY ("posix_memalign", R_NONE, ESC_ALLOC_POSIX_MEMALIGN, 2, NO, NK,
	 NO, NO, NO, NO, NO, NK, NK, NK),
  FN ("posix_openpt", R_NONE, NK),
  FN ("posix_spawn", R_NONE, NK, NK, NK, NK, NK, NK),
  FN ("posix_spawnp", R_NONE, NK, NK, NK, NK, NK, NK),
  FN ("ppoll", R_NONE, NK, NK, NK, NK),
  FN ("pread", R_NONE, NK, WUNK, NK, NK),
  FN ("pread64", R_NONE, NK, WUNK, NK, NK),
  VA ("printf", R_NONE, NK, NK),
  FN ("pselect", R_NONE, NK, NK, NK, NK, NK, NK),
  FN ("psignal", R_NONE, NK, NK),
  FN ("pthread_atfork", R_NONE, NK, NK, NK),
  FN ("pthread_attr_destroy", R_NONE, NK),
  FN ("pthread_attr_getdetachstate", R_NONE, NK, NK),
  FN ("pthread_attr_getguardsize", R_NONE, NK, NK),
  /* *STACKADDR receives the stack given to pthread_attr_setstack.  */
  FN ("pthread_attr_getstack", R_NONE, NK, WUNK, NK),
  FN ("pthread_attr_getstacksize", R_NONE, NK, NK),
  FN ("pthread_attr_init", R_NONE, NK),
  FN ("pthread_attr_setaffinity_np", R_NONE, NK, NK, NK),
  FN ("pthread_attr_setdetachstate", R_NONE, NK, NK),
  FN ("pthread_attr_setguardsize", R_NONE, NK, NK),
  FN ("pthread_attr_setschedparam", R_NONE, NK, NK),
  FN ("pthread_attr_setschedpolicy", R_NONE, NK, NK),
  /* The new thread runs on STACKADDR.  */
  FN ("pthread_attr_setstack", R_NONE, NK, KEPT, NK),
  FN ("pthread_attr_setstacksize", R_NONE, NK, NK),
  FN ("pthread_barrier_destroy", R_NONE, NK),
  FN ("pthread_barrier_init", R_NONE, NK, NK, NK),
  FN ("pthread_barrier_wait", R_NONE, NK),
  FN ("pthread_cancel", R_NONE, NK),
  FN ("pthread_cond_broadcast", R_NONE, NK),
  FN ("pthread_cond_clockwait", R_NONE, NK, NK, NK, NK),
  FN ("pthread_cond_destroy", R_NONE, NK),
  FN ("pthread_cond_init", R_NONE, NK, NK),
  FN ("pthread_cond_signal", R_NONE, NK),
  FN ("pthread_cond_timedwait", R_NONE, NK, NK, NK),
  FN ("pthread_cond_wait", R_NONE, NK, NK),
  FN ("pthread_condattr_destroy", R_NONE, NK),
  FN ("pthread_condattr_init", R_NONE, NK),
  FN ("pthread_condattr_setclock", R_NONE, NK, NK),
  FN ("pthread_condattr_setpshared", R_NONE, NK, NK),
  /* *THREAD receives the id; ARG is handed to the new thread.  */
  FN ("pthread_create", R_NONE, NK, NK, NK, THR),
  FN ("pthread_detach", R_NONE, NK),
  FN ("pthread_equal", R_NONE, NK, NK),
  /* RETVAL goes to the thread that joins.  */
  FN ("pthread_exit", R_NONE, THR),
  FN ("pthread_getaffinity_np", R_NONE, NK, NK, NK),
  /* Fills ATTR with the thread's stack and a malloc'd cpuset.  */
  FN ("pthread_getattr_np", R_NONE, NK, WUNK),
  FN ("pthread_getname_np", R_NONE, NK, NK, NK),
  FN ("pthread_getschedparam", R_NONE, NK, NK, NK),
  FN ("pthread_getspecific", R_STAT, NK),
  /* *RETVAL receives what the thread returned.  */
  FN ("pthread_join", R_NONE, NK, WUNK),
  FN ("pthread_key_create", R_NONE, NK, NK),
  FN ("pthread_key_delete", R_NONE, NK),
  FN ("pthread_kill", R_NONE, NK, NK),
  FN ("pthread_mutex_consistent", R_NONE, NK),
  FN ("pthread_mutex_destroy", R_NONE, NK),
  FN ("pthread_mutex_init", R_NONE, NK, NK),
  FN ("pthread_mutex_lock", R_NONE, NK),
  FN ("pthread_mutex_timedlock", R_NONE, NK, NK),
  FN ("pthread_mutex_trylock", R_NONE, NK),
  FN ("pthread_mutex_unlock", R_NONE, NK),
  FN ("pthread_mutexattr_destroy", R_NONE, NK),
  FN ("pthread_mutexattr_gettype", R_NONE, NK, NK),
  FN ("pthread_mutexattr_init", R_NONE, NK),
  FN ("pthread_mutexattr_setprotocol", R_NONE, NK, NK),
  FN ("pthread_mutexattr_setpshared", R_NONE, NK, NK),
  FN ("pthread_mutexattr_setrobust", R_NONE, NK, NK),
  FN ("pthread_mutexattr_settype", R_NONE, NK, NK),
  FN ("pthread_once", R_NONE, NK, NK),
  FN ("pthread_rwlock_destroy", R_NONE, NK),
  FN ("pthread_rwlock_init", R_NONE, NK, NK),
  FN ("pthread_rwlock_rdlock", R_NONE, NK),
  FN ("pthread_rwlock_timedrdlock", R_NONE, NK, NK),
  FN ("pthread_rwlock_timedwrlock", R_NONE, NK, NK),
  FN ("pthread_rwlock_tryrdlock", R_NONE, NK),
  FN ("pthread_rwlock_trywrlock", R_NONE, NK),
  FN ("pthread_rwlock_unlock", R_NONE, NK),
  FN ("pthread_rwlock_wrlock", R_NONE, NK),
  FN ("pthread_rwlockattr_destroy", R_NONE, NK),
  FN ("pthread_rwlockattr_init", R_NONE, NK),
  FN0 ("pthread_self", R_NONE),
  FN ("pthread_setaffinity_np", R_NONE, NK, NK, NK),
  FN ("pthread_setcancelstate", R_NONE, NK, NK),
  FN ("pthread_setcanceltype", R_NONE, NK, NK),
  FN ("pthread_setname_np", R_NONE, NK, NK),
  FN ("pthread_setschedparam", R_NONE, NK, NK, NK),
  /* VALUE is returned by pthread_getspecific, in this thread, later.  */
  FN ("pthread_setspecific", R_NONE, NK, KEPT),
  FN ("pthread_sigmask", R_NONE, NK, NK, NK),
  FN ("pthread_spin_destroy", R_NONE, NK),
  FN ("pthread_spin_init", R_NONE, NK, NK),
  FN ("pthread_spin_lock", R_NONE, NK),
  FN ("pthread_spin_trylock", R_NONE, NK),
  FN ("pthread_spin_unlock", R_NONE, NK),
  FN0 ("pthread_testcancel", R_NONE),
  FN ("pthread_timedjoin_np", R_NONE, NK, WUNK, NK),
  FN ("pthread_tryjoin_np", R_NONE, NK, WUNK),
  FN ("ptsname", R_STAT, NK),
  FN ("ptsname_r", R_NONE, NK, NK, NK),
  FN ("putc", R_NONE, NK, NK),
  FN ("putc_unlocked", R_NONE, NK, NK),
  FN ("putchar", R_NONE, NK),
  FN ("putchar_unlocked", R_NONE, NK),
  FN ("putenv", R_NONE, KEPT),
  FN ("puts", R_NONE, NK),
  FN ("putwc", R_NONE, NK, NK),
  FN ("putwchar", R_NONE, NK),
  /* Rounds the size up to a whole page: unknown here.  */
  ALLOC ("pvalloc", ESC_ALLOC_ALIGNED, NO, NO, NK),
  FN ("pwrite", R_NONE, NK, CKEPT, NK, NK),
  FN ("pwrite64", R_NONE, NK, CKEPT, NK, NK),
  CALLS ("qsort", R_NONE, 3, CB, NK, NK, NK),
  CALLS ("qsort_r", R_NONE, 3, CB, NK, NK, NK, CB),
  FN ("quick_exit", R_NONE, NK),
  FN ("raise", R_NONE, NK),
  FN0 ("rand", R_NONE),
  FN ("rand_r", R_NONE, NK),
  FN0 ("random", R_NONE),
  FN ("rawmemchr", R_ARGS, RET, NK),
  FN ("read", R_NONE, NK, WUNK, NK),
  FN ("readdir", R_STAT, NK),
  FN ("readdir64", R_STAT, NK),
  /* *RESULT is set to ENTRY, or to NULL at the end.  */
  STORE ("readdir_r", R_NONE, 1, 2, NK, NK, NK),
  FN ("readlink", R_NONE, NK, NK, NK),
  FN ("readlinkat", R_NONE, NK, NK, NK, NK),
  FN ("readv", R_NONE, NK, WUNK, NK),
  ENTRY ("realloc", R_ALLOC, ESC_ALLOC_REALLOC, 1, NO, NK,
	 NO, NO, NO, NO, NO, REALC, NK),
  /* The size is N * SIZE: both size arguments.  */
  ENTRY ("reallocarray", R_ALLOC, ESC_ALLOC_REALLOC, 1, 2, NK,
	 NO, NO, NO, NO, NO, REALC, NK, NK),
  /* Returns RESOLVED, or a fresh malloc'd string when it is NULL.  */
  FN ("realpath", R_ARGS, NK, RET),
  FN ("recv", R_NONE, NK, WUNK, NK, NK),
  FN ("recvfrom", R_NONE, NK, WUNK, NK, NK, NK, NK),
  FN ("recvmmsg", R_NONE, NK, WUNK, NK, NK, NK),
  FN ("recvmsg", R_NONE, NK, WUNK, NK),
  FN ("regcomp", R_NONE, WUNK, NK, NK),
  FN ("regerror", R_NONE, NK, NK, NK, NK),
  FN ("regexec", R_NONE, NK, NK, NK, NK, NK),
  FN ("regfree", R_NONE, NK),
  FN ("remove", R_NONE, NK),
  FN ("remquo", R_NONE, NK, NK, NK),
  FN ("rename", R_NONE, NK, NK),
  FN ("renameat", R_NONE, NK, NK, NK, NK),
  FN ("rewind", R_NONE, NK),
  FN ("rewinddir", R_NONE, NK),
  FN ("rindex", R_ARGS, RET, NK),
  FN ("rmdir", R_NONE, NK),
  /* *NAMELIST receives a fresh array of fresh entries.  */
  FN ("scandir", R_NONE, NK, WUNK, NK, NK),
  FN ("scandir64", R_NONE, NK, WUNK, NK, NK),
  /* %p and %ms store pointers into the variadic arguments.  */
  VA ("scanf", R_NONE, WUNK, NK),
  FN ("sched_getaffinity", R_NONE, NK, NK, NK),
  FN ("sched_setaffinity", R_NONE, NK, NK, NK),
  FN0 ("sched_yield", R_NONE),
  FN ("secure_getenv", R_STAT, NK),
  FN ("seed48", R_STAT, NK),
  FN ("seekdir", R_NONE, NK, NK),
  FN ("select", R_NONE, NK, NK, NK, NK, NK),
  FN ("sem_close", R_NONE, NK),
  FN ("sem_destroy", R_NONE, NK),
  FN ("sem_getvalue", R_NONE, NK, NK),
  FN ("sem_init", R_NONE, NK, NK, NK),
  VA ("sem_open", R_STAT, NK, NK, NK),
  FN ("sem_post", R_NONE, NK),
  FN ("sem_timedwait", R_NONE, NK, NK),
  FN ("sem_trywait", R_NONE, NK),
  FN ("sem_unlink", R_NONE, NK),
  FN ("sem_wait", R_NONE, NK),
  FN ("send", R_NONE, NK, CKEPT, NK, NK),
  FN ("sendfile", R_NONE, NK, NK, NK, NK),
  FN ("sendmmsg", R_NONE, NK, CKEPT, NK, NK),
  FN ("sendmsg", R_NONE, NK, CKEPT, NK),
  FN ("sendto", R_NONE, NK, CKEPT, NK, NK, NK, NK),
  /* The stream uses BUF until it is closed.  */
  FN ("setbuf", R_NONE, NK, KEPT),
  FN ("setbuffer", R_NONE, NK, KEPT, NK),
  FN ("setenv", R_NONE, NK, NK, NK),
  FN ("setgid", R_NONE, NK),
  FN0 ("setgrent", R_NONE),
  FN ("sethostname", R_NONE, NK, NK),
  FN ("setitimer", R_NONE, NK, NK, NK),
  FN ("setjmp", R_NONE, NK),
  FN ("setlinebuf", R_NONE, NK),
  FN ("setlocale", R_STAT, NK, NK),
  FN ("setlogmask", R_NONE, NK),
  FN ("setpgid", R_NONE, NK, NK),
  FN0 ("setpwent", R_NONE),
  FN ("setrlimit", R_NONE, NK, NK),
  FN0 ("setsid", R_NONE),
  FN ("setsockopt", R_NONE, NK, NK, NK, NK, NK),
  FN ("setstate", R_STAT, KEPT),
  FN ("settimeofday", R_NONE, NK, NK),
  FN ("setuid", R_NONE, NK),
  /* Like setbuf.  */
  FN ("setvbuf", R_NONE, NK, KEPT, NK, NK),
  FN ("shutdown", R_NONE, NK, NK),
  FN ("sigabbrev_np", R_STAT, NK),
  FN ("sigaction", R_NONE, NK, NK, NK),
  FN ("sigaddset", R_NONE, NK, NK),
  /* The kernel runs handlers on SS->ss_sp from then on; *OLD receives
     the previous stack.  */
  FN ("sigaltstack", R_NONE, CKEPT, WUNK),
  FN ("sigdelset", R_NONE, NK, NK),
  FN ("sigdescr_np", R_STAT, NK),
  FN ("sigemptyset", R_NONE, NK),
  FN ("sigfillset", R_NONE, NK),
  FN ("sigismember", R_NONE, NK, NK),
  FN ("siglongjmp", R_NONE, NK, NK),
  FN ("signal", R_NONE, NK, NK),
  FN ("sigpending", R_NONE, NK),
  FN ("sigprocmask", R_NONE, NK, NK, NK),
  FN ("sigsetjmp", R_NONE, NK, NK),
  FN ("sigsuspend", R_NONE, NK),
  /* INFO->si_value may carry another process's or thread's pointer.  */
  FN ("sigtimedwait", R_NONE, NK, WUNK, NK),
  FN ("sigwait", R_NONE, NK, NK),
  FN ("sigwaitinfo", R_NONE, NK, WUNK),
  FN ("sincos", R_NONE, NK, NK, NK),
  FN ("sleep", R_NONE, NK),
  VA ("snprintf", R_NONE, NK, NK, NK, NK),
  FN ("socket", R_NONE, NK, NK, NK),
  FN ("socketpair", R_NONE, NK, NK, NK, NK),
  VA ("sprintf", R_NONE, NK, NK, NK),
  FN ("srand", R_NONE, NK),
  FN ("srand48", R_NONE, NK),
  FN ("srandom", R_NONE, NK),
  VA ("sscanf", R_NONE, WUNK, NK, NK),
  FN ("stat", R_NONE, NK, NK),
  FN ("stat64", R_NONE, NK, NK),
  FN ("statfs", R_NONE, NK, NK),
  FN ("statvfs", R_NONE, NK, NK),
  COPY ("stpcpy", R_ARGS, 1, 0, RET, NK),
  COPY ("stpncpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("strcasecmp", R_NONE, NK, NK),
  FN ("strcasestr", R_ARGS, RET, NK),
  COPY ("strcat", R_ARGS, 1, 0, RET, NK),
  FN ("strchr", R_ARGS, RET, NK),
  FN ("strchrnul", R_ARGS, RET, NK),
  FN ("strcmp", R_NONE, NK, NK),
  FN ("strcoll", R_NONE, NK, NK),
  COPY ("strcpy", R_ARGS, 1, 0, RET, NK),
  FN ("strcspn", R_NONE, NK, NK),
  ALLOC ("strdup", ESC_ALLOC_STRDUP, NO, NO, NK),
  FN ("strerror", R_STAT, NK),
  FN ("strerror_l", R_STAT, NK, NK),
  /* The GNU strerror_r returns BUF or an immutable string.  */
  FN ("strerror_r", R_ARGS, NK, RET, NK),
  FN ("strerrordesc_np", R_STAT, NK),
  FN ("strerrorname_np", R_STAT, NK),
  FN ("strfromd", R_NONE, NK, NK, NK, NK),
  FN ("strfromf", R_NONE, NK, NK, NK, NK),
  FN ("strfry", R_ARGS, RET),
  FN ("strftime", R_NONE, NK, NK, NK, NK),
  COPY ("strlcat", R_NONE, 1, 0, NK, NK, NK),
  COPY ("strlcpy", R_NONE, 1, 0, NK, NK, NK),
  FN ("strlen", R_NONE, NK),
  FN ("strncasecmp", R_NONE, NK, NK, NK),
  COPY ("strncat", R_ARGS, 1, 0, RET, NK, NK),
  FN ("strncmp", R_NONE, NK, NK, NK),
  COPY ("strncpy", R_ARGS, 1, 0, RET, NK, NK),
  ALLOC ("strndup", ESC_ALLOC_STRNDUP, 1, NO, NK, NK),
  FN ("strnlen", R_NONE, NK, NK),
  FN ("strpbrk", R_ARGS, RET, NK),
  FN ("strptime", R_ARGS, RET, NK, NK),
  FN ("strrchr", R_ARGS, RET, NK),
  /* Returns the old *STRINGP, i.e. into **arg 0, which no field can say:
     let the string escape and the result be library memory.  */
  FN ("strsep", R_STAT, CKEPT, NK),
  FN ("strsignal", R_STAT, NK),
  FN ("strspn", R_NONE, NK, NK),
  FN ("strstr", R_ARGS, RET, NK),
  STORE ("strtod", R_NONE, 0, 1, NK, NK),
  STORE ("strtof", R_NONE, 0, 1, NK, NK),
  STORE ("strtoimax", R_NONE, 0, 1, NK, NK, NK),
  /* Keeps STR in static state for the next strtok (NULL, ...) call, which
     returns into it: hence a static result.  */
  FN ("strtok", R_STAT, KEPT, NK),
  /* *SAVEPTR points into STR.  A strtok_r (NULL, d, &save) call returns
     into **SAVEPTR: a reader must let the result of an entry with both
     R_ARGS and store_into point where *store_into points too.  */
  STORE ("strtok_r", R_ARGS, 0, 2, RET, NK, NK),
  STORE ("strtol", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtold", R_NONE, 0, 1, NK, NK),
  STORE ("strtoll", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtoq", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtoul", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtoull", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtoumax", R_NONE, 0, 1, NK, NK, NK),
  STORE ("strtouq", R_NONE, 0, 1, NK, NK, NK),
  FN ("strverscmp", R_NONE, NK, NK),
  COPY ("strxfrm", R_NONE, 1, 0, NK, NK, NK),
  COPY ("swab", R_NONE, 0, 1, NK, NK, NK),
  VA ("swprintf", R_NONE, NK, NK, NK, NK),
  VA ("swscanf", R_NONE, WUNK, NK, NK),
  FN ("symlink", R_NONE, NK, NK),
  FN ("symlinkat", R_NONE, NK, NK, NK),
  FN0 ("sync", R_NONE),
  FN ("sysconf", R_NONE, NK),
  FN ("sysinfo", R_NONE, NK),
  VA ("syslog", R_NONE, NK, NK, NK),
  FN ("system", R_NONE, NK),
  CALLS ("tdelete", R_STAT, 2, CB, CKEPT, NK),
  CALLS ("tdestroy", R_NONE, 1, CB, NK),
  FN ("telldir", R_NONE, NK),
  CALLS ("tfind", R_STAT, 2, CB, NK, NK),
  FN ("thrd_create", R_NONE, NK, NK, THR),
  FN0 ("thrd_current", R_NONE),
  FN ("thrd_detach", R_NONE, NK),
  FN ("thrd_equal", R_NONE, NK, NK),
  FN ("thrd_exit", R_NONE, NK),
  FN ("thrd_join", R_NONE, NK, NK),
  FN ("thrd_sleep", R_NONE, NK, NK),
  FN0 ("thrd_yield", R_NONE),
  FN ("time", R_NONE, NK),
  FN ("timegm", R_NONE, NK),
  /* SEVP->sigev_value.sival_ptr is handed to the notification (a signal
     handler or a new thread) for the timer's life; *TIMERID is a library
     pointer (timer_t is void *).  */
  FN ("timer_create", R_NONE, NK, CKEPT, WUNK),
  FN ("timer_delete", R_NONE, NK),
  FN ("timer_gettime", R_NONE, NK, NK),
  FN ("timer_settime", R_NONE, NK, NK, NK, NK),
  FN ("timerfd_create", R_NONE, NK, NK),
  FN ("timerfd_settime", R_NONE, NK, NK, NK, NK),
  FN ("times", R_NONE, NK),
  FN ("timespec_get", R_NONE, NK, NK),
  FN0 ("tmpfile", R_STAT),
  FN0 ("tmpfile64", R_STAT),
  FN ("tmpnam", R_ARGS, RET),
  FN ("toascii", R_NONE, NK),
  FN ("tolower", R_NONE, NK),
  FN ("toupper", R_NONE, NK),
  FN ("towlower", R_NONE, NK),
  FN ("towupper", R_NONE, NK),
  FN ("truncate", R_NONE, NK, NK),
  /* The tree keeps KEY; the nodes (and *ROOTP) are library memory.  */
  FN ("tsearch", R_STAT, KEPT, CKEPT, NK),
  FN ("tss_create", R_NONE, NK, NK),
  FN ("tss_delete", R_NONE, NK),
  FN ("tss_get", R_STAT, NK),
  FN ("tss_set", R_NONE, NK, KEPT),
  FN ("ttyname", R_STAT, NK),
  FN ("ttyname_r", R_NONE, NK, NK, NK),
  CALLS ("twalk", R_NONE, 1, CB, NK),
  CALLS ("twalk_r", R_NONE, 1, CB, NK, CB),
  FN0 ("tzset", R_NONE),
  FN ("umask", R_NONE, NK),
  FN ("uname", R_NONE, NK),
  FN ("ungetc", R_NONE, NK, NK),
  FN ("ungetwc", R_NONE, NK, NK),
  FN ("unlink", R_NONE, NK),
  FN ("unlinkat", R_NONE, NK, NK, NK),
  FN ("unlockpt", R_NONE, NK),
  FN ("unsetenv", R_NONE, NK),
  FN ("uselocale", R_STAT, NK),
  FN ("usleep", R_NONE, NK),
  FN ("utime", R_NONE, NK, NK),
  FN ("utimensat", R_NONE, NK, NK, NK, NK),
  FN ("utimes", R_NONE, NK, NK),
  ALLOC ("valloc", ESC_ALLOC_ALIGNED, 0, NO, NK),
  FN ("vasprintf", R_NONE, WUNK, NK, NK),
  FN ("vdprintf", R_NONE, NK, NK, NK),
  FN ("verr", R_NONE, NK, NK, NK),
  FN ("verrx", R_NONE, NK, NK, NK),
  FN ("versionsort", R_NONE, NK, NK),
  FN ("vfprintf", R_NONE, NK, NK, NK),
  FN ("vfscanf", R_NONE, NK, NK, WUNK),
  FN ("vfwprintf", R_NONE, NK, NK, NK),
  FN ("vfwscanf", R_NONE, NK, NK, WUNK),
  FN ("vprintf", R_NONE, NK, NK),
  FN ("vscanf", R_NONE, NK, WUNK),
  FN ("vsnprintf", R_NONE, NK, NK, NK, NK),
  FN ("vsprintf", R_NONE, NK, NK, NK),
  FN ("vsscanf", R_NONE, NK, NK, WUNK),
  FN ("vswprintf", R_NONE, NK, NK, NK, NK),
  FN ("vswscanf", R_NONE, NK, NK, WUNK),
  FN ("vsyslog", R_NONE, NK, NK, NK),
  FN ("vwarn", R_NONE, NK, NK),
  FN ("vwarnx", R_NONE, NK, NK),
  FN ("vwprintf", R_NONE, NK, NK),
  FN ("vwscanf", R_NONE, NK, WUNK),
  FN ("wait", R_NONE, NK),
  FN ("wait4", R_NONE, NK, NK, NK, NK),
  FN ("waitid", R_NONE, NK, NK, NK, NK),
  FN ("waitpid", R_NONE, NK, NK, NK),
  VA ("warn", R_NONE, NK, NK),
  VA ("warnx", R_NONE, NK, NK),
  COPY ("wcpcpy", R_ARGS, 1, 0, RET, NK),
  COPY ("wcpncpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("wcrtomb", R_NONE, NK, NK, NK),
  FN ("wcscasecmp", R_NONE, NK, NK),
  COPY ("wcscat", R_ARGS, 1, 0, RET, NK),
  FN ("wcschr", R_ARGS, RET, NK),
  FN ("wcschrnul", R_ARGS, RET, NK),
  FN ("wcscmp", R_NONE, NK, NK),
  FN ("wcscoll", R_NONE, NK, NK),
  COPY ("wcscpy", R_ARGS, 1, 0, RET, NK),
  FN ("wcscspn", R_NONE, NK, NK),
  FN ("wcsdup", R_STAT, NK),
  FN ("wcsftime", R_NONE, NK, NK, NK, NK),
  FN ("wcslen", R_NONE, NK),
  FN ("wcsncasecmp", R_NONE, NK, NK, NK),
  COPY ("wcsncat", R_ARGS, 1, 0, RET, NK, NK),
  FN ("wcsncmp", R_NONE, NK, NK, NK),
  COPY ("wcsncpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("wcsnlen", R_NONE, NK, NK),
  COPY_VIA ("wcsnrtombs", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK, NK),
  FN ("wcspbrk", R_ARGS, RET, NK),
  FN ("wcsrchr", R_ARGS, RET, NK),
  COPY_VIA ("wcsrtombs", R_NONE, 1, 0, 1, 0, NK, NK, NK, NK),
  FN ("wcsspn", R_NONE, NK, NK),
  FN ("wcsstr", R_ARGS, RET, NK),
  STORE ("wcstod", R_NONE, 0, 1, NK, NK),
  STORE ("wcstof", R_NONE, 0, 1, NK, NK),
  STORE ("wcstoimax", R_NONE, 0, 1, NK, NK, NK),
  /* Like strtok_r.  */
  STORE ("wcstok", R_ARGS, 0, 2, RET, NK, NK),
  STORE ("wcstol", R_NONE, 0, 1, NK, NK, NK),
  STORE ("wcstold", R_NONE, 0, 1, NK, NK),
  STORE ("wcstoll", R_NONE, 0, 1, NK, NK, NK),
  COPY ("wcstombs", R_NONE, 1, 0, NK, NK, NK),
  STORE ("wcstoul", R_NONE, 0, 1, NK, NK, NK),
  STORE ("wcstoull", R_NONE, 0, 1, NK, NK, NK),
  STORE ("wcstoumax", R_NONE, 0, 1, NK, NK, NK),
  FN ("wcswidth", R_NONE, NK, NK),
  COPY ("wcsxfrm", R_NONE, 1, 0, NK, NK, NK),
  FN ("wctob", R_NONE, NK),
  FN ("wctomb", R_NONE, NK, NK),
  FN ("wctype", R_NONE, NK),
  FN ("wcwidth", R_NONE, NK),
  FN ("wmemchr", R_ARGS, RET, NK, NK),
  FN ("wmemcmp", R_NONE, NK, NK, NK),
  COPY ("wmemcpy", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("wmemmove", R_ARGS, 1, 0, RET, NK, NK),
  COPY ("wmempcpy", R_ARGS, 1, 0, RET, NK, NK),
  FN ("wmemset", R_ARGS, RET, NK, NK),
  FN ("wordexp", R_NONE, NK, WUNK, NK),
  FN ("wordfree", R_NONE, NK),
  VA ("wprintf", R_NONE, NK, NK),
  FN ("write", R_NONE, NK, CKEPT, NK),
  FN ("writev", R_NONE, NK, CKEPT, NK),
  VA ("wscanf", R_NONE, WUNK, NK),
};

#define ESC_LIBC_COUNT (sizeof esc_libc_table / sizeof esc_libc_table[0])

/* bsearch comparison: KEY is the name looked for.  */

static int
esc_libc_compare (const void *key, const void *elt)
{
  const struct esc_libc_fn *fn = (const struct esc_libc_fn *) elt;

  return strcmp ((const char *) key, fn->name);
}

static const struct esc_libc_fn *
esc_libc_find (const char *name)
{
  return (const struct esc_libc_fn *) bsearch (name, esc_libc_table,
					       ESC_LIBC_COUNT,
					       sizeof esc_libc_table[0],
					       esc_libc_compare);
}

/* The exact name first, for the builtins without a library counterpart
   (__builtin_expect); then without one "__builtin_" prefix, so that
   __builtin_memcpy finds memcpy and __builtin___memcpy_chk __memcpy_chk.
   Looking the exact name up first keeps "expect" out of the table, where
   it would match a user's function of that name.  */

const struct esc_libc_fn *
esc_libc_lookup (const char *name)
{
  static const char prefix[] = "__builtin_";
  const size_t len = sizeof prefix - 1;
  const struct esc_libc_fn *fn;

  if (name == NULL)
    return NULL;
  fn = esc_libc_find (name);
  if (fn != NULL || strncmp (name, prefix, len) != 0)
    return fn;
  return esc_libc_find (name + len);
}

unsigned
esc_libc_count (void)
{
  return ESC_LIBC_COUNT;
}

/* NULL when I is out of range.  */

const struct esc_libc_fn *
esc_libc_entry (unsigned i)
{
  return i < ESC_LIBC_COUNT ? &esc_libc_table[i] : NULL;
}
