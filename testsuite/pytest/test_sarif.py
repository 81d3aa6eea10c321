"""-fplugin-arg-escape-sarif=FILE: the notes as a SARIF 2.1.0 log
(plugin/escape-sarif*.cc, docs/sarif.md).

The log has exactly the notes of the text output (file, line, column,
message, in order), a rule per verdict and reason, validates against the
SARIF 2.1.0 schema (Ajv) and Microsoft's SARIF Multitool with GitHub's
rules, is the same from run to run, and bad arguments are errors.  The
validators are npm packages that "make deps" installs into
testsuite/sarif (ci/install-sarif-validators.sh); without them the
validation tests are skipped."""

import json
import os
import pathlib
import re
import subprocess
import urllib.parse

import pytest

from conftest import DATA, NOTE_RE, PLUGIN_NOTE_RE, ROOT, ice, parse_notes, \
    run

SARIF_DIR = ROOT / "testsuite" / "sarif"
VALIDATE_JS = SARIF_DIR / "validate.js"
MULTITOOL = SARIF_DIR / "node_modules" / "@microsoft" / \
    "sarif-multitool-linux" / "Sarif.Multitool"

# The notes PLUGIN_NOTE_RE leaves out: the stackify pass's, and a
# parameter's whose contents escape.
OTHER_NOTE_RE = re.compile(
    r"^(?:allocation of .* (?:moved to stack.*|does not escape; "
    r"(?:stays on heap|grows a block moved to stack): .+)"
    r"|parameter '[^']*' (?:does not escape|leaks to return value); "
    r"its contents escape: .+)$")

STACKIFY = ("report", "stackify")

# Tabs, a two-byte and a four-byte UTF-8 character before the names, where
# byte, display and UTF-16 columns all differ.
WIDE = "int *g;\n" \
    "static void\tkeep (int *\tp) { g = p; }\n" \
    "int f (void)\n{\n" \
    "\tint \u00e9t\u00e9 = 1;\tint\tx = 2; /* \U0001F600 */ int y = 3;\n" \
    "\tkeep (&\u00e9t\u00e9);\n" \
    "\tkeep (&x);\n" \
    "\tkeep (&y);\n" \
    "\treturn 0;\n}\n"

# A verdict of each kind, and each reason and refusal that a small file
# can show (at -O2 with stackify).
RULES_SRC = r"""
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int *g;
struct holder { int *p; };
int *keep;
extern void unknown (int *);
static void keeper (int *p) { g = p; }
static void publish (struct holder *h) { keep = h->p; }
__attribute__ ((noinline)) static void release (void *p) { free (p); }
__attribute__ ((noinline)) static int use (char *p) { return p[0]; }
jmp_buf env;

#define NEW(n) malloc (n)
#define MAKE(n) NEW (n)

int *returned (void) { int *p = malloc (4); return p; }
int *made (void) { return MAKE (4); }
void global (void) { int x; g = &x; }
void through (int **out) { int y; *out = &y; }
void calls (void) { int a, b; keeper (&a); unknown (&b); }
void indirect (void (*fp) (int *)) { int z; fp (&z); }
int *same (int *q) { return q; }
void asm_use (void) { int v; __asm__ ("" :: "r" (&v)); }
void contents (struct holder *h) { publish (h); }
int moved (void) { char *p = malloc (16); int r = use (p); free (p); return r; }
int large (void) { char *p = malloc (1000); int r = use (p); free (p); return r; }
int dup (void) { char *d = strdup ("abc"); int r = d[0]; free (d); return r; }
int recurse (int n)
{
  char *p = malloc (8);
  int r = n ? recurse (n - 1) : 0;
  r += use (p);
  free (p);
  return r;
}
int jumps (void)
{
  char *p = malloc (8);
  if (setjmp (env))
    return 0;
  int r = use (p);
  free (p);
  return r;
}
int elsewhere (void) { char *p = malloc (8); int r = use (p); release (p); return r; }
int budget (void)
{
  char *a = malloc (200), *b = malloc (200), *c = malloc (200);
  char *d = malloc (200), *e = malloc (200), *f = malloc (200);
  int r = use (a) + use (b) + use (c) + use (d) + use (e) + use (f);
  free (a); free (b); free (c); free (d); free (e); free (f);
  return r;
}
int grow (void)
{
  char *p = malloc (8);
  char *q = realloc (p, 16);
  int r = use (q);
  free (q);
  return r;
}
int loop (int n)
{
  char *prev = 0;
  int r = 0;
  for (int i = 0; i < n; i++)
    {
      char *p = malloc (8);
      r += use (p);
      if (prev)
        r += use (prev);
      prev = p;
    }
  free (prev);
  return r;
}
"""

# The rule a message's text says it has (the plugin never reads its own
# text back: it carries the kind; the test checks that both agree).
REASON_RULES = [
    (r"returned to caller$", "returned"),
    (r"stored in global '[^']*'$", "stored-in-global"),
    (r"stored through parameter '[^']*'$", "stored-through-parameter"),
    (r"stored in memory that escapes$", "stored-in-escaping-memory"),
    (r"passed to '[^']*' \(argument \d+\), which keeps it$",
     "passed-to-keeping-function"),
    (r"passed to '[^']*' \(argument \d+\), which may keep it$",
     "passed-to-unknown-function"),
    (r"passed to a function through a pointer$",
     "passed-through-function-pointer"),
    (r"handed to another thread by '[^']*'$", "handed-to-thread"),
    (r"converted to an integer$", "converted-to-integer"),
    (r"used by inline assembly$", "used-by-inline-asm"),
    (r"captured by nested function '[^']*'$",
     "captured-by-nested-function"),
    (r"unsupported construct \(.*\)$", "unsupported-construct"),
]

REFUSAL_RULES = [
    (r"only malloc, calloc, aligned_alloc", "not-movable-allocator"),
    (r"the size '[^']*' allocates is not known", "allocator-size-unknown"),
    (r"the allocator may throw", "allocator-may-throw"),
    (r"size is not a constant, and stackify-max is 0", "run-time-size"),
    (r"larger than stackify-max", "larger-than-stackify-max"),
    (r"alignment is not a constant", "alignment"),
    (r"function calls setjmp", "calls-setjmp"),
    (r"function may recurse", "may-recurse"),
    (r"resized by '", "resized"),
    (r"freed or used as heap memory", "freed-elsewhere"),
    (r"may outlive a loop iteration", "may-outlive-iteration"),
    (r"freed through a pointer that may hold another", "free-may-free-another"),
    (r"frame budget used up", "frame-budget"),
]


def reason_slug(reason):
    for pattern, slug in REASON_RULES:
        if re.match(pattern, reason):
            return slug
    raise AssertionError("no rule for reason %r" % reason)


def expected_rule(message):
    """The rule id the message's text calls for."""
    m = re.search(r"; stays on heap: (.*)$", message)
    if m:
        for pattern, slug in REFUSAL_RULES:
            if re.match(pattern, m.group(1)):
                return "escape/stays-on-heap/" + slug
        raise AssertionError("no rule for refusal %r" % message)
    if "grows a block moved to stack" in message:
        return "escape/grows-moved-block"
    if "moved to stack" in message:
        return "escape/moved-to-stack"
    m = re.search(r" escapes: (.*?)(?:; its contents escape: .*)?$", message)
    if m:
        return "escape/escapes/" + reason_slug(m.group(1))
    m = re.search(r"; its contents escape: (.*)$", message)
    if m:
        return "escape/contents-escape/" + reason_slug(m.group(1))
    if message.endswith("leaks to return value"):
        return "escape/leaks-to-return"
    assert message.endswith("does not escape"), message
    return "escape/does-not-escape"


def plugin_note(message):
    return PLUGIN_NOTE_RE.match(message) or OTHER_NOTE_RE.match(message)


MACRO_NOTE_RE = re.compile(r"^in expansion of macro '[^']*'$")


def text_notes(stderr, cwd, related=False):
    """The plugin's notes in the text output, as (absolute file, line,
    byte column, message), with RELATED a fifth member: the "in expansion
    of macro" notes that follow, each as (file, line, byte column,
    message)."""
    notes = []
    for m in NOTE_RE.finditer(stderr):
        note = (os.path.normpath(os.path.join(cwd, m.group("file"))),
                int(m.group("line")), int(m.group("col")), m.group("msg"))
        if plugin_note(note[3]):
            notes.append(note + ((),) if related else note)
        elif related and notes and MACRO_NOTE_RE.match(note[3]):
            notes[-1] = notes[-1][:4] + (notes[-1][4] + (note,),)
    return notes


def utf16_column(path, line, byte_column):
    """Byte column BYTE_COLUMN of LINE of PATH, in UTF-16 code units."""
    text = pathlib.Path(path).read_bytes().split(b"\n")[line - 1]
    before = text[:byte_column - 1].decode("utf-8", errors="replace")
    return len(before.encode("utf-16-le")) // 2 + 1


def artifact_path(run_, location):
    """The absolute file path of LOCATION's artifact."""
    art = location["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    if "uriBaseId" in art:
        uri = run_["originalUriBaseIds"][art["uriBaseId"]]["uri"] + uri
    parsed = urllib.parse.urlparse(uri)
    assert parsed.scheme == "file", uri
    return urllib.parse.unquote(parsed.path)


def place(run_, location, message):
    region = location["physicalLocation"]["region"]
    return (artifact_path(run_, location), region["startLine"],
            region["startColumn"], message["text"])


def sarif_notes(log, related=False):
    """The results of LOG as (absolute file, line, UTF-16 column,
    message), with RELATED their relatedLocations as a fifth member."""
    run_ = log["runs"][0]
    notes = []
    for result in run_["results"]:
        note = place(run_, result["locations"][0], result["message"])
        if related:
            note += (tuple(place(run_, r, r["message"]) for r in
                           result.get("relatedLocations", ())),)
        notes.append(note)
    return notes


def in_utf16(note):
    """NOTE from text_notes with its columns in UTF-16 code units."""
    f, line, col, msg = note[:4]
    converted = (f, line, utf16_column(f, line, col), msg)
    if len(note) > 4:
        converted += (tuple(in_utf16(r) for r in note[4]),)
    return converted


def compile_with_log(compile, src, *flags, args=("report",),
                     log="out.sarif", **kw):
    """Compiles SRC with -fplugin-arg-escape-sarif=LOG (in the test's
    directory); returns (returncode, stderr, the log's bytes or None)."""
    cwd = kw.pop("cwd", None)
    rc, _out, err = compile(src, "-fdiagnostics-column-unit=byte", *flags,
                            args=tuple(args) + ("sarif=" + log,), cwd=cwd,
                            **kw)
    return rc, err, log


@pytest.fixture
def logged(compile, tmp_path):
    """logged(src, *flags, args=..., log='out.sarif') -> (rc, stderr,
    log as JSON or None, log's bytes or None), compiled in tmp_path."""
    def logged(src, *flags, args=("report",), log="out.sarif", **kw):
        rc, err, name = compile_with_log(compile, src, *flags, args=args,
                                         log=log, cwd=tmp_path, **kw)
        path = tmp_path / name
        data = path.read_bytes() if path.is_file() else None
        return rc, err, json.loads(data) if data else None, data
    return logged


@pytest.fixture(scope="session")
def validators():
    if not (SARIF_DIR / "node_modules").is_dir() or not MULTITOOL.is_file():
        pytest.skip("the SARIF validators are not installed: run "
                    "'make deps' (ci/install-sarif-validators.sh)")
    return SARIF_DIR


def schema_errors(paths):
    """Ajv's complaints about the logs at PATHS against the SARIF 2.1.0
    schema ('' if they are valid)."""
    rc, out, err = run(["node", VALIDATE_JS] + [str(p) for p in paths])
    assert rc in (0, 1), out + err
    return "" if rc == 0 else out + err


def multitool_findings(path):
    """The SARIF Multitool's errors and warnings on the log at PATH, with
    GitHub Advanced Security's rules."""
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1",
               DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
    rc, out, err = run([MULTITOOL, "validate", "--rule-kind", "Sarif;Ghas",
                        path], env=env)
    assert "Analysis completed successfully" in out, out + err
    return [line for line in out.splitlines()
            if re.search(r": (error|warning) [A-Z]+\d+:", line)]


SOURCES = {
    "verdicts.c": (DATA / "verdicts.c", ("report",)),
    "stability.c": (DATA / "stability.c", ("report",)),
    "demo.c": (ROOT / "docs" / "demo.c", STACKIFY),
    "wide.c": (WIDE, ("report",)),
    "rules.c": (RULES_SRC, STACKIFY),
    "escapes-only": (RULES_SRC, ("report=escapes", "stackify")),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_log_has_the_notes_of_the_text(logged, tmp_path, name):
    src, args = SOURCES[name]
    rc, err, log, _ = logged(src, "-O2", args=args)
    assert rc == 0, err
    expected = [in_utf16(n) for n in text_notes(err, tmp_path, related=True)]
    assert expected, err
    assert sarif_notes(log, related=True) == expected
    for result in log["runs"][0]["results"]:
        assert result["level"] == "note"
        assert result["ruleId"] == expected_rule(result["message"]["text"])


def test_columns_count_utf16_code_units(logged):
    rc, err, log, _ = logged(WIDE, "-O2")
    assert rc == 0, err
    assert log["runs"][0]["columnKind"] == "utf16CodeUnits"
    columns = {r["message"]["text"]: r["locations"][0]["physicalLocation"]
               ["region"]["startColumn"] for r in log["runs"][0]["results"]}
    line = WIDE.split("\n")[4]
    # The UTF-16 column of each name, counted here by hand.
    assert columns["address of '\u00e9t\u00e9' escapes: passed to 'keep' "
                   "(argument 1), which keeps it"] == 6
    assert columns["address of 'x' escapes: passed to 'keep' (argument 1), "
                   "which keeps it"] == line.index("x =") + 1
    # The emoji after x is two UTF-16 units, one character.
    assert columns["address of 'y' escapes: passed to 'keep' (argument 1), "
                   "which keeps it"] == line.index("y =") + 2


def test_macro_expansions_are_related_locations(logged):
    rc, err, log, _ = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    (made,) = [r for r in log["runs"][0]["results"]
               if r["locations"][0]["logicalLocations"][0]["name"] == "made"]
    lines = RULES_SRC.split("\n")
    define = next(i for i, l in enumerate(lines) if "#define NEW" in l) + 1
    assert made["locations"][0]["physicalLocation"]["region"][
        "startLine"] == define
    assert [(r["physicalLocation"]["region"]["startLine"],
             r["message"]["text"]) for r in made["relatedLocations"]] == [
        (define + 1, "in expansion of macro 'NEW'"),
        (define + 4, "in expansion of macro 'MAKE'")]


def test_rules_of_each_verdict_reason_and_refusal(logged):
    rc, err, log, _ = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    used = {r["ruleId"] for r in run_["results"]}
    # Each rule the results use, once, and no other.
    assert sorted(ids) == sorted(used)
    for result in run_["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert len(rule["fullDescription"]["text"]) > 40
        assert rule["help"]["text"].startswith(
            rule["fullDescription"]["text"])
        assert rule["defaultConfiguration"]["level"] == "note"
        assert re.fullmatch(r"[A-Z][A-Za-z]+", rule["name"]), rule["name"]
    assert used >= {
        "escape/does-not-escape", "escape/leaks-to-return",
        "escape/escapes/returned", "escape/escapes/stored-in-global",
        "escape/escapes/stored-through-parameter",
        "escape/escapes/passed-to-keeping-function",
        "escape/escapes/passed-to-unknown-function",
        "escape/escapes/passed-through-function-pointer",
        "escape/escapes/used-by-inline-asm",
        "escape/contents-escape/stored-in-global",
        "escape/moved-to-stack", "escape/grows-moved-block",
        "escape/stays-on-heap/not-movable-allocator",
        "escape/stays-on-heap/larger-than-stackify-max",
        "escape/stays-on-heap/may-recurse",
        "escape/stays-on-heap/calls-setjmp",
        "escape/stays-on-heap/freed-elsewhere",
        "escape/stays-on-heap/frame-budget",
        "escape/stays-on-heap/may-outlive-iteration",
    }, sorted(used)


def test_logical_location_is_the_function(logged):
    rc, err, log, _ = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    functions = {}
    for r in log["runs"][0]["results"]:
        (logical,) = r["locations"][0]["logicalLocations"]
        assert logical["kind"] == "function"
        functions.setdefault(logical["name"], []).append(
            r["message"]["text"])
    assert "address of 'x' escapes: stored in global 'g'" in \
        functions["global"]
    assert "allocation of 200 bytes does not escape; stays on heap: frame " \
        "budget used up (stackify-frame-max 1024 bytes)" in functions["budget"]


def test_tool_and_invocation(logged, tmp_path, plugin):
    rc, err, log, _ = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("/sarif-schema-2.1.0.json")
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "escape"
    assert re.fullmatch(r"\d+\.\d+", driver["version"])
    assert driver["informationUri"].startswith("file:///")
    (inv,) = run_["invocations"]
    assert inv["executionSuccessful"] is True
    args = inv["arguments"]
    assert args[0] == "gcc" and args[-1] == str(tmp_path / "t.c")
    assert "-fplugin=%s" % plugin in args and "-O2" in args
    assert inv["commandLine"].split(" ")[:2] == ["gcc", "-fplugin=%s" % plugin]
    root = "file://%s/" % urllib.parse.quote(str(tmp_path))
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == root
    assert inv["workingDirectory"]["uri"] == root
    # The file compiled is under the source root: a relative URI.
    art = run_["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]
    assert art == {"uri": "t.c", "uriBaseId": "%SRCROOT%"}


def test_file_outside_the_source_root_is_an_absolute_uri(logged):
    rc, err, log, _ = logged(DATA / "verdicts.c", "-O2")
    assert rc == 0, err
    art = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"][
        "artifactLocation"]
    assert art == {"uri": "file://" + urllib.parse.quote(
        str(DATA / "verdicts.c"))}


def test_same_log_from_run_to_run(logged, tmp_path):
    rc, err, _, first = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    for _ in range(2):
        rc, err, _, again = logged(RULES_SRC, "-O2", args=STACKIFY)
        assert rc == 0, err
        assert again == first


def test_failed_compilation_writes_an_unsuccessful_log(logged):
    rc, err, log, _ = logged("int f (void) { return undeclared; }\n")
    assert rc != 0 and "error:" in err, err
    assert not ice(err), err
    run_ = log["runs"][0]
    assert run_["invocations"][0]["executionSuccessful"] is False
    assert run_["results"] == []


def test_no_notes_gives_an_empty_log(logged):
    rc, err, log, _ = logged("int f (int x) { return x + 1; }\n", "-O2")
    assert rc == 0, err
    assert parse_notes(err) == []
    run_ = log["runs"][0]
    assert run_["results"] == [] and run_["tool"]["driver"]["rules"] == []
    assert run_["invocations"][0]["executionSuccessful"] is True


# ---- Several units, -flto, file name patterns.

UNIT_A = """#include <stdlib.h>
int sum (int *p, int n);
int *g;
int main (void)
{
  int *p = malloc (16);
  p[0] = 1;
  int s = sum (p, 4);
  free (p);
  int x;
  g = &x;
  return s;
}
"""
UNIT_B = "int sum (int *p, int n)\n{ int s = 0;\n" \
    "  for (int i = 0; i < n; i++) s += p[i];\n  return s; }\n"


def two_units(tmp_path):
    (tmp_path / "a.c").write_text(UNIT_A)
    (tmp_path / "b.c").write_text(UNIT_B)
    return tmp_path / "a.c", tmp_path / "b.c"


def driver(plugin, tmp_path, *args, sarif):
    a, b = two_units(tmp_path)
    cmd = ["gcc", "-O2", "-fdiagnostics-column-unit=byte",
           "-fplugin=%s" % plugin, "-fplugin-arg-escape-report",
           "-fplugin-arg-escape-stackify",
           "-fplugin-arg-escape-sarif=%s" % sarif] + list(args) + [a, b]
    return run(cmd, cwd=tmp_path)


def logs(tmp_path):
    return {p.name: json.loads(p.read_text())
            for p in sorted(tmp_path.glob("*.sarif"))}


def messages(log):
    return [r["message"]["text"] for r in log["runs"][0]["results"]]


def test_each_unit_writes_its_own_log_with_b(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-c", sarif="%b.sarif")
    assert rc == 0, err
    found = logs(tmp_path)
    assert sorted(found) == ["a.c.sarif", "b.c.sarif"]
    notes = text_notes(err, tmp_path)
    for name, log in found.items():
        unit = str(tmp_path / name[:-len(".sarif")])
        assert sarif_notes(log) == [
            (f, line, col, msg) for f, line, col, msg in notes if f == unit]
    assert not list(tmp_path.glob("*.tmp*"))


def test_one_log_for_several_units_is_the_last_units(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-c", sarif="both.sarif")
    assert rc == 0, err
    log = logs(tmp_path)["both.sarif"]
    assert messages(log) == ["parameter 'p' does not escape"]


def test_link_time_notes_go_to_the_link_time_log(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-flto", "-o", "prog",
                           sarif="%b.sarif")
    assert rc == 0, err
    found = logs(tmp_path)
    # Compile time (cc1, per unit) and link time (one LTRANS unit); the
    # whole-program step writes none.
    assert sorted(found) == ["prog-a.c.sarif", "prog-b.c.sarif",
                             "prog.ltrans0.ltrans.sarif"], sorted(found)
    link = found["prog.ltrans0.ltrans.sarif"]
    assert messages(link) == ["allocation of 16 bytes moved to stack"]
    assert "escapes: passed to 'sum'" in messages(found["prog-a.c.sarif"])[0]
    # Every note printed is in one of the logs, once.
    in_logs = sorted(n for log in found.values() for n in sarif_notes(log))
    assert in_logs == sorted(text_notes(err, tmp_path))
    inv = link["runs"][0]["invocations"][0]
    assert not any(a.startswith("/tmp/cc") for a in inv["arguments"]), inv
    # And the same again.
    again = tmp_path / "again"
    again.mkdir()
    rc, _out, err = driver(plugin, again, "-flto", "-o", "prog",
                           sarif="%b.sarif")
    assert rc == 0, err
    second = (again / "prog.ltrans0.ltrans.sarif").read_text()
    assert second.replace(str(again), str(tmp_path)) == \
        (tmp_path / "prog.ltrans0.ltrans.sarif").read_text()


def test_percent_percent_is_a_percent(logged, tmp_path):
    # %b is GCC's dump base: with "-c -o DIR/out.o t.c", DIR/out.c.
    rc, err, _, _ = logged(RULES_SRC, "-O2", log="%b.100%%.sarif")
    assert rc == 0, err
    assert [p.name for p in tmp_path.glob("*.sarif")] == \
        ["out.c.100%.sarif"]


# ---- Bad arguments.

def errors(stderr):
    return [line for line in stderr.splitlines() if "error:" in line]


def unquoted(line):
    return line.replace("\u2018", "'").replace("\u2019", "'")


@pytest.mark.parametrize("arg", ["sarif", "sarif="])
def test_missing_file_is_an_error(compile, tmp_path, arg):
    rc, _out, err = compile(RULES_SRC, "-O2", args=("report", arg))
    assert rc != 0 and not ice(err), err
    lines = [unquoted(l) for l in errors(err) if "needs a file name" in l]
    assert lines, err
    assert "'-fplugin-arg-escape-sarif=%b.sarif'" in lines[0], lines[0]
    assert parse_notes(err) == []


@pytest.mark.parametrize("pattern,bad", [("x%q.sarif", "%q"),
                                         ("x%", "%"), ("%B.sarif", "%B")])
def test_unknown_percent_is_an_error(compile, tmp_path, pattern, bad):
    rc, _out, err = compile(RULES_SRC, "-O2",
                            args=("report", "sarif=" + pattern))
    assert rc != 0 and not ice(err), err
    lines = [unquoted(l) for l in errors(err) if "invalid" in l]
    assert lines, err
    assert "'%s'" % bad in lines[0] and "'%b'" in lines[0] and \
        "'%%'" in lines[0], lines[0]
    assert not list(tmp_path.glob("*sarif*"))


@pytest.mark.parametrize("where", ["missing/dir/x.sarif", "adir"])
def test_unwritable_file_is_an_error(compile, tmp_path, where):
    (tmp_path / "adir").mkdir()
    rc, _out, err = compile(RULES_SRC, "-O2", args=("report",
                                                    "sarif=" + where))
    assert rc != 0 and not ice(err), err
    lines = [unquoted(l) for l in errors(err)
             if "cannot write the SARIF log" in l]
    assert lines, err
    assert "'%s'" % where in lines[0], lines[0]
    assert ("is a directory" if where == "adir"
            else "No such file or directory") in lines[0]
    assert parse_notes(err) == []
    assert not list(tmp_path.glob("**/*.tmp*"))


def test_sarif_without_report_is_an_error(compile, tmp_path):
    rc, _out, err = compile(RULES_SRC, "-O2", args=("stackify",
                                                    "sarif=x.sarif"))
    assert rc != 0 and not ice(err), err
    assert any("-fplugin-arg-escape-report" in l and "sarif" in l
               for l in errors(err)), err
    assert not (tmp_path / "x.sarif").exists()


def test_sarif_is_listed_among_valid_arguments(compile):
    rc, _out, err = compile(RULES_SRC, args=("bogus",))
    assert rc != 0
    assert any("'sarif=FILE'" in unquoted(l) for l in errors(err)), err


# ---- Validation.

def test_logs_validate_against_the_schema(validators, logged, tmp_path):
    paths = []
    for name in sorted(SOURCES):
        src, args = SOURCES[name]
        log = "%s.sarif" % name
        rc, err, _, _ = logged(src, "-O2", args=args, log=log)
        assert rc == 0, err
        paths.append(tmp_path / log)
    rc, err, _, _ = logged("int f (void) { return nope; }", log="fail.sarif")
    assert rc != 0
    paths.append(tmp_path / "fail.sarif")
    assert schema_errors(paths) == ""


def test_the_validator_can_fail(validators, tmp_path):
    bad = tmp_path / "bad.sarif"
    bad.write_text(json.dumps({"version": "2.1.0", "runs": [
        {"tool": {"driver": {}}, "results": [{"level": "loud"}]}]}))
    found = schema_errors([bad])
    assert "must have required property 'name'" in found, found
    assert "level" in found, found


def test_multitool_finds_nothing(validators, logged, tmp_path):
    rc, err, _, _ = logged(RULES_SRC, "-O2", args=STACKIFY)
    assert rc == 0, err
    assert multitool_findings(tmp_path / "out.sarif") == []


# ---- The writer alone: strings, URIs and paths no compilation gives yet.

@pytest.fixture(scope="module")
def sample_log(tmp_path_factory):
    out = tmp_path_factory.mktemp("unit") / "sample.sarif"
    p = subprocess.run(["make", "-s", "-C", str(ROOT), "build/sarif-test"],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    assert p.returncode == 0, p.stdout
    rc, stdout, stderr = run([ROOT / "build" / "sarif-test", out])
    assert rc == 0 and stdout.strip().endswith(" 0 failed"), stdout + stderr
    return out


def test_writer_escapes_every_string(sample_log):
    raw = sample_log.read_bytes()
    raw.decode("utf-8")  # valid UTF-8 throughout
    log = json.loads(raw)
    msg = log["runs"][0]["results"][0]["message"]["text"]
    assert msg == "quote \" backslash \\ newline \n tab \t bell \a del " \
        "\x7f \u00e9t\u00e9 \U0001F600 bad \ufffd end"
    # UTF-8 is written as it is, not as \\u escapes.
    assert "\u00e9t\u00e9 \U0001F600".encode() in raw


def test_writer_artifact_uris(sample_log):
    run_ = json.loads(sample_log.read_text())["runs"][0]
    arts = [r["locations"][0]["physicalLocation"]["artifactLocation"]
            for r in run_["results"]]
    assert arts == [
        {"uri": "a.c", "uriBaseId": "%SRCROOT%"},
        {"uri": "b.c", "uriBaseId": "%SRCROOT%"},   # /src/proj/sub/../b.c
        {"uri": "file:///other/x%20y.c"},
        {"uri": "dir/%C3%BC.c", "uriBaseId": "%SRCROOT%"},  # ./dir/ü.c
    ]
    assert run_["originalUriBaseIds"] == {
        "%SRCROOT%": {"uri": "file:///src/proj/"}}
    # No line: no region; no column: no startColumn; no function: no
    # logical location.
    locs = [r["locations"][0] for r in run_["results"]]
    assert "region" not in locs[3]["physicalLocation"]
    assert locs[2]["physicalLocation"]["region"] == {"startLine": 1}
    assert "logicalLocations" not in locs[2]


def test_writer_path_is_a_code_flow(sample_log):
    results = json.loads(sample_log.read_text())["runs"][0]["results"]
    (flow,) = results[0]["codeFlows"]
    (thread,) = flow["threadFlows"]
    steps = [(s["location"]["physicalLocation"]["artifactLocation"]["uri"],
              s["location"]["physicalLocation"]["region"]["startLine"],
              s["location"]["logicalLocations"][0]["name"],
              s["location"]["message"]["text"], s["nestingLevel"],
              s["executionOrder"]) for s in thread["locations"]]
    assert steps == [
        ("a.c", 2, "main", "address of 'x' taken", 0, 1),
        ("lib%20dir/k%C3%A9ep.c", 9, "keep", "stored in global 'g'", 1, 2),
    ]
    assert all("codeFlows" not in r for r in results[1:])


def test_writer_related_locations(sample_log):
    results = json.loads(sample_log.read_text())["runs"][0]["results"]
    assert results[0]["relatedLocations"] == [{
        "physicalLocation": {
            "artifactLocation": {"uri": "a.c", "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 1, "startColumn": 9}},
        "id": 0,
        "message": {"text": "in expansion of macro 'NEW'"}}]
    assert all("relatedLocations" not in r for r in results[1:])


def test_writer_command_line(sample_log):
    inv = json.loads(sample_log.read_text())["runs"][0]["invocations"][0]
    assert inv["arguments"] == ["gcc", "-DX=a b", "it's", "\u00e9.c"]
    assert inv["commandLine"] == "gcc '-DX=a b' 'it'\\''s' \u00e9.c"


def test_writer_log_validates(validators, sample_log):
    assert schema_errors([sample_log]) == ""
    findings = multitool_findings(sample_log)
    # The sample has a result without a line on purpose.
    assert all("SARIF2017" in f or "region" in f for f in findings), findings
