"""The SARIF writer alone (plugin/escape-sarif.cc), on the log that
testsuite/unit/sarif-test.cc writes: strings, file names, related
locations and a path that no compilation gives yet."""

import json
import subprocess

import pytest

from conftest import ROOT, build_plugin, run
from sarif_support import multitool_findings, schema_errors, \
    validators  # noqa: F401 (fixtures)

@pytest.fixture(scope="module")
def sample_log(tmp_path_factory):
    out = tmp_path_factory.mktemp("unit") / "sample.sarif"
    test = build_plugin().objdir / "sarif-test"
    p = subprocess.run(["make", "-s", "-C", str(ROOT),
                        str(test.relative_to(ROOT))],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    assert p.returncode == 0, p.stdout
    rc, stdout, stderr = run([test, out])
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
