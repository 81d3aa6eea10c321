/* escape-sarif-rules.cc -- the rules of the SARIF log: one per verdict,
   and per reason or refusal where the verdict has one.

     escape/does-not-escape
     escape/leaks-to-return
     escape/escapes/REASON		REASON: returned, stored-in-global, ...
     escape/contents-escape/REASON
     escape/moved-to-stack
     escape/stays-on-heap/REFUSAL	REFUSAL: too-large, may-recurse, ...
     escape/grows-moved-block

   The ids are a contract (docs/sarif.md): code scanning tracks results by
   them.  Numbers order the rules: verdicts in enum order, then reasons or
   refusals in theirs.  */

#include <string.h>

#include "escape-sarif.h"

namespace {

struct text
{
  const char *slug;		/* in the id */
  const char *description;	/* short */
  const char *help;
};

/* Indexed by esc_reason_kind (ESC_R_NONE has no rule of its own).  */
const text reasons[] = {
  { "", "", "" },
  { "returned", "returned to the caller",
    "The function returns the address, or memory that holds it, so the "
    "object outlives the call." },
  { "stored-in-global", "stored in a global variable",
    "The address is stored in a global, static or thread-local variable, "
    "or in a field or element of one." },
  { "stored-through-parameter", "stored through a parameter",
    "The address is stored in memory the caller passed in." },
  { "stored-in-escaping-memory", "stored in memory that escapes",
    "The address is stored in an object that escapes itself, or that a "
    "global or unknown pointer points to." },
  { "passed-to-keeping-function", "passed to a function that keeps it",
    "The address is passed to a function whose body (or the C library "
    "table) says it keeps that argument." },
  { "passed-to-unknown-function", "passed to a function that may keep it",
    "The address is passed to a function with no body in this file (or "
    "one that may be replaced at link or load time), so it may keep it." },
  { "passed-through-function-pointer",
    "passed to a function through a pointer",
    "The address is passed in an indirect call, or to a callback the "
    "analysis cannot see." },
  { "handed-to-thread", "handed to another thread",
    "The address is given to a new thread (pthread_create and the like)." },
  { "converted-to-integer", "converted to an integer",
    "The address became an integer that became a pointer again: "
    "arithmetic may have made another address of it." },
  { "used-by-inline-asm", "used by inline assembly",
    "The address is an operand of an asm statement." },
  { "captured-by-nested-function", "captured by a nested function",
    "A GNU C nested function uses the variable." },
  { "unsupported-construct", "unsupported construct",
    "The analysis does not model this GIMPLE construct, so it assumes "
    "the worst. Please report it." },
};

/* Indexed by escape_refusal.  */
const text refusals[] = {
  { "", "", "" },
  { "not-movable-allocator", "not an allocator that is moved",
    "Only malloc, calloc, aligned_alloc and the program's allocators are "
    "moved: declare or name a wrapper of your own "
    "(-fplugin-arg-escape-allocator=ALLOC:DEALLOC)." },
  { "allocator-size-unknown", "the allocator's size is not known",
    "Declare the allocator with __attribute__ ((alloc_size (N)))." },
  { "allocator-may-throw", "the allocator may throw",
    "With -fexceptions, the program's allocator is not declared nothrow." },
  { "run-time-size", "run-time size and stackify-max 0",
    "A run-time size needs a slot of stackify-max bytes: raise "
    "-fplugin-arg-escape-stackify-max=N." },
  { "larger-than-stackify-max", "larger than stackify-max",
    "Raise -fplugin-arg-escape-stackify-max=N (default 256)." },
  { "alignment", "alignment not a constant power of two up to 4096",
    "aligned_alloc's alignment must be a constant power of two up to "
    "4096." },
  { "calls-setjmp", "the function calls setjmp",
    "A second return from setjmp could see a slot reused." },
  { "may-recurse", "the function may recurse",
    "Its slot would come from the thread's stack budget, which is smaller "
    "than the slot (-fplugin-arg-escape-stackify-recursive-max=N, default "
    "16384), or it needs an alignment above 16 bytes; "
    "-fplugin-arg-escape-stackify-recursive puts it in the frame when the "
    "depth is bounded." },
  { "resized", "resized by a function the pass does not rewrite",
    "Resize it with realloc, which the pass rewrites." },
  { "freed-elsewhere", "freed by a function that was not inlined",
    "A callee that was not inlined (or malloc_usable_size) needs a heap "
    "pointer." },
  { "free-may-free-another", "freed with another allocation",
    "A free call may also free an allocation that stays on the heap." },
  { "frame-budget", "frame budget used up",
    "The function's moved bytes would exceed "
    "-fplugin-arg-escape-stackify-frame-max=N (default 1024)." },
};

const unsigned n_reasons = sizeof reasons / sizeof reasons[0] - 1;
const unsigned n_refusals = sizeof refusals / sizeof refusals[0] - 1;
static_assert (n_reasons == ESC_R_UNSUPPORTED, "a text per reason");
static_assert (n_refusals + 1 == ESCAPE_REFUSAL_COUNT, "a text per refusal");

/* Indexed by escape_verdict.  */
const text verdicts[] = {
  { "does-not-escape", "Does not escape",
    "Nothing the analysis sees keeps the address past its function: a "
    "local can stay where it is, an allocation could live on the stack." },
  { "leaks-to-return", "Parameter leaks to the return value",
    "The function may return the pointer parameter, or memory that holds "
    "it: what it points to escapes only if the caller lets the result "
    "escape." },
  { "escapes", "Escapes",
    "The object may outlive its function, so it must live in static "
    "storage or on the heap." },
  { "contents-escape", "Parameter does not escape, its contents do",
    "The pointer parameter stays, but a pointer stored in what it points "
    "to escapes (Go's \"leaking param content\")." },
  { "moved-to-stack", "Moved to the stack",
    "The stackify pass replaced the allocation by a stack slot (taken "
    "when the size fits, for a run-time size) and removed its frees." },
  { "stays-on-heap", "Does not escape, stays on the heap",
    "The allocation could have been moved to the stack, but the stackify "
    "pass left it on the heap." },
  { "grows-moved-block", "Grows a block moved to the stack",
    "This realloc resizes a block moved to the stack: it returns the slot "
    "while the size fits, and a heap block beyond." },
};
static_assert (sizeof verdicts / sizeof verdicts[0] == ESCAPE_VERDICT_COUNT,
	       "a text per verdict");

/* How many rules VERDICT has: one, or one per reason or refusal.  */
unsigned
width (enum escape_verdict verdict)
{
  switch (verdict)
    {
    case ESCAPE_VERDICT_ESCAPES:
    case ESCAPE_VERDICT_CONTENTS_ESCAPE:
      return n_reasons;
    case ESCAPE_VERDICT_STAYS_ON_HEAP:
      return n_refusals;
    default:
      return 1;
    }
}

/* The reason or refusal of KIND, or NULL if its verdict has none.  */
const text *
detail (struct escape_note_kind kind)
{
  switch (kind.verdict)
    {
    case ESCAPE_VERDICT_ESCAPES:
    case ESCAPE_VERDICT_CONTENTS_ESCAPE:
      return &reasons[kind.reason];
    case ESCAPE_VERDICT_STAYS_ON_HEAP:
      return &refusals[kind.refusal];
    default:
      return NULL;
    }
}

} // anon namespace

unsigned
escape_rule_count (void)
{
  unsigned count = 0;
  for (int v = 0; v < ESCAPE_VERDICT_COUNT; v++)
    count += width ((enum escape_verdict) v);
  return count;
}

unsigned
escape_rule_number (struct escape_note_kind kind)
{
  unsigned number = 0;
  for (int v = 0; v < kind.verdict; v++)
    number += width ((enum escape_verdict) v);
  if (kind.verdict == ESCAPE_VERDICT_STAYS_ON_HEAP)
    return number + kind.refusal - 1;
  if (width (kind.verdict) > 1)
    return number + kind.reason - 1;
  return number;
}

struct escape_note_kind
escape_rule_kind (unsigned number)
{
  struct escape_note_kind kind = { ESCAPE_VERDICT_NO_ESCAPE, ESC_R_NONE,
				   ESCAPE_REFUSAL_NONE };
  int v = 0;
  while (number >= width ((enum escape_verdict) v))
    number -= width ((enum escape_verdict) v++);
  kind.verdict = (enum escape_verdict) v;
  if (kind.verdict == ESCAPE_VERDICT_STAYS_ON_HEAP)
    kind.refusal = (enum escape_refusal) (number + 1);
  else if (width (kind.verdict) > 1)
    kind.reason = (enum esc_reason_kind) (number + 1);
  return kind;
}

const char *
escape_rule_id (struct escape_note_kind kind, char *buf, size_t size)
{
  const text *sub = detail (kind);
  snprintf (buf, size, "escape/%s%s%s", verdicts[kind.verdict].slug,
	    sub ? "/" : "", sub ? sub->slug : "");
  return buf;
}

/* The id's words after "escape/", each capitalized, run together:
   "escape/escapes/returned" is "EscapesReturned".  */
const char *
escape_rule_name (struct escape_note_kind kind, char *buf, size_t size)
{
  char id[128];
  escape_rule_id (kind, id, sizeof id);
  size_t n = 0;
  bool word_start = true;
  for (const char *p = id + strlen ("escape/"); *p && n + 1 < size; p++)
    if (*p == '-' || *p == '/')
      word_start = true;
    else
      {
	buf[n++] = word_start && *p >= 'a' && *p <= 'z' ? *p - 'a' + 'A' : *p;
	word_start = false;
      }
  buf[n] = '\0';
  return buf;
}

const char *
escape_rule_description (struct escape_note_kind kind, char *buf,
			 size_t size)
{
  const text *sub = detail (kind);
  snprintf (buf, size, "%s%s%s", verdicts[kind.verdict].description,
	    sub ? ": " : "", sub ? sub->description : "");
  return buf;
}

const char *
escape_rule_explanation (struct escape_note_kind kind, char *buf,
			 size_t size)
{
  const text *sub = detail (kind);
  snprintf (buf, size, "%s%s%s", verdicts[kind.verdict].help,
	    sub ? " " : "", sub ? sub->help : "");
  return buf;
}
