"""tools/escape-sarif-merge: the plugin's logs of several units, compiled
from several directories, as one run of one log."""

import json

import pytest

from conftest import CC, ROOT, plugin_flags, run
from sarif_support import multitool_findings, schema_errors, \
    validators  # noqa: F401 (fixtures)

MERGE = ROOT / "tools" / "escape-sarif-merge"

HEADER = """extern int *g;
static inline int *hold (int *p) { g = p; return p; }
"""
UNIT_A = """#include "../include/h.h"
int *g;
void a (void) { int x = 1; hold (&x); }
"""
UNIT_B = """#include "../include/h.h"
int b (void) { int y = 1; hold (&y); return y; }
"""


@pytest.fixture
def project(plugin, tmp_path):
    """A project whose two units are compiled each from its own directory;
    returns its top and the two logs."""
    top = tmp_path / "top"
    for rel, text in (("include/h.h", HEADER), ("src/a.c", UNIT_A),
                      ("lib/b.c", UNIT_B)):
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text(text)
    logs = []
    for rel in ("src/a.c", "lib/b.c"):
        path = top / rel
        rc, _out, err = run(CC + ["-O2", "-c"] + plugin_flags(
            plugin, ("report", "sarif=%b.sarif")) + [path.name],
            cwd=path.parent)
        assert rc == 0, err
        logs.append(path.parent / (path.stem + ".c.sarif"))
    return top, logs


def merged(top, logs, *extra):
    rc, out, err = run([MERGE, "--srcroot", top] + list(extra) + logs)
    assert rc == 0, err
    return json.loads(out)


def places(log):
    return [(r["locations"][0]["physicalLocation"]["artifactLocation"]
             ["uri"], r["locations"][0]["physicalLocation"]["region"]
             ["startLine"], r["message"]["text"])
            for r in log["runs"][0]["results"]]


def test_one_run_relative_to_the_top(project):
    top, logs = project
    log = merged(top, logs)
    (run_,) = log["runs"]
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == \
        "file://%s/" % top
    assert places(log) == [
        ("include/h.h", 2, "parameter 'p' escapes: stored in global 'g'"),
        ("lib/b.c", 2, "address of 'y' escapes: passed to 'hold' "
         "(argument 1), which keeps it"),
        ("src/a.c", 3, "address of 'x' escapes: passed to 'hold' "
         "(argument 1), which keeps it"),
    ]
    for result in run_["results"]:
        assert result["locations"][0]["physicalLocation"][
            "artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert run_["tool"]["driver"]["rules"][result["ruleIndex"]][
            "id"] == result["ruleId"]
    ids = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    assert ids == sorted(set(ids))
    assert len(run_["invocations"]) == 2


def test_a_header_note_comes_once(project):
    top, logs = project
    each = [places(merged(top, [log])) for log in logs]
    header = [p for p in each[0] if p[0] == "include/h.h"]
    assert header and header == [p for p in each[1]
                                 if p[0] == "include/h.h"]
    assert [p for p in places(merged(top, logs))
            if p[0] == "include/h.h"] == header


def test_files_outside_the_root_are_absolute(project):
    top, logs = project
    log = merged(top / "src", logs)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in log["runs"][0]["results"]}
    assert uris == {"a.c", "file://%s/include/h.h" % top,
                    "file://%s/lib/b.c" % top}


def test_merged_log_validates(validators, project, tmp_path):
    top, logs = project
    out = tmp_path / "all.sarif"
    rc, _out, err = run([MERGE, "--srcroot", top, "-o", out] + logs)
    assert rc == 0, err
    assert schema_errors([out]) == ""
    assert multitool_findings(out) == []


@pytest.mark.parametrize("content", ["not json", '{"version": "2.0.0"}',
                                     '{"version": "2.1.0", "runs": '
                                     '[{"tool": {"driver": {"name": "x"}}}]}'])
def test_bad_log_is_an_error(tmp_path, content):
    bad = tmp_path / "bad.sarif"
    bad.write_text(content)
    rc, out, err = run([MERGE, bad])
    assert rc == 2 and out == "", out
    assert err.startswith("escape-sarif-merge: error: %s" % bad), err
