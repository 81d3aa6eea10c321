"""The source files the notes are about: their lines, and the function
definitions they hold (standard library only).

GCC's JSON diagnostics carry no "In function" context, so escape_notes
asks this module which function's definition encloses a note's line.

API:
  SourceFiles(search_dirs=())
      finds a note's file: as written if it exists (absolute, or relative
      to the current directory), else under each of SEARCH_DIRS in turn.
      Each file is read once.
    .path(name, origin=None) -> the file's path, or None; ORIGIN (the notes
      file the name came from) adds its directory to the search
    .line(name, line, origin=None) -> the text of that line (1-based, no
      newline), or None
    .function_at(name, line, origin=None) -> the name of the function whose
      definition spans LINE (from its name to its closing brace), or None

  function_ranges(text) -> [(first_line, last_line, name), ...] of the C
      function definitions in TEXT, in order.

The scan is lexical, not a parse: comments, string and character literals
and preprocessor lines are skipped, each branch of an #if starts with the
brace depth the #if had, and a "{" at file level that follows ")" opens a
function body named by the first identifier of its declaration that a "("
follows.
A function defined by a macro, or in an old-style (K&R) definition, is not
found; a note there gets no function."""

import bisect
import os
import re

_TOKEN_RE = re.compile(
    r"""//[^\n]*                       # line comment
      | /\*.*?\*/                      # block comment
      | "(?:\\.|[^"\\\n])*"            # string literal
      | '(?:\\.|[^'\\\n])*'            # character literal
      | ^[ \t]*\#(?:\\\n|[^\n])*       # preprocessor line, continued
      | (?P<word>[A-Za-z_]\w*)
      | (?P<punct>[^\s\w])
    """, re.VERBOSE | re.MULTILINE | re.DOTALL)


_DIRECTIVE_RE = re.compile(r"[ \t]*#[ \t]*(\w*)")
_CONDITIONALS = {"if": "if", "ifdef": "if", "ifndef": "if", "elif": "else",
                 "elifdef": "else", "elifndef": "else", "else": "else",
                 "endif": "endif"}


def _tokens(text):
    """(kind, value, offset) for the identifiers ("word"), punctuation
    ("punct") and conditional directives ("directive": "if", "else" for
    #elif too, "endif") of TEXT."""
    for m in _TOKEN_RE.finditer(text):
        if m.group("word"):
            yield "word", m.group(), m.start()
        elif m.group("punct"):
            yield "punct", m.group(), m.start()
        else:
            directive = _DIRECTIVE_RE.match(m.group())
            name = directive and _CONDITIONALS.get(directive.group(1))
            if name:
                yield "directive", name, m.start()


# Words that a "(" may follow in a declaration without naming a function.
_NOT_NAMES = frozenset(
    "void char short int long float double signed unsigned _Bool const "
    "volatile restrict static extern inline register struct union enum "
    "__attribute__ __attribute __declspec __typeof__ typeof __extension__ "
    "__asm__ asm _Alignas _Atomic sizeof".split())


def function_ranges(text):
    """The function definitions of the C source TEXT, as (first_line,
    last_line, name) tuples in order (lines counted from 1).  A
    definition's name is the first identifier of its declaration that a
    "(" follows (not a keyword): "f" in "int f (int)" and in
    "void (*f (int)) (void)"."""
    newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(offset):
        return bisect.bisect_left(newlines, offset) + 1

    ranges = []
    depth = 0           # braces
    name = None         # (name, offset) in the declaration at file level
    previous = None     # the token before, at file level
    body = None         # the name of the function whose body is open
    saved = []          # the state at each open #if
    for kind, value, offset in _tokens(text):
        if kind == "directive":
            # Each branch of a conditional starts where the #if did:
            # branches often open the same brace each ("if (a) {" or
            # "if (b) {"), or define the same function each.
            if value == "if":
                saved.append((depth, name, previous, body))
            elif saved and value == "else":
                depth, name, previous, body = saved[-1]
            elif saved:
                saved.pop()
        elif depth == 0:
            if value == "(" and name is None and previous \
                    and previous[0] == "word" and previous[1] not in _NOT_NAMES:
                name = (previous[1], previous[2])
            elif value == "{":
                body = name if previous and previous[1] == ")" else None
                depth = 1
            if value in ("{", ";", "}", "="):
                name = None
            previous = (kind, value, offset)
        elif value == "{":
            depth += 1
        elif value == "}":
            depth -= 1
            if depth == 0:
                if body:
                    ranges.append((line_of(body[1]), line_of(offset),
                                   body[0]))
                body = previous = None
    return ranges


class SourceFiles:
    """The source files notes name, found and read once each."""

    def __init__(self, search_dirs=()):
        self.search_dirs = list(search_dirs)
        self._lines = {}
        self._ranges = {}

    def path(self, name, origin=None):
        """The path of the source file NAME, or None if it is not found."""
        candidates = [name]
        if not os.path.isabs(name):
            dirs = list(self.search_dirs)
            if origin:
                dirs.append(os.path.dirname(os.path.abspath(origin)))
            candidates += [os.path.join(d, name) for d in dirs]
        for candidate in candidates:
            if os.path.isfile(candidate):
                return candidate
        return None

    def _read(self, name, origin):
        found = self.path(name, origin)
        if found not in self._lines:
            try:
                with open(found, encoding="utf-8", errors="replace") as f:
                    text = f.read()
            except (OSError, TypeError):
                text = None
            self._lines[found] = text.splitlines() if text is not None \
                else None
            self._ranges[found] = function_ranges(text) \
                if text is not None else []
        return found

    def line(self, name, line, origin=None):
        """The text of line LINE of NAME, or None."""
        lines = self._lines[self._read(name, origin)]
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]

    def function_at(self, name, line, origin=None):
        """The function whose definition spans LINE of NAME, or None."""
        ranges = self._ranges[self._read(name, origin)]
        i = bisect.bisect_right(ranges, (line, float("inf"), "")) - 1
        if i >= 0 and ranges[i][0] <= line <= ranges[i][1]:
            return ranges[i][2]
        return None
