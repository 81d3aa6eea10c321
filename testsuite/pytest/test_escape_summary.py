"""escape-summary and its notes reader (tools/escape_notes.py) on real
builds: docs/demo.c, and a two-directory build of real code (the plugin's
C core, plugin/*.c, and the benchmark kernels, bench/kernels/*.c) with
report and stackify, kept as GCC's JSON (every compile's stderr appended
to one file, with make's chatter between) and as a plain text log.  The
counts must be those of the notes, counted here without the reader; the
--html page is driven in headless Chromium (testsuite/pytest/webdriver.py):
every site shown, sorting and filtering.

With ESCAPE_SLOW=1 the same on the SQLite amalgamation (see
test_sqlite.py)."""

import collections
import concurrent.futures
import json
import os
import re
import sys

import pytest

import sqlite_amalgamation
from conftest import CC, ROOT, plugin_flags, run
from webdriver import Browser

sys.path.insert(0, str(ROOT / "tools"))
import escape_notes  # noqa: E402
import escape_source  # noqa: E402

SUMMARY = ROOT / "tools" / "escape-summary"
PLUGIN_ARGS = ("report", "stackify")
REAL_SOURCES = sorted(
    str(p.relative_to(ROOT)) for p in
    list((ROOT / "plugin").glob("escape-*.c"))
    + list((ROOT / "bench" / "kernels").glob("*.c")))


# --- the notes, counted without escape_notes --------------------------------

def verdict_of(message):
    """The verdict of a plugin note's MESSAGE, or None for another note."""
    if not re.match(r"(address of '|allocation of |parameter ')", message):
        return None
    if "; grows a block moved to stack" in message:
        return "grows-moved"
    if "; stays on heap: " in message:
        return "not-moved"
    if " moved to stack" in message:
        return "moved"
    if "leaks to return value" in message:
        return "leaks-to-return"
    if " escapes: " in message.split(";")[0]:
        return "escapes"
    if "does not escape" in message:
        return "does-not-escape"
    return None


def raw_json_notes(text):
    """(file, line, column, None, message) of the notes in GCC's JSON
    output TEXT (one array a line)."""
    notes = []
    for line in text.splitlines():
        if line.startswith("["):
            for d in json.loads(line):
                caret = d["locations"][0]["caret"]
                if d["kind"] == "note" and verdict_of(d["message"]):
                    notes.append((os.path.normpath(caret["file"]),
                                  caret["line"],
                                  caret["column"], None, d["message"]))
    return notes


def raw_log_notes(text):
    """(file, line, column, function, message) of the notes in a log."""
    notes = []
    function = None
    for line in re.sub(r"\x1b\[[0-9;]*[mK]", "", text).splitlines():
        m = re.match(r"(?:.*: )?In function '(.*)'[:,]$", line)
        if m:
            function = m.group(1)
        m = re.match(r"(.*?):(\d+):(\d+): note: (.*)$", line)
        if m and verdict_of(m.group(4)):
            notes.append((os.path.normpath(m.group(1)), int(m.group(2)),
                          int(m.group(3)),
                          function, m.group(4)))
    return notes


def expected_summary(raw):
    """What escape-summary must count of the notes RAW (with repeats)."""
    notes = list(dict.fromkeys(raw))
    verdicts = collections.Counter(verdict_of(n[4]) for n in notes)
    by_file = collections.Counter(n[0] for n in notes)
    allocations = collections.defaultdict(set)
    for n in notes:
        if n[4].startswith("allocation of"):
            allocations[n[:3]].add(verdict_of(n[4]))
    heap = {pos for pos, v in allocations.items()
            if v & {"escapes", "not-moved"}
            or ("does-not-escape" in v
                and not v & {"moved", "not-moved", "grows-moved"})}
    return {"notes": len(notes), "sites": len({n[:3] + (kind(n[4]),)
                                               for n in notes}),
            "verdicts": verdicts, "by_file": by_file, "heap": heap}


def kind(message):
    return message.split(" ")[0]


def summary_json(*args, cwd=None):
    rc, out, err = run([SUMMARY, "--json"] + list(args), cwd=cwd)
    assert rc == 0, err
    return json.loads(out)


def check_counts(summary, raw):
    expected = expected_summary(raw)
    assert summary["counts"]["notes"] == expected["notes"]
    assert summary["counts"]["sites"] == expected["sites"]
    assert {v: n for v, n in summary["verdicts"].items() if n} == \
        dict(expected["verdicts"])
    assert {r["name"]: r["notes"] for r in summary["groups"]["file"]} == \
        dict(expected["by_file"])
    assert {(s["file"], s["line"], s["column"]) for s in summary["heap"]} \
        == expected["heap"]


# --- builds -----------------------------------------------------------------

def compile_all(plugin, sources, out_dir, name, cwd, extra=()):
    """Compiles SOURCES (relative to CWD) with report and stackify, once
    with JSON diagnostics (OUT_DIR/NAME.json: each compile's stderr
    appended, with make-like lines between) and once as text
    (OUT_DIR/NAME.log, make's way: the command, then its output; one
    compile with colors)."""
    json_text, log_text = [], []
    for i, src in enumerate(sources):
        cmd = CC + ["-O2", "-g", "-Ibench", "-c", "-o", "/dev/null"] + \
            plugin_flags(plugin, PLUGIN_ARGS) + list(extra) + [src]
        rc, _out, err = run(cmd + ["-fdiagnostics-format=json"], cwd=cwd)
        assert rc == 0, err
        json_text.append("make[1]: Entering directory '%s'\n%s" % (cwd, err))
        color = ["-fdiagnostics-color=always"] if i == 1 else []
        rc, _out, err = run(cmd + color, cwd=cwd)
        assert rc == 0, err
        log_text.append(" ".join(cmd + color) + "\n" + err)
    (out_dir / (name + ".json")).write_text("".join(json_text))
    (out_dir / (name + ".log")).write_text("".join(log_text))
    return "".join(json_text), "".join(log_text)


@pytest.fixture(scope="module")
def demo(plugin, tmp_path_factory):
    """docs/demo.c compiled from the top directory: notes in OUT."""
    out = tmp_path_factory.mktemp("demo")
    json_text, log_text = compile_all(plugin, ["docs/demo.c"], out, "demo",
                                      ROOT)
    return out, json_text, log_text


@pytest.fixture(scope="module")
def real(plugin, tmp_path_factory):
    """The plugin's C core and the benchmark kernels: notes in OUT."""
    out = tmp_path_factory.mktemp("real")
    json_text, log_text = compile_all(plugin, REAL_SOURCES, out, "build",
                                      ROOT)
    return out, json_text, log_text


# --- the reader -------------------------------------------------------------

MESSAGES = [
    ("address of 'buf' does not escape",
     ("local", "buf", "does-not-escape", None, None, None)),
    ("address of '<compound literal>' escapes: stored in global 'g'",
     ("local", "<compound literal>", "escapes", "stored in global 'g'",
      None, None)),
    ("allocation of 1 byte does not escape",
     ("allocation", "1 byte", "does-not-escape", None, None, None)),
    ("allocation of unknown size escapes: passed to 'f' (argument 2), "
     "which may keep it",
     ("allocation", "unknown size", "escapes",
      "passed to 'f' (argument 2), which may keep it", None, None)),
    ("parameter 'p' leaks to return value",
     ("parameter", "p", "leaks-to-return", None, None, None)),
    ("parameter 'h' does not escape; its contents escape: stored in "
     "global 'keep'",
     ("parameter", "h", "does-not-escape", None, "stored in global 'keep'",
      None)),
    ("parameter 'q' leaks to return value; its contents escape: returned "
     "to caller",
     ("parameter", "q", "leaks-to-return", None, "returned to caller",
      None)),
    ("parameter 'fp' escapes: passed to a function through a pointer; its "
     "contents escape: converted to an integer",
     ("parameter", "fp", "escapes", "passed to a function through a pointer",
      "converted to an integer", None)),
    ("allocation of 64 bytes moved to stack",
     ("allocation", "64 bytes", "moved", None, None, None)),
    ("allocation of at most 255 bytes moved to stack",
     ("allocation", "at most 255 bytes", "moved", None, None, None)),
    ("allocation of run-time size moved to stack when it fits 256 bytes "
     "(heap otherwise)",
     ("allocation", "run-time size", "moved",
      "slot of 256 bytes, heap otherwise", None, 256)),
    ("allocation of 48 bytes moved to stack while its slot is free (heap "
     "otherwise: the block of an earlier iteration may still be in use)",
     ("allocation", "48 bytes", "moved",
      "slot taken while free, heap otherwise", None, None)),
    ("allocation of run-time size moved to stack when it fits 256 bytes and "
     "its slot is free (heap otherwise: the block of an earlier iteration may "
     "still be in use); realloc grows it in place up to 256 bytes (heap "
     "beyond)",
     ("allocation", "run-time size", "moved", "slot of 256 bytes when free, "
      "heap otherwise; realloc grows it in place up to 256 bytes", None,
      256)),
    ("allocation of 24 bytes moved to stack; the function may recurse: its "
     "slot is taken from a stack budget of 16384 bytes per thread (heap once "
     "it is spent)",
     ("allocation", "24 bytes", "moved", "recursive: from a stack budget of "
      "16384 bytes per thread", None, None)),
    ("allocation of 16 bytes moved to stack; realloc grows it in place up "
     "to 256 bytes (heap beyond)",
     ("allocation", "16 bytes", "moved",
      "realloc grows it in place up to 256 bytes", None, 256)),
    ("allocation of run-time size moved to stack when it fits 128 bytes "
     "(heap otherwise); realloc grows it in place up to 128 bytes (heap "
     "beyond)",
     ("allocation", "run-time size", "moved", "slot of 128 bytes, heap "
      "otherwise; realloc grows it in place up to 128 bytes", None, 128)),
    ("allocation of unknown size does not escape; grows a block moved to "
     "stack: in its slot up to 256 bytes, on the heap beyond",
     ("allocation", "unknown size", "grows-moved", None, None, 256)),
    ("allocation of 300 bytes does not escape; stays on heap: larger than "
     "stackify-max (256 bytes)",
     ("allocation", "300 bytes", "not-moved",
      "larger than stackify-max (256 bytes)", None, None)),
]


@pytest.mark.parametrize("message,fields", MESSAGES,
                         ids=[m[:40] for m, _ in MESSAGES])
def test_every_note_form(message, fields):
    got = escape_notes.parse_message(message)
    assert got is not None
    assert (got["kind"], got["subject"], got["verdict"], got["reason"],
            got["contents_reason"], got["slot"]) == fields


@pytest.mark.parametrize("message", [
    "'x' declared here", "in expansion of macro 'M'",
    "allocation of 3 apples does not escape", "parameter 'p' is fine",
    "address of 'x' does not escape quickly"])
def test_other_notes_are_ignored(message):
    assert escape_notes.parse_message(message) is None


def test_reason_class():
    assert escape_notes.reason_class(
        "passed to 'f' (argument 2), which keeps it") == \
        "passed to 'NAME' (argument N), which keeps it"
    assert escape_notes.reason_class(None) is None


def test_function_ranges():
    text = """/* f (x) { not code } */
#define M(x) { x }
struct s { int (*cb) (int); };
static const char *text = "g (void) {";
int
first (int (*cb) (int),
       char c)
{
  if (c == '{')
    return cb ('}');
  return 0;
}
int proto (void);
int table[] = { 1 };
void second (void) { }
static void (*third (int n)) (void) {
#if A
  if (n) {
#else
  if (!n) {
#endif
    return 0; }
  return 0;
}
__attribute__ ((noinline)) int fourth (void) {
  return 4;
}
"""
    assert escape_source.function_ranges(text) == [
        (6, 12, "first"), (15, 15, "second"), (16, 24, "third"),
        (25, 27, "fourth")]


def test_json_arrays_and_noise(demo):
    out, json_text, _ = demo
    twice = out / "twice.json"
    twice.write_text(json_text + "gcc: some text\n" + json_text)
    once = escape_notes.read_notes([out / "demo.json"], [ROOT])
    notes = escape_notes.read_notes([twice], [ROOT])
    assert len(once) == len(raw_json_notes(json_text)) > 0
    assert notes == [n._replace(origin=str(twice)) for n in once + once]
    assert escape_notes.distinct(notes) == notes[:len(once)]


def test_log_inlined_copy_context(tmp_path):
    """GCC prints an inlined copy's context without a file name ("In
    function 'f'," then "inlined from" lines): the note is f's, even when
    the header before it was another function's."""
    (tmp_path / "x.log").write_text(
        "b.c: In function 'g':\n"
        "b.c:9:1: note: address of 'x' does not escape\n"
        "In function 'f',\n"
        "    inlined from 'g' at b.c:10:3:\n"
        "a.c:3:5: note: allocation of 4 bytes moved to stack\n")
    notes = escape_notes.read_notes([tmp_path / "x.log"])
    assert [(n.file, n.function, n.verdict) for n in notes] == \
        [("b.c", "g", "does-not-escape"), ("a.c", "f", "moved")]


def test_log_functions(real):
    out, _, log_text = real
    notes = escape_notes.read_notes([out / "build.log"])
    assert [(n.file, n.line, n.column, n.function, n.message)
            for n in notes] == raw_log_notes(log_text)


def test_json_functions_from_source(real):
    """A JSON note's function, found in the source, is the one GCC names
    in the log: every report note (a stackify note on a helper's
    allocation is in the caller it was inlined into)."""
    out, _, _ = real
    logged = {(n.file, n.line, n.column, n.message): n.function
              for n in escape_notes.read_notes([out / "build.log"])
              if n.verdict not in escape_notes.STACKIFY_VERDICTS}
    found = {(n.file, n.line, n.column, n.message): n.function
             for n in escape_notes.read_notes([out / "build.json"], [ROOT])
             if n.verdict not in escape_notes.STACKIFY_VERDICTS}
    assert found == logged
    assert len(set(found.values())) > 100


def write_sarif(path):
    """A SARIF file of one note with a function and a path of one step
    (and a result that is not a note of the plugin)."""
    step = {"location": {"physicalLocation": {
        "artifactLocation": {"uri": "a.c"}, "region": {"startLine": 9}},
        "message": {"text": "stored in global 'g'"}}}
    sarif = {"version": "2.1.0", "runs": [{"results": [
        {"level": "note",
         "message": {"text": "address of 'x' escapes: stored in global 'g'"},
         "locations": [{"physicalLocation": {
             "artifactLocation": {"uri": "file:///src/a.c"},
             "region": {"startLine": 7, "startColumn": 3}},
             "logicalLocations": [{"name": "f"}]}],
         "codeFlows": [{"threadFlows": [{"locations": [step]}]}]},
        {"message": {"text": "unrelated"}, "locations": []}]}]}
    path.write_text(json.dumps(sarif))


def test_sarif(tmp_path):
    write_sarif(tmp_path / "a.sarif")
    [note] = escape_notes.read_notes([tmp_path])
    assert (note.file, note.line, note.column, note.function, note.verdict,
            note.path) == ("/src/a.c", 7, 3, "f", "escapes",
                           ("a.c:9: stored in global 'g'",))


def test_sites_join_report_and_stackify(demo):
    out, _, _ = demo
    sites = escape_notes.join_sites(escape_notes.read_notes(
        [out / "demo.log"]))
    by_line = {(s.line, s.kind): s for s in sites}
    helper = by_line[(13, "allocation")]     # make_site's, inlined in main
    assert [n.verdict for n in helper.notes] == ["escapes", "moved"]
    # The stackify note is about the copy inlined into main, under GCC's
    # "In function 'make_site', inlined from 'main'" context.
    assert (helper.outcome, helper.functions, helper.heap_reasons) == \
        ("mixed", ("make_site",), ("escapes: returned to caller",))
    assert by_line[(49, "allocation")].outcome == "stack"
    assert by_line[(40, "local")].outcome is None
    index = escape_notes.SiteIndex(sites)
    assert index.lookup(str(ROOT / "docs" / "demo.c"), 13) == [helper]
    assert index.lookup("/elsewhere/other.c", 13) == []


# --- escape-summary ---------------------------------------------------------

def counted(build, name, fmt, groupings):
    """escape-summary's JSON of the notes file NAME.FMT of BUILD (a
    fixture's value), its counts checked against the notes."""
    out, json_text, log_text = build
    raw = raw_json_notes(json_text) if fmt == "json" \
        else raw_log_notes(log_text)
    summary = summary_json(out / ("%s.%s" % (name, fmt)), "--by", groupings,
                           "--source-dir", ROOT)
    check_counts(summary, raw)
    return summary


@pytest.mark.parametrize("fmt", ["json", "log"])
def test_demo_counts(demo, fmt):
    summary = counted(demo, "demo", fmt, "file,function")
    assert summary["counts"]["files"] == 1
    functions = {r["name"]: r["notes"] for r in summary["groups"]["function"]}
    assert functions == {"main (docs/demo.c)": 5,
                         "make_site (docs/demo.c)": 2,
                         "sum (docs/demo.c)": 1,
                         "first_word (docs/demo.c)": 1}


def test_sources_not_found(demo):
    """Run elsewhere without --source-dir, the JSON notes have no function,
    and the user is told why."""
    out, json_text, _ = demo
    rc, text, err = run([SUMMARY, "--json", "--by", "function",
                         out / "demo.json"], cwd=out)
    assert rc == 0
    assert "warning: 1 source file not found (docs/demo.c)" in err
    [group] = json.loads(text)["groups"]["function"]
    assert group["name"] == "(no function) (docs/demo.c)"


@pytest.mark.parametrize("fmt", ["json", "log"])
def test_real_build_counts(real, fmt):
    summary = counted(real, "build", fmt, "dir,file")
    dirs = {r["name"]: r["notes"] for r in summary["groups"]["dir"]}
    assert set(dirs) == {"plugin", "bench/kernels", "bench"}
    assert sum(dirs.values()) == summary["counts"]["notes"]
    assert summary["verdicts"]["moved"] > 0 and \
        summary["verdicts"]["escapes"] > 0


def test_exact_reasons(real):
    out, json_text, _ = real
    classes = summary_json(out / "build.json")["reasons"]["escapes"]
    exact = summary_json(out / "build.json", "--reasons", "exact")[
        "reasons"]["escapes"]
    assert sum(exact.values()) == sum(classes.values())
    assert len(exact) > len(classes)
    assert exact == dict(collections.Counter(
        m.split("escapes: ", 1)[1].split("; its contents")[0]
        for *_, m in set(raw_json_notes(json_text))
        if verdict_of(m) == "escapes"))


def test_directory_is_searched(real, tmp_path):
    out, json_text, _ = real
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "build.json").write_text(json_text)
    (tmp_path / "a" / "ignored.txt").write_text(json_text)
    summary = summary_json(tmp_path)
    assert summary["notes_files"] == [str(tmp_path / "a" / "b" /
                                          "build.json")]
    assert summary["counts"]["notes"] == \
        expected_summary(raw_json_notes(json_text))["notes"]


def test_text_output(demo):
    out, _, _ = demo
    rc, text, err = run([SUMMARY, out / "demo.log", "--by", "function",
                         "--top", "2"])
    assert rc == 0, err
    lines = text.splitlines()
    assert lines[0] == \
        "9 notes at 8 source positions in 1 source file (read from 1 " \
        "notes file)"
    assert "by function (top 2 of 4):" in lines
    assert "  docs/demo.c:13:23: allocation of 20 bytes in make_site " \
        "(moved to the stack in another copy): escapes: returned to caller" \
        in lines


@pytest.mark.parametrize("args,message", [
    ([], "the following arguments are required: PATH"),
    (["--by", "line", "x"], "invalid grouping 'line': choose from dir, "
     "file, function"),
    (["--top", "-1", "x"], "invalid count '-1'"),
    (["/nonexistent"], "error: /nonexistent: no such file or directory"),
])
def test_usage_errors(args, message):
    rc, out, err = run([SUMMARY] + args)
    assert rc != 0 and out == ""
    assert message in err


def test_no_notes_is_an_error(tmp_path):
    (tmp_path / "empty.json").write_text("[]\n")
    rc, _, err = run([SUMMARY, tmp_path / "empty.json"])
    assert rc == 1
    assert "no notes of the escape plugin" in err


# --- the page, in a browser -------------------------------------------------

ROWS = """return [...document.querySelectorAll("#sites tbody tr")]
  .filter(tr => !tr.hidden)
  .map(tr => [...tr.cells].map(td => td.textContent));"""
HEADINGS = """return [...document.querySelectorAll("#sites th")]
  .map(th => th.dataset.key);"""


def location(site):
    return "%s:%d:%d" % (site["file"], site["line"], site["column"])


def check_page(browser, page, summary):
    """Every site shown, sorting and filtering, on the page of SUMMARY."""
    browser.open(page)
    sites = summary["sites"]
    columns = browser.run(HEADINGS)
    col = {key: i for i, key in enumerate(columns)}
    rows = browser.run(ROWS)
    assert browser.run("return document.getElementById('shown')"
                       ".textContent") == "%d of %d sites" % (len(sites),
                                                              len(sites))
    assert [r[col["location"]] for r in rows] == [location(s) for s in sites]

    browser.click("#sites th[data-key=location]")
    rows = browser.run(ROWS)
    assert [r[col["location"]] for r in rows] == \
        [location(s) for s in reversed(sites)]
    browser.click("#sites th[data-key=subject]")
    subjects = [r[col["subject"]] for r in browser.run(ROWS)]
    assert subjects == sorted(subjects) and len(set(subjects)) > 1
    browser.click("#sites th[data-key=subject]")
    assert [r[col["subject"]] for r in browser.run(ROWS)] == \
        sorted(subjects, reverse=True)

    browser.select("#verdict", "escapes")
    escaping = {location(s) for s in sites
                if any(n["verdict"] == "escapes" for n in s["notes"])}
    rows = browser.run(ROWS)
    assert {r[col["location"]] for r in rows} == escaping
    browser.select("#verdict", "")
    browser.select("#outcome", "heap")
    assert {r[col["location"]] for r in browser.run(ROWS)} == \
        {location(s) for s in summary["heap"] if s["outcome"] == "heap"}
    browser.select("#outcome", "")
    some_file = sites[-1]["file"]
    browser.type("#filter", some_file)
    assert {r[col["location"]] for r in browser.run(ROWS)} == \
        {location(s) for s in sites if some_file in location(s)
         or any(some_file in ", ".join(n["path"]) for n in s["notes"])}
    return col


@pytest.fixture
def browser(tmp_path):
    why = Browser.available()
    if why:
        pytest.skip(why)
    with Browser(tmp_path) as b:
        yield b


def test_page_in_browser(real, browser, tmp_path):
    out, _, _ = real
    page = tmp_path / "page.html"
    summary = summary_json(out / "build.json", "--source-dir", ROOT,
                           "--html", page)
    col = check_page(browser, page, summary)
    # The source line, read from the file the note names.
    browser.type("#filter", "")
    site = summary["heap"][0]
    line = (ROOT / site["file"]).read_text().splitlines()[site["line"] - 1]
    [row] = [r for r in browser.run(ROWS)
             if r[col["location"]] == location(site)]
    assert row[col["source"]] == line.strip()
    assert "escapes: " in row[col["reasons"]]


def test_page_shows_paths(browser, tmp_path):
    write_sarif(tmp_path / "a.sarif")
    page = tmp_path / "page.html"
    rc, _, err = run([SUMMARY, tmp_path / "a.sarif", "--html", page])
    assert rc == 0, err
    browser.open(page)
    col = {key: i for i, key in enumerate(browser.run(HEADINGS))}
    [row] = browser.run(ROWS)
    assert (row[col["location"]], row[col["functions"]], row[col["path"]]) \
        == ("/src/a.c:7:3", "f", "a.c:9: stored in global 'g'")


# --- SQLite (ESCAPE_SLOW=1) -------------------------------------------------

def sqlite_notes(plugin, src, fmt):
    """The stderr of SQLite's compile with report and stackify, as JSON
    or text."""
    flags = ["-fdiagnostics-format=json"] if fmt == "json" else []
    rc, _out, err = run(
        CC + ["-O2", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION",
              "-c", "-o", "/dev/null"] + flags
        + plugin_flags(plugin, PLUGIN_ARGS) + ["sqlite3.c"],
        cwd=src, timeout=900)
    assert rc == 0, err[-3000:]
    return err


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ESCAPE_SLOW") != "1",
                    reason="slow (builds SQLite twice, a few minutes): set "
                    "ESCAPE_SLOW=1 to run it")
def test_sqlite(plugin, browser, tmp_path):
    try:
        src = sqlite_amalgamation.fetch(ROOT / "build" / "sqlite")
    except sqlite_amalgamation.Unavailable as e:
        pytest.skip(str(e))
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        json_text, log_text = pool.map(
            lambda fmt: sqlite_notes(plugin, src, fmt), ["json", "log"])
    (tmp_path / "sqlite.json").write_text(json_text)
    (tmp_path / "sqlite.log").write_text(log_text)
    page = tmp_path / "sqlite.html"
    summary = summary_json(tmp_path / "sqlite.json", "--source-dir", src,
                           "--by", "file,function", "--html", page)
    check_counts(summary, raw_json_notes(json_text))
    check_counts(summary_json(tmp_path / "sqlite.log"),
                 raw_log_notes(log_text))
    assert summary["counts"]["notes"] > 5000
    # The functions found in the source are those GCC names, where the
    # JSON and the log place a note alike (not in macros: JSON gives the
    # expansion's place, the log the macro's).
    logged = {n[1:3] + (n[4],): n[3] for n in raw_log_notes(log_text)
              if verdict_of(n[4]) not in escape_notes.STACKIFY_VERDICTS}
    found = {(n.line, n.column, n.message): n.function
             for n in escape_notes.read_notes([tmp_path / "sqlite.json"],
                                              [src])
             if n.verdict not in escape_notes.STACKIFY_VERDICTS}
    common = set(logged) & set(found)
    assert len(common) > 0.99 * len(found)
    assert {k: found[k] for k in common} == {k: logged[k] for k in common}
    check_page(browser, page, summary)
