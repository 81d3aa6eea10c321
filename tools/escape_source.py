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
and preprocessor lines are skipped (and the #else branches of
conditionals), and a "{" at file level that follows ")" opens a function
body named by the identifier before the matching "(".  A "}" in the first
column closes whatever is open.
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


def _tokens(text):
    """(kind, value, offset) for the identifiers and punctuation of TEXT;
    kind is "word" or "punct".  Of each #if ... #elif ... #else ...
    #endif, only the first branch is read: each branch usually opens the
    braces it closes, and reading two would count a brace twice."""
    skipping = []       # per open #if: are its tokens skipped?
    for m in _TOKEN_RE.finditer(text):
        if m.group("word") or m.group("punct"):
            if not any(skipping):
                kind = "word" if m.group("word") else "punct"
                yield kind, m.group(), m.start()
            continue
        directive = _DIRECTIVE_RE.match(m.group())
        name = directive.group(1) if directive else ""
        if name in ("if", "ifdef", "ifndef"):
            skipping.append(False)
        elif name in ("elif", "else", "elifdef", "elifndef") and skipping:
            skipping[-1] = True
        elif name == "endif" and skipping:
            skipping.pop()


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
    for kind, value, offset in _tokens(text):
        if depth == 0:
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
            # A "}" in the first column ends a function in most styles:
            # back to file level even if a brace was miscounted.
            at_line_start = offset == 0 or text[offset - 1] == "\n"
            depth = 0 if at_line_start else depth - 1
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
