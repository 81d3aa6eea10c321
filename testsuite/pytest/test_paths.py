"""The paths of the "escapes" notes (docs/notes.md, "Paths"): the same
events in every format GCC prints them in (separate events, inline, JSON)
and in the SARIF log's codeFlows; none with -fdiagnostics-path-format=none;
the same from run to run; and, on SQLite, every path ends with the note's
reason, the reason of what it was stored in, or says where it lost the
way."""

import json
import os
import re

import pytest

import sqlite_amalgamation

from conftest import DATA, NOTE_RE, PLUGIN_NOTE_RE, ROOT
from sarif_support import logged  # noqa: F401  (a fixture)

ESCAPE_DG = ROOT / "testsuite" / "escape.dg"
SOURCES = [ESCAPE_DG / "path-reasons.c", ESCAPE_DG / "path-steps.c"]
EVENT_RE = re.compile(r"^\((\d+)\) (.*)$")
UNTOLD = "from here the analysis cannot tell the way: "


def text_paths(stderr):
    """{(line, column, message): [(line, text), ...]} of the separate
    events output: each plugin note with the events after it."""
    paths, current = {}, None
    for m in NOTE_RE.finditer(stderr):
        msg = m.group("msg")
        event = EVENT_RE.match(msg)
        if PLUGIN_NOTE_RE.match(msg):
            current = (int(m.group("line")), int(m.group("col")), msg)
            paths[current] = []
        elif event and current:
            assert int(event.group(1)) == len(paths[current]) + 1, stderr
            paths[current].append((int(m.group("line")), event.group(2)))
    return paths


def json_paths(stderr):
    """The same from -fdiagnostics-format=json, with each event's depth
    and function."""
    paths = {}
    for d in json.loads(stderr):
        if d.get("kind") != "note" or not PLUGIN_NOTE_RE.match(d["message"]):
            continue
        caret = d["locations"][0]["caret"]
        paths[(caret["line"], caret["column"], d["message"])] = [
            (e["location"]["line"], e["description"], e["depth"],
             e["function"]) for e in d.get("path", [])]
    return paths


def compile_source(compile, src, *flags):
    rc, _out, err = compile(src, "-O2", *flags, args=("report",))
    assert rc == 0, err
    return err


@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_json_has_the_events_of_the_text(compile, src):
    text = text_paths(compile_source(
        compile, src, "-fdiagnostics-path-format=separate-events"))
    js = json_paths(compile_source(compile, src,
                                   "-fdiagnostics-format=json"))
    assert text.keys() == js.keys()
    with_path = 0
    for note, events in text.items():
        assert [(line, desc) for line, desc, _d, _f in js[note]] == events
        escapes = " escapes: " in note[2]
        assert bool(events) == escapes, note
        with_path += escapes
    assert with_path >= 9


def test_events_are_in_the_functions_and_depths_they_happen(compile):
    """A callee that keeps its argument: its events one level deeper, in
    its own function; a cycle of calls the same."""
    js = json_paths(compile_source(compile, ESCAPE_DG / "path-steps.c",
                                   "-fdiagnostics-format=json"))
    level1 = next(events for (line, _c, msg), events in js.items()
                  if msg.startswith("allocation of 4 bytes escapes: "
                                    "passed to 'level2'"))
    assert [(desc, depth, fn) for _l, desc, depth, fn in level1] == [
        ("allocated here", 0, "level1"),
        ("copied to 'm'", 0, "level1"),
        ("passed to 'level2' (argument 1), which keeps it", 0, "level1"),
        ("passed to 'level3' (argument 1), which keeps it", 1, "level2"),
        ("stored in global 'g'", 2, "level3")]
    ping = next(events for (line, _c, msg), events in js.items()
                if msg.startswith("parameter 'p' escapes"))
    assert [(desc, depth, fn) for _l, desc, depth, fn in ping] == [
        ("parameter 'p'", 0, "ping"),
        ("passed to 'pong' as argument 1", 0, "ping"),
        ("stored in global 'g'", 1, "pong")]


def test_sarif_code_flows_are_the_events(logged):
    src = (ESCAPE_DG / "path-reasons.c").read_text()
    rc, err, log, _ = logged(src, "-O2",
                             "-fdiagnostics-path-format=separate-events")
    assert rc == 0, err
    text = {msg: events for (_l, _c, msg), events in text_paths(err).items()}
    flows = 0
    for result in log["runs"][0]["results"]:
        msg = result["message"]["text"]
        if msg not in text:
            continue
        locations = [
            (loc["location"]["physicalLocation"]["region"]["startLine"],
             loc["location"]["message"]["text"])
            for flow in result.get("codeFlows", [])
            for thread in flow["threadFlows"]
            for loc in thread["locations"]]
        assert locations == text[msg], msg
        flows += bool(locations)
    assert flows >= 10


def test_default_is_inline_and_none_prints_no_path(compile):
    src = ESCAPE_DG / "path-reasons.c"
    inline = compile_source(compile, src)
    assert "(1) allocated here" in inline
    assert re.search(r"events 1-4$", inline, re.MULTILINE), inline
    none = compile_source(compile, src, "-fdiagnostics-path-format=none")
    assert "(1)" not in none and "event" not in none
    assert [m.group("msg") for m in NOTE_RE.finditer(none)] == [
        m.group("msg") for m in NOTE_RE.finditer(inline)
        if PLUGIN_NOTE_RE.match(m.group("msg"))
        or not m.group("msg").startswith("in expansion")]


def test_paths_are_the_same_every_run(compile):
    src = DATA / "stability.c"
    runs = {compile_source(compile, src,
                           "-fdiagnostics-path-format=separate-events")
            for _ in range(3)}
    assert len(runs) == 1
    assert "(1) " in runs.pop()


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ESCAPE_SLOW") != "1",
                    reason="compiles SQLite: set ESCAPE_SLOW=1 to run it")
def test_sqlite_paths_end_with_a_reason(compile):
    """On SQLite, every path ends with its note's reason, or the reason of
    the memory it was stored in (a note "stored in memory that escapes"),
    or says where it lost the way; most notes have one."""
    try:
        source = sqlite_amalgamation.fetch(ROOT / "build" / "sqlite")
    except (sqlite_amalgamation.Unavailable, sqlite_amalgamation.Broken) as e:
        pytest.skip(str(e))
    rc, _out, err = compile(source / "sqlite3.c", "-O2",
                            "-DSQLITE_THREADSAFE=0",
                            "-fdiagnostics-format=json",
                            args=("report=escapes",), timeout=900)
    assert rc == 0, err[-2000:]
    paths = json_paths(err)
    ended = lost = 0
    for (_l, _c, msg), events in paths.items():
        if not events:
            continue
        reason = msg.split(" escapes: ", 1)[1]
        last = events[-1][1]
        if last.startswith(UNTOLD):
            lost += 1
            continue
        told = [desc for _l, desc, _d, _f in events]
        assert reason in told or reason == "stored in memory that escapes", \
            (msg, told)
        ended += 1
    assert ended > 0.8 * len(paths), (ended, lost, len(paths))


@pytest.mark.parametrize("fmt", ["json", "separate-events"])
def test_escape_notes_reads_the_paths(compile, tmp_path, fmt):
    """escape-summary's reader (tools/escape_notes.py) keeps each note's
    path from GCC's JSON and from a log of separate events, as it does from
    SARIF: the steps escape-summary --html shows."""
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import escape_notes
    src = ESCAPE_DG / "path-reasons.c"
    expected = {msg: ["%s:%d: %s" % (src, line, text) for line, text in events]
                for (_l, _c, msg), events in text_paths(compile_source(
                    compile, src,
                    "-fdiagnostics-path-format=separate-events")).items()}
    flag = ("-fdiagnostics-format=json" if fmt == "json"
            else "-fdiagnostics-path-format=separate-events")
    log = tmp_path / "build.log"
    log.write_text(compile_source(compile, src, flag))
    notes = escape_notes.read_notes([log])
    assert notes
    for note in notes:
        assert list(note.path) == expected[note.message], note.message


def test_escape_notes_leaves_other_paths_alone(tmp_path):
    """A warning's own path events (the analyzer's) are not a note's."""
    import sys
    sys.path.insert(0, str(ROOT / "tools"))
    import escape_notes
    log = tmp_path / "build.log"
    log.write_text(
        "t.c:3:7: note: address of 'x' escapes: stored in global 'g'\n"
        "t.c:4:8: note: (1) address of 'x' taken\n"
        "t.c:5:5: note: (2) stored in global 'g'\n"
        "t.c:9:3: warning: leak of 'p' [CWE-401] [-Wanalyzer-malloc-leak]\n"
        "t.c:8:13: note: (1) allocated here\n"
        "t.c:9:3: note: (2) 'p' leaks here; was allocated at (1)\n")
    [note] = escape_notes.read_notes([log])
    assert note.path == ("t.c:4: address of 'x' taken",
                         "t.c:5: stored in global 'g'")
