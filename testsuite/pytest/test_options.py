"""The plugin's arguments (plugin/escape-options.cc)."""

import re

import pytest

from conftest import DATA, parse_notes, ice

SRC = DATA / "verdicts.c"
VALID_ARGS = ("'report'", "'report=all'", "'report=escapes'")
VALID_VALUES = ("'all'", "'escapes'")


def errors(stderr):
    return [line for line in stderr.splitlines() if "error:" in line]


def note_set(stderr):
    return {(line, msg) for line, _col, msg in parse_notes(stderr)}


@pytest.mark.parametrize("arg", ["bogus", "help", "REPORT", "reports",
                                 "report-all", "escapes", "all"])
def test_unknown_argument_is_an_error(compile, arg):
    rc, _out, err = compile(SRC, "-O2", args=(arg,))
    assert rc != 0, err
    assert not ice(err), err
    lines = [l for l in errors(err) if "unknown argument" in l]
    assert lines, err
    assert "-fplugin-arg-escape-%s" % arg in lines[0], lines[0]
    for valid in VALID_ARGS:
        assert valid in lines[0], lines[0]
    # Nothing is analysed when the plugin could not start.
    assert parse_notes(err) == []


def test_unknown_argument_among_valid_ones(compile):
    rc, _out, err = compile(SRC, args=("report", "bogus"))
    assert rc != 0
    assert any("unknown argument" in l and "bogus" in l
               for l in errors(err)), err
    assert parse_notes(err) == []


@pytest.mark.parametrize("value", ["bogus", "ALL", "escape", "none", ""])
def test_bad_report_value_is_an_error(compile, value):
    rc, _out, err = compile(SRC, "-O2", args=("report=" + value,))
    assert rc != 0, err
    assert not ice(err), err
    lines = [l for l in errors(err) if "invalid value" in l]
    assert lines, err
    assert "'%s'" % value in lines[0].replace("\u2018", "'").replace(
        "\u2019", "'"), lines[0]
    assert "-fplugin-arg-escape-report" in lines[0], lines[0]
    for valid in VALID_VALUES:
        assert valid in lines[0], lines[0]
    assert parse_notes(err) == []


def test_report_is_report_all(compile):
    rc1, _, plain = compile(SRC, "-O2", args=("report",))
    rc2, _, full = compile(SRC, "-O2", args=("report=all",))
    assert rc1 == 0 and rc2 == 0, plain + full
    assert parse_notes(plain) == parse_notes(full)
    assert len(parse_notes(plain)) >= 12
    # report=all has the "does not escape" notes too.
    assert any(m.endswith("does not escape") for _l, _c, m in
               parse_notes(full))


def test_report_escapes_is_the_escaping_subset(compile):
    rc1, _, full = compile(SRC, "-O2", args=("report=all",))
    rc2, _, esc = compile(SRC, "-O2", args=("report=escapes",))
    assert rc1 == 0 and rc2 == 0, full + esc
    all_notes = parse_notes(full)
    escaping = parse_notes(esc)
    assert escaping, esc
    for _l, _c, msg in escaping:
        assert re.search(r" escapes: .+$", msg), msg
    expected = [n for n in all_notes if " escapes: " in n[2]]
    assert escaping == expected
    # Leaking to the return value is not escaping.
    assert any(m.endswith("leaks to return value")
               for _l, _c, m in all_notes)


def test_last_report_argument_wins(compile):
    _, _, esc = compile(SRC, args=("report=escapes",))
    _, _, full = compile(SRC, args=("report=all",))
    rc, _, err = compile(SRC, args=("report=all", "report=escapes"))
    assert rc == 0
    assert parse_notes(err) == parse_notes(esc)
    rc, _, err = compile(SRC, args=("report=escapes", "report"))
    assert rc == 0
    assert parse_notes(err) == parse_notes(full)


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_no_arguments_prints_nothing(compile, opt):
    rc, out, err = compile(SRC, opt, args=())
    assert rc == 0, err
    assert out == ""
    assert "note:" not in err, err
    assert "error" not in err, err


def test_without_plugin_prints_no_note(compile):
    rc, out, err = compile(SRC, "-O2", plugin=False)
    assert rc == 0, err
    assert "note:" not in err


def test_plugin_version_is_shown_by_v(compile):
    # With -v, cc1 lists the loaded plugins and their versions (PLUGIN_INFO).
    rc, _out, err = compile(SRC, "-v", args=())
    assert rc == 0, err
    assert re.search(r"^\s*escape: \S+", err, re.MULTILINE), err


@pytest.mark.parametrize("value", ["xmalloc", "xmalloc:", ":free", "a:b:c",
                                   "xmalloc:free,,", "xmalloc:free,bad"])
def test_bad_allocator_pair_is_an_error(compile, value):
    rc, _out, err = compile(SRC, "-O2", args=("report",
                                              "allocator=" + value))
    assert rc != 0, err
    assert not ice(err), err
    lines = [l for l in errors(err) if "invalid pair" in l]
    assert lines, err
    assert "-fplugin-arg-escape-allocator" in lines[0], lines[0]
    assert "ALLOCATOR:DEALLOCATOR" in lines[0], lines[0]
    assert parse_notes(err) == []


def test_allocator_needs_a_value(compile):
    rc, _out, err = compile(SRC, "-O2", args=("report", "allocator"))
    assert rc != 0, err
    assert any("-fplugin-arg-escape-allocator" in l and "xmalloc:free" in l
               for l in errors(err)), err
    assert parse_notes(err) == []


def test_allocator_pairs_are_accepted(compile):
    rc, _out, err = compile(SRC, "-O2", args=(
        "report", "allocator=xmalloc:free,pool_get:pool_put",
        "allocator=g_malloc:g_free"))
    assert rc == 0, err
    assert not errors(err), err
    assert parse_notes(err)


@pytest.mark.parametrize("key", ["stackify-max", "stackify-frame-max",
                                 "stackify-recursive-max"])
@pytest.mark.parametrize("value", [None, "", "x", "-1", "12k", "1048577"])
def test_bad_limit_is_an_error(compile, key, value):
    arg = key if value is None else "%s=%s" % (key, value)
    rc, _out, err = compile(SRC, "-O2", args=("report", "stackify", arg))
    assert rc != 0, err
    assert not ice(err), err
    lines = errors(err)
    assert lines and "-fplugin-arg-escape-%s" % key in lines[0], err
    assert ("needs a number of bytes" in lines[0]
            or "valid values are 0 to 1048576" in lines[0]), lines[0]
    assert parse_notes(err) == []


def test_limits_are_named_among_the_valid_arguments(compile):
    _rc, _out, err = compile(SRC, "-O2", args=("bogus",))
    line = [l for l in errors(err) if "unknown argument" in l][0]
    for key in ("stackify-max=N", "stackify-frame-max=N",
                "stackify-recursive-max=N", "stackify-recursive"):
        assert "'%s'" % key in line.replace("\u2018", "'").replace(
            "\u2019", "'"), line
