/* sarif-test.cc -- unit test of the SARIF writer (escape-sarif.cc,
   escape-sarif-rules.cc), without GCC.

   Build and run from the top of the tree ("make check-unit" does):
     make build/sarif-test && build/sarif-test [LOG]

   Checks the UTF-16 columns and the rule table (every kind has one
   number, one id, and back), then, given LOG, writes there a log of
   results made to be hard to write: strings with quotes, backslashes,
   control characters, UTF-8 and bytes that are not UTF-8; files relative,
   absolute, outside the source root, with spaces and non-ASCII names; a
   result with a path and one in a macro.  testsuite/pytest/test_sarif.py reads that log
   back and validates it.  Prints "N passed, N failed" last and exits
   non-zero on any failure.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "escape-sarif.h"

static unsigned passed, failed;

static void
check (int ok, const char *what, int line)
{
  if (ok)
    passed++;
  else
    {
      failed++;
      printf ("FAIL line %d: %s\n", line, what);
    }
}

#define CHECK(cond) check ((cond) != 0, #cond, __LINE__)

static int
column (const char *line, int byte_column)
{
  return escape_sarif_utf16_column (line, strlen (line), byte_column);
}

static void
test_columns (void)
{
  CHECK (column ("int x;", 5) == 5);
  CHECK (column ("int x;", 1) == 1);
  CHECK (column ("\tint x;", 6) == 6);		/* a tab is one unit */
  /* "\xc3\xa9" (U+00E9) is two bytes, one unit.  */
  CHECK (column ("int \xc3\xa9t\xc3\xa9;", 10) == 8);
  /* "\xe2\x82\xac" (U+20AC) is three bytes, one unit.  */
  CHECK (column ("\xe2\x82\xac x", 5) == 3);
  /* U+1F600 is four bytes, two units (a surrogate pair).  */
  CHECK (column ("\xf0\x9f\x98\x80 x", 6) == 4);
  /* A byte that is not UTF-8 counts as one unit.  */
  CHECK (column ("\xff\xfe x", 4) == 4);
  /* A truncated sequence: each byte one unit.  */
  CHECK (column ("\xe2\x82", 3) == 3);
  /* Past the end of the line: one unit a byte.  */
  CHECK (column ("ab", 5) == 5);
}

static void
test_rules (void)
{
  unsigned count = escape_rule_count ();
  CHECK (count == 2 + 12 + 12 + 1 + 12 + 1);
  char (*ids)[128] = (char (*)[128]) calloc (count, sizeof *ids);
  for (unsigned i = 0; i < count; i++)
    {
      struct escape_note_kind kind = escape_rule_kind (i);
      CHECK (escape_rule_number (kind) == i);
      escape_rule_id (kind, ids[i], sizeof ids[i]);
      CHECK (!strncmp (ids[i], "escape/", 7));
      CHECK (!strchr (ids[i], ' '));
      char buf[1024];
      CHECK (*escape_rule_description (kind, buf, sizeof buf));
      CHECK (strlen (escape_rule_explanation (kind, buf, sizeof buf)) > 20);
      for (unsigned j = 0; j < i; j++)
	CHECK (strcmp (ids[i], ids[j]) != 0);
    }
  struct escape_note_kind kind = { ESCAPE_VERDICT_ESCAPES, ESC_R_GLOBAL,
				   ESCAPE_REFUSAL_NONE };
  char buf[128];
  CHECK (!strcmp (escape_rule_id (kind, buf, sizeof buf),
		  "escape/escapes/stored-in-global"));
  CHECK (!strcmp (escape_rule_name (kind, buf, sizeof buf),
		  "EscapesStoredInGlobal"));
  kind.verdict = ESCAPE_VERDICT_STAYS_ON_HEAP;
  kind.reason = ESC_R_NONE;
  kind.refusal = ESCAPE_REFUSAL_TOO_LARGE;
  CHECK (!strcmp (escape_rule_id (kind, buf, sizeof buf),
		  "escape/stays-on-heap/larger-than-stackify-max"));
  free (ids);
}

/* The log that test_sarif.py checks, field by field.  */
static void
write_sample_log (FILE *out)
{
  static const struct escape_sarif_event events[] = {
    { { "a.c", 2, 7, "main" }, 0, "address of 'x' taken" },
    { { "lib dir/k\xc3\xa9" "ep.c", 9, 3, "keep" }, 1,
      "stored in global 'g'" },
  };
  static const struct escape_sarif_related macros[] = {
    { { "a.c", 1, 9, NULL }, "in expansion of macro 'NEW'" },
  };
  static const struct escape_sarif_result results[] = {
    { { ESCAPE_VERDICT_ESCAPES, ESC_R_GLOBAL, ESCAPE_REFUSAL_NONE },
      "quote \" backslash \\ newline \n tab \t bell \a del \x7f "
      "\xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80 bad \xff end",
      { "a.c", 3, 5, "main" }, macros, 1, events, 2 },
    { { ESCAPE_VERDICT_STAYS_ON_HEAP, ESC_R_NONE,
	ESCAPE_REFUSAL_FRAME_BUDGET },
      "allocation of 8 bytes does not escape; stays on heap: frame budget",
      { "/src/proj/sub/../b.c", 4, 1, "f" }, NULL, 0, NULL, 0 },
    { { ESCAPE_VERDICT_CONTENTS_ESCAPE, ESC_R_RETURNED,
	ESCAPE_REFUSAL_NONE },
      "parameter 'h' does not escape; its contents escape: returned to "
      "caller",
      { "/other/x y.c", 1, 0, NULL }, NULL, 0, NULL, 0 },
    { { ESCAPE_VERDICT_ESCAPES, ESC_R_GLOBAL, ESCAPE_REFUSAL_NONE },
      "address of 'y' escapes: stored in global 'g'",
      { "./dir/\xc3\xbc.c", 0, 0, "g" }, NULL, 0, NULL, 0 },
  };
  static const char *const arguments[] = {
    "gcc", "-DX=a b", "it's", "\xc3\xa9.c"
  };
  struct escape_sarif_run run = {
    "9.9", "file:///usr/share/doc/escape/sarif.md", "/src/proj",
    arguments, 4, 1, results, 4
  };
  escape_sarif_write (out, &run);
}

int
main (int argc, char **argv)
{
  test_columns ();
  test_rules ();
  if (argc > 1)
    {
      FILE *out = fopen (argv[1], "w");
      CHECK (out != NULL);
      if (out)
	{
	  write_sample_log (out);
	  CHECK (fclose (out) == 0);
	}
    }
  printf ("%u passed, %u failed\n", passed, failed);
  return failed != 0;
}
