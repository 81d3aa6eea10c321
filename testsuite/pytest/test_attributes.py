"""The attributes and include/escape.h (plugin/escape-attributes.cc,
docs/notes.md "Attributes"): marked code builds and runs the same without
the plugin (no warning, even with -Wattributes -Werror) and with it (no
diagnostic where every mark holds); a mark that fails is an error with
the plugin and nothing without it; the header installs."""

import pytest

from conftest import CC, DATA, ROOT, run

SOURCES = DATA / "attributes"
INCLUDE = ROOT / "include"
STRICT = ["-Wall", "-Wextra", "-Wattributes", "-Werror"]
OUTPUT = "HELLO ESCAPE WORLD 3\n"
BROKEN_ERROR = (str(SOURCES / "main.c") + ":42:36: error: allocation assigned to 'copy' escapes: "
                "stored in global 'last_copy' (marked escape_assert_stack)")

# The plugin loaded without arguments (it checks the marks only), and with
# the stackify pass (escape_assert_stack then also wants the move).
WITH_PLUGIN = {
    "plugin-O0": (True, (), ["-O0"]),
    "plugin-O2-stackify": (True, ("stackify",), ["-O2"]),
}
BUILDS = dict(WITH_PLUGIN, **{"no-plugin-O0": (False, (), ["-O0"]),
                              "no-plugin-O2": (False, (), ["-O2"])})


def build(compile, tmp_path, plugin, args, flags, *defines):
    """main.c with or without the plugin, upcase.c without it, linked into
    tmp_path/prog; returns (returncode, stderr of main.c's compile)."""
    common = ["-I%s" % INCLUDE, "-fdiagnostics-plain-output"] + STRICT + flags
    main_o, upcase_o, prog = (tmp_path / n for n in ("main.o", "upcase.o",
                                                     "prog"))
    rc, _out, err = compile(SOURCES / "main.c", *common, *defines, "-o",
                            main_o, plugin=plugin, args=args, cwd=SOURCES)
    if rc != 0:
        return rc, err
    rc2, _out, err2 = compile(SOURCES / "upcase.c", *common, "-o", upcase_o,
                              plugin=False, cwd=SOURCES)
    assert rc2 == 0, err2
    rc3, _out, err3 = run(CC + [str(main_o), str(upcase_o), "-o", str(prog)])
    assert rc3 == 0, err3
    return rc, err


@pytest.mark.parametrize("name", sorted(BUILDS))
def test_marks_that_hold_build_and_run_the_same(compile, tmp_path, name):
    plugin, args, flags = BUILDS[name]
    rc, err = build(compile, tmp_path, plugin, args, flags)
    assert rc == 0 and err == "", err
    rc, out, err = run([str(tmp_path / "prog")])
    assert (rc, out) == (0, OUTPUT), err


@pytest.mark.parametrize("name", sorted(WITH_PLUGIN))
def test_a_mark_that_fails_is_an_error_with_the_plugin(compile, tmp_path,
                                                       name):
    plugin, args, flags = WITH_PLUGIN[name]
    rc, err = build(compile, tmp_path, plugin, args, flags, "-DBROKEN")
    assert rc != 0
    assert [line for line in err.splitlines() if ": error: " in line] == \
        [BROKEN_ERROR], err


def test_a_mark_that_fails_means_nothing_without_the_plugin(compile,
                                                             tmp_path):
    rc, err = build(compile, tmp_path, False, (), ["-O2"], "-DBROKEN")
    assert rc == 0 and err == "", err
    rc, out, err = run([str(tmp_path / "prog")])
    assert (rc, out) == (0, OUTPUT), err


def macros(compile, plugin):
    rc, out, err = compile(SOURCES / "main.c", "-I%s" % INCLUDE, "-E", "-dM",
                           "-o", "-", plugin=plugin, args=(), cwd=SOURCES)
    assert rc == 0, err
    return {line.split()[1]: line.split(None, 2)[2:]
            for line in out.splitlines()
            if line.startswith("#define ESCAPE_") and "ESCAPE_H" not in line}


def test_header_spells_the_attributes_only_with_the_plugin(compile):
    assert macros(compile, False) == {"ESCAPE_NOESCAPE": [],
                                      "ESCAPE_ASSERT_NOESCAPE": [],
                                      "ESCAPE_ASSERT_STACK": []}
    assert macros(compile, True) == {
        "ESCAPE_NOESCAPE": ["__attribute__ ((__noescape__))"],
        "ESCAPE_ASSERT_NOESCAPE": [
            "__attribute__ ((__escape_assert_noescape__))"],
        "ESCAPE_ASSERT_STACK": ["__attribute__ ((__escape_assert_stack__))"]}


def test_unknown_attribute_warns_without_the_plugin(compile):
    """Why the header is needed: GCC alone warns about the attribute."""
    rc, _out, err = compile("int f (int *p __attribute__((noescape)));\n",
                            *STRICT, plugin=False)
    assert rc != 0 and "'noescape' attribute directive ignored" in err, err


def test_make_install_installs_the_header(tmp_path):
    rc, out, err = run(["make", "-C", str(ROOT), "install-header",
                        "DESTDIR=%s" % tmp_path, "PREFIX=/usr"])
    assert rc == 0, out + err
    installed = tmp_path / "usr" / "include" / "escape.h"
    assert installed.read_text() == (INCLUDE / "escape.h").read_text()
