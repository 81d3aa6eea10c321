"""A plugin loaded by the wrong GCC refuses with its own error.

GCC 11 and GCC 12 (Debian's gcc-11-plugin-dev and gcc-12-plugin-dev) build
the plugin from one source.  The plugin of CC (ESCAPE_CC) is loaded by the
other GCC of the two and the other's by CC: each must stop at the version
check with its error, exit status 1, no crash and no note; GCC's dlopen
must not fail first on a symbol the other GCC lacks (the Makefile makes the
plugin's imports weak).  A plugin whose imports are not all there refuses
too.  The other GCC's tests skip if it is not installed ("ci/install-deps.sh
11" installs GCC 11)."""

import pathlib
import shutil

import pytest

from conftest import (CC, CXX, build_plugin, ice, parse_notes, plugin_flags,
                      run, tail)

PAIR = (11, 12)
SRC = "int *g;\nvoid f (void) { int x; g = &x; }\n"


def version(cc):
    """CC's version, as GCC's plugin_gcc_version.basever has it."""
    rc, out, err = run(cc + ["-dumpfullversion"])
    assert rc == 0, err
    return out.strip()


@pytest.fixture(scope="module")
def other():
    """(the other GCC of PAIR, its plugin), made by make."""
    mine = int(version(CC).split(".")[0])
    if mine not in PAIR:
        pytest.skip("CC is GCC %d, not one of %s" % (mine, PAIR))
    major = PAIR[1 - PAIR.index(mine)]
    cc, cxx = ["gcc-%d" % major], ["g++-%d" % major]
    if not shutil.which(cc[0]) or not shutil.which(cxx[0]):
        pytest.skip("gcc-%d is not installed (ci/install-deps.sh %d)"
                    % (major, major))
    headers = pathlib.Path(run(cc + ["-print-file-name=plugin"])[1].strip())
    if not (headers / "include" / "plugin-version.h").is_file():
        pytest.skip("gcc-%d-plugin-dev is not installed (ci/install-deps.sh"
                    " %d)" % (major, major))
    build = build_plugin(cc, cxx)
    assert build.rc == 0, tail(build.log)
    return cc, build.plugin


def load(cc, plugin, tmp_path):
    """Compiles SRC with CC and PLUGIN; returns (exit status, the error
    messages, stderr).  A refusal (status 1) must leave no note and no
    object file."""
    src = tmp_path / "t.c"
    src.write_text(SRC)
    obj = tmp_path / "t.o"
    rc, out, err = run(cc + plugin_flags(plugin) + ["-c", src, "-o", obj])
    assert not ice(err), err
    if rc != 0:
        assert "note:" not in err and not obj.exists(), err
    errors = [line.split(" error: ", 1)[1] for line in err.splitlines()
              if " error: " in line]
    return rc, errors, err


@pytest.mark.parametrize("direction", ["own-in-other", "other-in-own"])
def test_plugin_of_another_gcc_refuses(plugin, other, direction, tmp_path):
    other_cc, other_plugin = other
    if direction == "own-in-other":
        cc, so, built_by = other_cc, plugin, CC
    else:
        cc, so, built_by = CC, other_plugin, other_cc
    rc, errors, err = load(cc, so, tmp_path)
    assert rc == 1, err
    assert errors == [
        "the escape plugin was built for GCC %s and cannot be loaded by "
        "GCC %s; rebuild it with this compiler"
        % (version(built_by), version(cc)),
        "failed to initialize plugin %s" % so], err


def test_own_gcc_loads_its_plugin(plugin, other, tmp_path):
    # The other GCC's plugin, in its own GCC: it works (so the refusals
    # above are about the version).
    cc, so = other
    rc, errors, err = load(cc, so, tmp_path)
    assert rc == 0 and errors == [], err
    assert parse_notes(err) == [
        (2, 21, "address of 'x' escapes: stored in global 'g'")], err


def test_missing_import_refuses(plugin, tmp_path):
    # The plugin's objects linked with a list of imports naming one that
    # no GCC has: the check after the version check finds it.
    objdir = build_plugin().objdir
    imports = tmp_path / "imports.c"
    imports.write_text("const char *const escape_imports[] = "
                       "{ \"escape_no_such_import\", 0 };\n")
    so = tmp_path / "escape.so"
    for cmd in (CC + ["-fPIC", "-c", imports, "-o", tmp_path / "imports.o"],
                CXX + ["-shared", objdir / "escape-weak.o",
                       tmp_path / "imports.o", "-o", so]):
        rc, _out, err = run(cmd)
        assert rc == 0, err
    rc, errors, err = load(CC, so, tmp_path)
    assert rc == 1, err
    assert errors == [
        "the escape plugin needs 'escape_no_such_import', which this GCC %s "
        "lacks; rebuild the plugin with this compiler" % version(CC),
        "failed to initialize plugin %s" % so], err
