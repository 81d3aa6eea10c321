/* escape.h -- the escape plugin's attributes, spelled so that marked code
   builds with or without the plugin.

     void fill (char *buf ESCAPE_NOESCAPE, size_t n);
	 fill keeps no copy of BUF beyond the call, and does not free it:
	 trusted at calls where fill has no body; a warning where its body
	 lets BUF escape.
     char line[80] ESCAPE_ASSERT_NOESCAPE;
     void f (int *p ESCAPE_ASSERT_NOESCAPE);
	 an error if the address of 'line', or P, escapes.
     char *tmp ESCAPE_ASSERT_STACK = malloc (64);
	 an error if an allocation assigned to TMP escapes, or, with
	 -fplugin-arg-escape-stackify (-O1 and up), is not moved to the
	 stack.

   Each macro is the attribute when the compiler knows it (GCC with the
   escape plugin loaded, or clang for noescape), and nothing otherwise: a
   build without the plugin neither warns (-Wattributes) nor checks.
   See escape(7) and docs/notes.md in the escape sources.  */

#ifndef ESCAPE_H
#define ESCAPE_H

#ifdef __has_attribute
# if __has_attribute (noescape)
#  define ESCAPE_NOESCAPE __attribute__ ((__noescape__))
# endif
# if __has_attribute (escape_assert_noescape)
#  define ESCAPE_ASSERT_NOESCAPE __attribute__ ((__escape_assert_noescape__))
# endif
# if __has_attribute (escape_assert_stack)
#  define ESCAPE_ASSERT_STACK __attribute__ ((__escape_assert_stack__))
# endif
#endif

#ifndef ESCAPE_NOESCAPE
# define ESCAPE_NOESCAPE
#endif
#ifndef ESCAPE_ASSERT_NOESCAPE
# define ESCAPE_ASSERT_NOESCAPE
#endif
#ifndef ESCAPE_ASSERT_STACK
# define ESCAPE_ASSERT_STACK
#endif

#endif /* ESCAPE_H */
