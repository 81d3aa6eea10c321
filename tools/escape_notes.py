"""The escape plugin's notes, read back from a build (standard library only).

Shared by escape-summary and escape-prof.  The notes are those of
docs/notes.md: the report's verdicts (-fplugin-arg-escape-report) and
stackify's outcomes (-fplugin-arg-escape-stackify).  Other diagnostics are
ignored.

Inputs
  - GCC's -fdiagnostics-format=json output: one JSON array per compile;
    a file may hold several, one after another (a build appending each
    compile's stderr), with other text between them.
  - SARIF 2.1.0 (the explain issue's files): results with a message, a
    physical location, a logical location (the function) and a code flow
    (the path, as "file:line: message" steps).  GCC's JSON has the path
    too ("path").
  - Plain build logs: "file:line:col: note: MESSAGE" lines, their function
    from GCC's "file: In function 'f':" line, and their path where it was
    printed as separate events ("(N) TEXT" notes).  Only for a build that left
    nothing else: JSON and SARIF say the same without the guesswork.
  A file is read as SARIF when it is a JSON object with "runs"; otherwise
  its JSON arrays are read, and its other lines as a log.

API
  read_notes(paths, source_dirs=()) -> [Note, ...]
      the notes in PATHS (files, or directories searched recursively for
      *.json, *.log and *.sarif), in input order.  Raises OSError for a
      path that cannot be read.  A note without a function (JSON) gets the
      one whose definition spans its line in the source file (found as
      escape_source.SourceFiles finds it, also under SOURCE_DIRS), or None.
  read_file(path) -> [Note, ...]      one file, functions not derived
  parse_message(message) -> dict or None
      the fields kind, subject, verdict, reason, contents_reason and slot
      of a plugin note's text; None for any other text
  distinct(notes) -> [Note, ...]
      without repeats: the same note at the same place in the same
      function, from several compiles (a header's inline function)
  join_sites(notes) -> [Site, ...]   sorted by file, line, column
  SiteIndex(sites).lookup(file, line) -> [Site, ...]
      the sites of that line; FILE matches the notes' file name by its
      longest common path suffix (debug info has absolute names, notes
      the names the compiler was given)
  reason_class(reason) -> the reason with names as 'NAME' and numbers as N

Note fields
  file, line, column   column 0 when the log has none
  function             str or None
  kind                 "local" | "allocation" | "parameter"
  subject              the name, or the size: "64 bytes", "1 byte",
                       "unknown size", "run-time size", "at most 16 bytes"
  verdict              report:   "does-not-escape" | "leaks-to-return" |
                                 "escapes"
                       stackify: "moved" | "not-moved" | "grows-moved"
  reason               "escapes": why; "not-moved": why it stays on the
                       heap; "moved": how ("slot of 256 bytes, heap
                       otherwise", "realloc grows it in place up to 256
                       bytes"); else None
  contents_reason      a parameter whose contents escape: why; else None
  slot                 stackify's slot size in bytes when the note gives
                       one (run-time size, realloc growth), else None
  message              the note's text
  origin               the file it was read from
  path                 tuple of "file:line: text" steps (SARIF code
                       flows, JSON paths, a log's separate events), empty
                       when the notes carry none

Site fields (the notes of one source position, joined)
  file, line, column, kind, subject   as the notes (subject: the first's)
  functions     sorted names of the functions the notes are in
  notes         the distinct notes, report's first
  report        the report's notes (verdicts)
  stackify      stackify's notes (outcomes)
  outcome       allocations: "stack" (every note moves it), "heap" (none
                does), "mixed" (say, moved where its helper was inlined,
                escaping in the helper itself); other kinds: None
  heap_reasons  allocations: why it stays on the heap, one text per note
                that says so: "escapes: R", "stays on heap: R", or "does
                not escape; stackify did not move it" (stackify off, or
                the call was gone when it ran)
"""

import collections
import json
import os
import re

from escape_source import SourceFiles

# --- the plugin's messages (plugin/escape-report.cc, escape-stackify.cc) --

_SIZE = r"(?:\d+ bytes?|unknown size)"
# What lto1's stackify notes end with (ESCAPE_LINK_TIME_CLAUSE).
_LINK_TIME = r"(?: \(at link time, seeing the whole program\))?"
# What a note on a slot in a function that may recurse ends with.
_BUDGET = (r"(?:; the function may recurse: its slot is taken from a stack"
           r" budget of (?P<budget>\d+) bytes per thread \(heap once it is"
           r" spent\))?")
# What a note on a slot taken only while it is free (in a loop) says.
_SHARED = (r"(?P<shared>%s \(heap otherwise: the block of an earlier"
           r" iteration may still be in use\))")
_MESSAGES = [
    # stackify, before the report's forms that begin the same way
    ("allocation", re.compile(
        r"allocation of (?P<subject>%s|at most \d+ bytes?) moved to stack"
        r"%s?"
        r"(?:; realloc grows it in place up to (?P<slot>\d+) bytes"
        r" \(heap beyond\))?%s%s$"
        % (_SIZE, _SHARED % " while its slot is free", _BUDGET, _LINK_TIME)),
     "moved"),
    ("allocation", re.compile(
        r"allocation of (?P<subject>run-time size) moved to stack when it"
        r" fits (?P<slot>\d+) bytes(?: \(heap otherwise\)|%s)"
        r"(?:; realloc grows it in place up to \d+ bytes \(heap beyond\))?"
        r"%s%s$" % (_SHARED % " and its slot is free", _BUDGET, _LINK_TIME)),
     "moved"),
    ("allocation", re.compile(
        r"allocation of (?P<subject>%s) does not escape; grows a block moved"
        r" to stack: in its slot up to (?P<slot>\d+) bytes, on the heap"
        r" beyond%s$" % (_SIZE, _LINK_TIME)), "grows-moved"),
    ("allocation", re.compile(
        r"allocation of (?P<subject>%s) does not escape; stays on heap:"
        r" (?P<reason>.+?)%s$" % (_SIZE, _LINK_TIME)), "not-moved"),
    # the report
    ("local", re.compile(
        r"address of '(?P<subject>[^']*)' (?:does not escape"
        r"|escapes: (?P<reason>.+))$"), None),
    ("allocation", re.compile(
        r"allocation of (?P<subject>%s) (?:does not escape"
        r"|escapes: (?P<reason>.+))$" % _SIZE), None),
    ("parameter", re.compile(
        r"parameter '(?P<subject>[^']*)' (?:does not escape"
        r"|(?P<leaks>leaks to return value)|escapes: (?P<reason>.+?))"
        r"(?:; its contents escape: (?P<contents>.+))?$"), None),
]

STACKIFY_VERDICTS = ("moved", "not-moved", "grows-moved")


def _how_moved(message, slot):
    """The reason text of a "moved" note: how it was moved, or None."""
    parts = []
    shared = "its slot is free" in message
    if "when it fits" in message:
        parts.append("slot of %s bytes%s, heap otherwise"
                     % (slot, " when free" if shared else ""))
    elif shared:
        parts.append("slot taken while free, heap otherwise")
    grows = re.search(r"realloc grows it in place up to (\d+) bytes", message)
    if grows:
        parts.append("realloc grows it in place up to %s bytes"
                     % grows.group(1))
    budget = re.search(r"a stack budget of (\d+) bytes per thread", message)
    if budget:
        parts.append("recursive: from a stack budget of %s bytes per thread"
                     % budget.group(1))
    return "; ".join(parts) or None


def parse_message(message):
    """The fields of a plugin note's MESSAGE, or None if it is not one."""
    for kind, pattern, stackify_verdict in _MESSAGES:
        m = pattern.match(message)
        if not m:
            continue
        fields = m.groupdict()
        slot = int(fields["slot"]) if fields.get("slot") else None
        reason = fields.get("reason")
        if stackify_verdict:
            verdict = stackify_verdict
            if verdict == "moved":
                reason = _how_moved(message, slot)
        elif reason:
            verdict = "escapes"
        elif fields.get("leaks"):
            verdict = "leaks-to-return"
        else:
            verdict = "does-not-escape"
        return {"kind": kind, "subject": fields["subject"],
                "verdict": verdict, "reason": reason,
                "contents_reason": fields.get("contents"), "slot": slot}
    return None


def reason_class(reason):
    """REASON with quoted names as 'NAME' and numbers as N, to count
    reasons of one kind together; None stays None."""
    if reason is None:
        return None
    return re.sub(r"\d+", "N", re.sub(r"'[^']*'", "'NAME'", reason))


Note = collections.namedtuple(
    "Note", "file line column function kind subject verdict reason"
    " contents_reason slot message origin path")


def _note(file, line, column, function, message, origin, path=()):
    fields = parse_message(message)
    if fields is None or not file or not line:
        return None
    return Note(file=os.path.normpath(file), line=int(line),
                column=int(column or 0), function=function,
                message=message, origin=origin, path=tuple(path), **fields)


# --- GCC's JSON -------------------------------------------------------------

def _json_path(diagnostic):
    """The events of DIAGNOSTIC's path, as "file:line: text"."""
    steps = []
    for event in diagnostic.get("path") or []:
        if not isinstance(event, dict):
            continue
        location = event.get("location") or {}
        steps.append("%s:%s: %s" % (location.get("file"), location.get("line"),
                                    event.get("description", "")))
    return steps


def _json_diagnostics(diagnostics, origin):
    """The notes among GCC's JSON DIAGNOSTICS (and their children)."""
    notes = []
    for d in diagnostics:
        if not isinstance(d, dict):
            continue
        locations = d.get("locations") or [{}]
        caret = locations[0].get("caret", {}) \
            if isinstance(locations[0], dict) else {}
        if d.get("kind") == "note" and isinstance(d.get("message"), str):
            note = _note(caret.get("file"), caret.get("line"),
                         caret.get("column"), None, d["message"], origin,
                         _json_path(d))
            if note:
                notes.append(note)
        notes += _json_diagnostics(d.get("children") or [], origin)
    return notes


# --- logs -------------------------------------------------------------------

_ANSI_RE = re.compile(r"\x1b\[[0-9;]*[mK]")
_NOTE_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?:(?P<column>\d+):)? note: (?P<msg>.*)$")
# "f.c: In function 'f':", also C++'s "In member function", and the
# "In function 'f'," (no file name) that precedes "inlined from" lines: a
# note about an inlined copy belongs to the function written around it.
_FUNCTION_RE = re.compile(
    r"^(?:(?P<file>.+?): )?In (?:[a-z ]+ )?function "
    r"[\u2018'](?P<name>.+)[\u2019'][:,]$")
_TOP_LEVEL_RE = re.compile(r"^.+?: At top level:$")
_EVENT_RE = re.compile(r"^\(\d+\) (.*)$")
_DIAGNOSTIC_RE = re.compile(r"^.+?:\d+:(?:\d+:)? (?:warning|error): ")


def _log_lines(lines, origin):
    """The notes of a text build log's LINES."""
    notes = []
    function = None
    in_path = False     # the events after a plugin note are its path's
    for raw in lines:
        text = _ANSI_RE.sub("", raw.rstrip("\r\n"))
        m = _FUNCTION_RE.match(text)
        if m:
            function = m.group("name")
            continue
        if _TOP_LEVEL_RE.match(text):
            function = None
            continue
        m = _NOTE_RE.match(text)
        if m:
            event = _EVENT_RE.match(m.group("msg"))
            if event and in_path:
                # -fdiagnostics-path-format=separate-events: a step of the
                # last note's path.
                notes[-1] = notes[-1]._replace(path=notes[-1].path + (
                    "%s:%s: %s" % (m.group("file"), m.group("line"),
                                   event.group(1)),))
                continue
            note = _note(m.group("file"), m.group("line"), m.group("column"),
                         function, m.group("msg"), origin)
            if note:
                notes.append(note)
            in_path = bool(note)
        elif _DIAGNOSTIC_RE.match(text):
            in_path = False     # another diagnostic: the events are its own
    return notes


# --- SARIF ------------------------------------------------------------------

def _sarif_location(location):
    """(file, line, column) of a SARIF location object."""
    physical = location.get("physicalLocation", {})
    region = physical.get("region", {})
    return (physical.get("artifactLocation", {}).get("uri"),
            region.get("startLine"), region.get("startColumn"))


def _sarif_path(result):
    """The steps of RESULT's first code flow, as "file:line: text"."""
    steps = []
    for flow in result.get("codeFlows", [])[:1]:
        for thread in flow.get("threadFlows", [])[:1]:
            for step in thread.get("locations", []):
                location = step.get("location", {})
                file, line, _column = _sarif_location(location)
                text = location.get("message", {}).get("text", "")
                steps.append("%s:%s: %s" % (file, line, text))
    return steps


def _sarif_uri_path(uri):
    return uri[len("file://"):] if uri and uri.startswith("file://") else uri


def _sarif(document, origin):
    """The notes of a SARIF DOCUMENT (a dict with "runs")."""
    notes = []
    for run in document.get("runs", []):
        for result in run.get("results", []):
            locations = result.get("locations") or [{}]
            file, line, column = _sarif_location(locations[0])
            logical = (locations[0].get("logicalLocations") or [{}])[0]
            function = logical.get("name") or logical.get(
                "fullyQualifiedName")
            note = _note(_sarif_uri_path(file), line, column, function,
                         result.get("message", {}).get("text", ""), origin,
                         _sarif_path(result))
            if note:
                notes.append(note)
    return notes


# --- files ------------------------------------------------------------------

def _parse_text(text, origin):
    """The notes of a file's TEXT: SARIF, JSON arrays and log lines."""
    decoder = json.JSONDecoder()
    stripped = text.lstrip()
    if stripped.startswith("{"):
        try:
            document = json.loads(stripped)
        except ValueError:
            document = None
        if isinstance(document, dict) and "runs" in document:
            return _sarif(document, origin)
    notes = []
    log_lines = []
    offset = 0
    while offset < len(text):
        end = text.find("\n", offset)
        end = len(text) if end < 0 else end + 1
        if text.startswith("[", offset):
            try:
                value, end_of_value = decoder.raw_decode(text, offset)
            except ValueError:
                value = None
            if isinstance(value, list):
                notes += _json_diagnostics(value, origin)
                offset = end_of_value
                continue
        log_lines.append(text[offset:end])
        offset = end
    return notes + _log_lines(log_lines, origin)


def read_file(path):
    """The notes of one file, in its order (JSON before log lines)."""
    path = os.fspath(path)
    with open(path, encoding="utf-8", errors="replace") as f:
        return _parse_text(f.read(), path)


NOTE_FILE_SUFFIXES = (".json", ".log", ".sarif")


def note_files(paths):
    """PATHS with each directory replaced by the note files under it,
    sorted."""
    files = []
    for path in map(os.fspath, paths):
        if not os.path.isdir(path):
            files.append(path)
            continue
        found = []
        for directory, subdirs, names in os.walk(path):
            subdirs.sort()
            found += [os.path.join(directory, n) for n in names
                      if n.endswith(NOTE_FILE_SUFFIXES)]
        files += sorted(found)
    return files


def read_notes(paths, source_dirs=()):
    """The notes of PATHS (see the module's docstring)."""
    sources = SourceFiles(source_dirs)
    notes = []
    for path in note_files(paths):
        for note in read_file(path):
            if note.function is None:
                note = note._replace(function=sources.function_at(
                    note.file, note.line, note.origin))
            notes.append(note)
    return notes


def distinct(notes):
    """NOTES without repeats (same place, function and message)."""
    seen = set()
    kept = []
    for note in notes:
        key = (note.file, note.line, note.column, note.function, note.message)
        if key not in seen:
            seen.add(key)
            kept.append(note)
    return kept


# --- sites ------------------------------------------------------------------

Site = collections.namedtuple(
    "Site", "file line column kind subject functions notes report stackify"
    " outcome heap_reasons")


def _heap_reasons(report, stackify):
    reasons = ["escapes: %s" % n.reason for n in report
               if n.verdict == "escapes"]
    reasons += ["stays on heap: %s" % n.reason for n in stackify
                if n.verdict == "not-moved"]
    if not stackify and any(n.verdict == "does-not-escape" for n in report):
        reasons.append("does not escape; stackify did not move it")
    return reasons


def _site(notes):
    first = notes[0]
    report = tuple(n for n in notes if n.verdict not in STACKIFY_VERDICTS)
    stackify = tuple(n for n in notes if n.verdict in STACKIFY_VERDICTS)
    outcome = heap_reasons = None
    if first.kind == "allocation":
        heap_reasons = tuple(_heap_reasons(report, stackify))
        moved = any(n.verdict in ("moved", "grows-moved") for n in stackify)
        outcome = ("mixed" if heap_reasons else "stack") if moved else "heap"
    functions = tuple(sorted({n.function for n in notes if n.function}))
    return Site(first.file, first.line, first.column, first.kind,
                first.subject, functions, report + stackify, report,
                stackify, outcome, heap_reasons)


def join_sites(notes):
    """The distinct NOTES grouped by position (and kind), sorted."""
    groups = collections.OrderedDict()
    for note in distinct(notes):
        key = (note.file, note.line, note.column, note.kind)
        groups.setdefault(key, []).append(note)
    return [_site(groups[key]) for key in sorted(groups)]


class SiteIndex:
    """Sites by line, looked up by a file name that may be spelled
    differently (absolute in debug info, relative in the notes)."""

    def __init__(self, sites):
        self._by_line = collections.defaultdict(list)
        for site in sites:
            self._by_line[site.line].append(site)

    @staticmethod
    def _common_suffix(a, b):
        pa, pb = a.split(os.sep)[::-1], b.split(os.sep)[::-1]
        n = 0
        while n < min(len(pa), len(pb)) and pa[n] == pb[n] and pa[n] != "..":
            n += 1
        return n

    def lookup(self, file, line):
        """The sites at LINE of FILE: those whose file shares the longest
        path suffix (at least the base name) with FILE."""
        candidates = self._by_line.get(line, [])
        file = os.path.normpath(file)
        scores = [self._common_suffix(file, s.file) for s in candidates]
        best = max(scores, default=0)
        return [s for s, score in zip(candidates, scores)
                if best and score == best]
