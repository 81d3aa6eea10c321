"""-fplugin-arg-escape-sarif=FILE: the notes as a SARIF 2.1.0 log
(plugin/escape-sarif*.cc, docs/sarif.md).

The log has exactly the notes of the text output (file, line, column,
message, in order, macro expansions), a rule per verdict and reason,
validates against the SARIF 2.1.0 schema (Ajv) and Microsoft's SARIF
Multitool with GitHub's rules, is the same from run to run, and bad
arguments are errors.  Several units and -flto: test_sarif_units.py; the
writer alone: test_sarif_writer.py."""

import json
import re
import urllib.parse

import pytest

from conftest import CC, DATA, ROOT, ice, parse_notes
from sarif_support import expected_rule, in_utf16, logged, \
    multitool_findings, sarif_notes, schema_errors, text_notes, \
    validators  # noqa: F401 (fixtures)

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
  char *p = aligned_alloc (64, 64);
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


SOURCES = {
    "verdicts.c": (DATA / "verdicts.c", ("report",)),
    "stability.c": (DATA / "stability.c", ("report",)),
    "demo.c": (ROOT / "docs" / "demo.c", STACKIFY),
    "wide.c": (WIDE, ("report",)),
    "rules.c": (RULES_SRC, STACKIFY),
    "escapes-only": (RULES_SRC, ("report=escapes", "stackify")),
    # Paths with calls one and two levels deep (codeFlows' nestingLevel).
    "path-steps.c": (ROOT / "testsuite" / "escape.dg" / "path-steps.c",
                     ("report",)),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_log_has_the_notes_of_the_text(logged, tmp_path, name):
    src, args = SOURCES[name]
    # Each path event a note of its own: its macro notes are then its own
    # too (text_notes), as in the log, where they are the event's.
    rc, err, log, _ = logged(src, "-O2",
                             "-fdiagnostics-path-format=separate-events",
                             args=args)
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
    # The driver's own name: CC's last word (gcc, gcc-11).
    assert args[0] == CC[-1] and args[-1] == str(tmp_path / "t.c")
    assert "-fplugin=%s" % plugin in args and "-O2" in args
    assert inv["commandLine"].split(" ")[:2] == [CC[-1],
                                                 "-fplugin=%s" % plugin]
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
