/* escape-sarif.h -- the SARIF 2.1.0 log of the notes: what a result
   holds, its rule, and the writer (escape-sarif.cc, escape-sarif-rules.cc).

   No GCC header: the writer takes plain data (file names, 1-based lines
   and UTF-16 columns, strings), so that it is tested on its own
   (testsuite/unit/sarif-test.cc).  escape-sarif-log.cc turns the plugin's
   notes into that data.  */

#ifndef ESCAPE_SARIF_H
#define ESCAPE_SARIF_H

#include <stddef.h>
#include <stdio.h>

#include "escape-core.h"

/* What a note says (docs/notes.md); with the reason or the refusal, its
   rule.  */
enum escape_verdict
{
  ESCAPE_VERDICT_NO_ESCAPE,	   /* does not escape */
  ESCAPE_VERDICT_LEAKS_TO_RETURN,  /* parameter leaks to return value */
  ESCAPE_VERDICT_ESCAPES,	   /* escapes: REASON */
  ESCAPE_VERDICT_CONTENTS_ESCAPE,  /* the parameter does not escape, what it
				      points to does: REASON */
  ESCAPE_VERDICT_MOVED,		   /* moved to stack */
  ESCAPE_VERDICT_STAYS_ON_HEAP,	   /* does not escape; stays on heap:
				      REFUSAL */
  ESCAPE_VERDICT_GROWS_MOVED,	   /* a realloc that grows a block moved
				      to stack */
  ESCAPE_VERDICT_COUNT
};

/* Why the stackify pass leaves an allocation that does not escape on the
   heap (escape-stackify.cc).  */
enum escape_refusal
{
  ESCAPE_REFUSAL_NONE,
  ESCAPE_REFUSAL_NOT_MOVABLE,	     /* not malloc, calloc, aligned_alloc or
					one of the program's allocators */
  ESCAPE_REFUSAL_ALLOCATOR_SIZE,     /* an allocator without alloc_size */
  ESCAPE_REFUSAL_ALLOCATOR_THROWS,
  ESCAPE_REFUSAL_RUN_TIME_SIZE,	     /* and stackify-max is 0 */
  ESCAPE_REFUSAL_TOO_LARGE,	     /* larger than stackify-max */
  ESCAPE_REFUSAL_ALIGNMENT,
  ESCAPE_REFUSAL_SETJMP,
  ESCAPE_REFUSAL_RECURSIVE,
  ESCAPE_REFUSAL_RESIZED,	     /* by a resizer the pass cannot rewrite */
  ESCAPE_REFUSAL_FREED_ELSEWHERE,
  ESCAPE_REFUSAL_SHARED_FREE,	     /* a free that may free another
					allocation */
  ESCAPE_REFUSAL_FRAME_BUDGET,	     /* stackify-frame-max used up */
  ESCAPE_REFUSAL_COUNT
};

/* The structured kind a note carries, from which its rule follows.  */
struct escape_note_kind
{
  enum escape_verdict verdict;
  enum esc_reason_kind reason;	   /* ESCAPES, CONTENTS_ESCAPE */
  enum escape_refusal refusal;	   /* STAYS_ON_HEAP */
};

/* A place in the source.  */
struct escape_sarif_place
{
  const char *file;		/* as the compiler names it */
  int line;			/* 1-based; 0 if unknown */
  int column;			/* 1-based, in UTF-16 code units; 0 if
				   unknown */
  const char *function;		/* the function it is in, or NULL */
};

/* One step of a result's path (a codeFlow's threadFlowLocation).  */
struct escape_sarif_event
{
  struct escape_sarif_place place;
  int depth;			/* call depth, 0 for the note's function */
  const char *message;
};

/* A place that explains the result's (a macro expansion).  */
struct escape_sarif_related
{
  struct escape_sarif_place place;
  const char *message;
};

struct escape_sarif_result
{
  struct escape_note_kind kind;
  const char *message;		/* the note's text */
  struct escape_sarif_place place;
  const struct escape_sarif_related *related;
  unsigned n_related;
  const struct escape_sarif_event *events;  /* the path, if any */
  unsigned n_events;
};

struct escape_sarif_run
{
  const char *tool_version;
  const char *information_uri;
  const char *srcroot;		/* absolute directory: files under it are
				   named relative to %SRCROOT% */
  const char *const *arguments;	/* the compiler's command line */
  unsigned n_arguments;
  int success;			/* the compilation had no error */
  const struct escape_sarif_result *results;
  unsigned n_results;
};

/* Writes RUN as a SARIF 2.1.0 log to OUT.  */
void escape_sarif_write (FILE *out, const struct escape_sarif_run *run);

/* The column, 1-based in UTF-16 code units, of the byte BYTE_COLUMN
   (1-based) of LINE (LENGTH bytes, UTF-8; a byte that is not part of a
   valid sequence counts as one unit).  */
int escape_sarif_utf16_column (const char *line, size_t length,
			       int byte_column);

/* escape-sarif-rules.cc: the rules.  Each kind has a number, from 0 to
   escape_rule_count () - 1, that orders the rules in the log.  */
unsigned escape_rule_count (void);
unsigned escape_rule_number (struct escape_note_kind kind);
struct escape_note_kind escape_rule_kind (unsigned number);
/* The rule's id ("escape/escapes/returned"), into BUF.  */
const char *escape_rule_id (struct escape_note_kind kind, char *buf,
			    size_t size);
/* Its name (a PascalCase identifier), its short description and what
   it means, into BUF.  */
const char *escape_rule_name (struct escape_note_kind kind, char *buf,
			      size_t size);
const char *escape_rule_description (struct escape_note_kind kind,
				     char *buf, size_t size);
const char *escape_rule_explanation (struct escape_note_kind kind,
				     char *buf, size_t size);

#endif /* ESCAPE_SARIF_H */
