"""plugin/escape.specs: -fescape-report as a driver option."""

import pytest

from conftest import CC, DATA, ROOT, parse_notes, run, ice

SOURCES = [DATA / "verdicts.c", ROOT / "docs" / "demo.c"]


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
@pytest.mark.parametrize("src", SOURCES, ids=lambda p: p.name)
def test_specs_report_same_as_plugin_args(compile, specs, src, opt):
    rc, _out, direct = compile(src, opt)
    assert rc == 0, direct
    rc, _out, via_specs = compile(src, opt, "-specs=%s" % specs,
                                  "-fescape-report", plugin=False)
    assert rc == 0, via_specs
    assert not ice(via_specs)
    notes = parse_notes(via_specs)
    assert notes, via_specs
    assert notes == parse_notes(direct)
    # Everything else on stderr is the same too (the warnings).
    assert via_specs == direct


def test_specs_without_option_adds_nothing(compile, specs, tmp_path):
    src = DATA / "verdicts.c"
    rc, _out, plain = compile(src, "-O2", plugin=False, cwd=tmp_path)
    assert rc == 0, plain
    plain_obj = (tmp_path / "out.o").read_bytes()
    rc, _out, err = compile(src, "-O2", "-specs=%s" % specs, plugin=False,
                            cwd=tmp_path)
    assert rc == 0, err
    assert "note:" not in err or parse_notes(err) == []
    assert err == plain
    assert (tmp_path / "out.o").read_bytes() == plain_obj


def test_specs_option_reaches_only_cc1(specs, tmp_path):
    # -fescape-report is consumed by the specs: cc1 gets the plugin, and
    # neither cc1 nor the assembler nor the linker sees -fescape-report.
    src = tmp_path / "m.c"
    src.write_text("int *g;\nint main (void) { int x = 0; g = &x; "
                   "return 0; }\n")
    rc, out, err = run(CC + ["-###", "-specs=%s" % specs,
                        "-fescape-report", "-O2", "-o", tmp_path / "m",
                        src], cwd=tmp_path)
    assert rc == 0, err
    lines = [l for l in err.splitlines() if l.startswith(" ")]
    cc1 = [l for l in lines if "cc1" in l.split()[0]]
    assert cc1, err
    assert "-fplugin-arg-escape-report" in cc1[0]
    assert '"-fescape-report"' not in cc1[0]
    for l in lines:
        if l not in cc1:
            assert "escape-report" not in l, l
            assert "fplugin" not in l, l


def test_specs_link_a_program(specs, tmp_path):
    src = tmp_path / "m.c"
    src.write_text("int *g;\nint main (void) { int x = 0; g = &x; "
                   "return 0; }\n")
    rc, out, err = run(CC + ["-specs=%s" % specs, "-fescape-report",
                        "-O2", "-o", tmp_path / "m", src], cwd=tmp_path)
    assert rc == 0, err
    assert parse_notes(err) == [
        (2, 23, "address of 'x' escapes: stored in global 'g'")]
    rc, _out, _err = run([tmp_path / "m"])
    assert rc == 0


def test_specs_other_options_still_work(compile, specs):
    # The renamed cc1_options still apply: -D and -O reach cc1.
    src = "#ifndef FOO\n#error no FOO\n#endif\nint f (int *p) { return *p; }\n"
    rc, _out, err = compile(src, "-DFOO", "-O2", "-specs=%s" % specs,
                            "-fescape-report", plugin=False)
    assert rc == 0, err
    assert parse_notes(err) == [(4, 13, "parameter 'p' does not escape")]


def test_specs_stackify_same_as_plugin_args(compile, specs, tmp_path):
    # -fescape-stackify alone, and with -fescape-report: the same object
    # code and notes as the plugin arguments (the plugin is loaded once).
    src = ROOT / "docs" / "demo.c"
    rc, _out, direct = compile(src, "-O2", cwd=tmp_path,
                               args=("report", "stackify"))
    assert rc == 0, direct
    direct_obj = (tmp_path / "out.o").read_bytes()
    assert "moved to stack" in direct
    rc, _out, via_specs = compile(src, "-O2", "-specs=%s" % specs,
                                  "-fescape-report", "-fescape-stackify",
                                  plugin=False, cwd=tmp_path)
    assert rc == 0 and not ice(via_specs), via_specs
    assert parse_notes(via_specs) == parse_notes(direct)
    assert (tmp_path / "out.o").read_bytes() == direct_obj
    rc, _out, quiet = compile(src, "-O2", "-specs=%s" % specs,
                              "-fescape-stackify", plugin=False, cwd=tmp_path)
    assert rc == 0 and parse_notes(quiet) == [], quiet
    assert (tmp_path / "out.o").read_bytes() == direct_obj


@pytest.mark.parametrize("mode", ["-E", "-M", "-MM"])
def test_specs_preprocessing_only(specs, tmp_path, mode):
    # gcc -E or -M with a compile's flags (ccache preprocesses so, and
    # makefiles make their dependencies so) takes the options and loads
    # nothing: the output is that of plain gcc.
    src = tmp_path / "m.c"
    src.write_text("#include <stddef.h>\n#define X 1\nint x = X;\n")
    rc, out, err = run(CC + [mode, "-specs=%s" % specs, "-fescape-report",
                             "-fescape-stackify", src], cwd=tmp_path)
    assert rc == 0, err
    assert err == ""
    rc, plain, _err = run(CC + [mode, src], cwd=tmp_path)
    assert rc == 0
    assert out == plain
