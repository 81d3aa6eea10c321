"""-fdiagnostics-format=json: the notes are in the JSON array on stderr,
with the same messages, lines and columns as in the text output."""

import json

import pytest

from conftest import DATA, ROOT, parse_notes, PLUGIN_NOTE_RE

# Tabs and a UTF-8 identifier, where byte, display and tab-expanded columns
# differ.
WIDE = "int *g;\n" \
    "static void\tkeep (int *\tp) { g = p; }\n" \
    "int f (void)\n{\n" \
    "\tint \u00e9t\u00e9 = 1;\tint\tx = 2;\n" \
    "\tkeep (&\u00e9t\u00e9);\n" \
    "\tkeep (&x);\n" \
    "\treturn 0;\n}\n"


def json_diagnostics(stderr):
    data = json.loads(stderr)
    assert isinstance(data, list), stderr
    return data


def flatten(diags):
    for d in diags:
        yield d
        yield from flatten(d.get("children", []))


def json_notes(diags, plugin_only=True):
    notes = []
    for d in flatten(diags):
        if d.get("kind") != "note":
            continue
        if plugin_only and not PLUGIN_NOTE_RE.match(d["message"]):
            continue
        caret = d["locations"][0]["caret"]
        notes.append((caret["line"], caret["column"], d["message"]))
    return notes


SOURCES = {
    "verdicts.c": DATA / "verdicts.c",
    "stability.c": DATA / "stability.c",
    "demo.c": ROOT / "docs" / "demo.c",
    "wide.c": WIDE,
}


@pytest.mark.parametrize("args", [("report",), ("report=escapes",)],
                         ids=["report", "report=escapes"])
@pytest.mark.parametrize("name", sorted(SOURCES))
def test_json_matches_text(compile, name, args):
    src = SOURCES[name]
    rc, _out, text = compile(src, "-O2", args=args)
    assert rc == 0, text
    rc, _out, js = compile(src, "-O2", "-fdiagnostics-format=json",
                           args=args)
    assert rc == 0, js
    diags = json_diagnostics(js)
    expected = parse_notes(text)
    assert expected, text
    assert json_notes(diags) == expected
    # They are top-level diagnostics of kind "note", not children of some
    # other diagnostic.
    top = [d for d in diags if d.get("kind") == "note"
           and PLUGIN_NOTE_RE.match(d["message"])]
    assert len(top) == len(expected)
    for d in top:
        loc = d["locations"][0]
        assert set(loc["caret"]) >= {"file", "line", "column"}
        file = loc["caret"]["file"]
        if isinstance(src, str):
            assert file.endswith("t.c"), file
        else:
            assert file.endswith(src.name), file


def test_json_columns_with_tabs_and_utf8(compile):
    rc, _out, text = compile(WIDE, "-O2")
    assert rc == 0, text
    rc, _out, js = compile(WIDE, "-O2", "-fdiagnostics-format=json")
    assert rc == 0, js
    notes = {d["message"]: d["locations"][0]["caret"]
             for d in json_diagnostics(js) if d.get("kind") == "note"}
    ete = notes["address of '\u00e9t\u00e9' escapes: passed to 'keep' "
                 "(argument 1), which keeps it"]
    # "\tint été": the name starts at byte 6 (tab, "int ", 1-based) and at
    # display column 13 (the tab goes to column 9).
    assert ete["line"] == 5
    assert ete["byte-column"] == 6
    assert ete["display-column"] == 13
    assert ete["column"] == ete["display-column"]
    x = notes["address of 'x' escapes: passed to 'keep' "
                 "(argument 1), which keeps it"]
    assert x["line"] == 5
    assert x["byte-column"] - ete["byte-column"] == \
        len("\u00e9t\u00e9 = 1;\tint\t".encode())


def test_json_output_is_only_json(compile):
    rc, out, js = compile(DATA / "verdicts.c", "-O0",
                          "-fdiagnostics-format=json")
    assert rc == 0
    assert out == ""
    diags = json_diagnostics(js)
    assert {d["kind"] for d in diags} <= {"note", "warning"}
