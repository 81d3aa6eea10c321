"""Report mode only reads the IL: the object code is byte-identical with
and without the plugin (-fplugin-arg-escape-report)."""

import pathlib

import pytest

from conftest import (CC, DATA, ROOT, ENV, every_nth, plugin_flags, run,
                      run_parallel, tail, torture_files)

OWN_FILES = [ROOT / "docs" / "demo.c", DATA / "verdicts.c",
             DATA / "stability.c"]
TORTURE_COUNT = 30


def code(obj, flags):
    """The bytes of OBJ; for -flto, without the LTO sections, which record
    the command line (.gnu.lto_.opts) and a section name suffix derived
    from it: the rest (with -ffat-lto-objects) is the object code."""
    if "-flto" in flags:
        stripped = obj.with_suffix(".nolto.o")
        rc, _out, err = run(["objcopy", "-R", ".gnu.lto_*", obj, stripped])
        assert rc == 0, err
        data = stripped.read_bytes()
        stripped.unlink()
        return data
    return obj.read_bytes()


def compare(plugin, path, flags, workdir, args=("report",)):
    """Compiles PATH to x.o in WORKDIR without and with the plugin; returns
    (verdict, why): "same", "diff", "fail" (only with the plugin) or "skip"
    (fails without it too).  -g0 unless FLAGS asks for debug info."""
    workdir.mkdir(parents=True, exist_ok=True)
    obj = workdir / "x.o"
    debug = [] if any(f.startswith("-g") for f in flags) else ["-g0"]
    cmd = CC + list(flags) + debug + ["-w", "-c", "-o", "x.o",
                                           str(path)]
    rc, _out, err = run(cmd, cwd=workdir)
    if rc != 0:
        return "skip", err
    without = code(obj, flags)
    obj.unlink()
    rc, _out, err = run(CC + plugin_flags(plugin, args) + cmd[len(CC):],
                        cwd=workdir)
    if rc != 0:
        return "fail", "exit %d with the plugin:\n%s" % (rc, tail(err))
    with_plugin = code(obj, flags)
    if with_plugin != without:
        (workdir / "without.o").write_bytes(without)
        (workdir / "with.o").write_bytes(with_plugin)
        return "diff", "objects differ (%d vs %d bytes); kept in %s" % (
            len(without), len(with_plugin), workdir)
    return "same", None


def check(plugin, files, flags, tmp_path, args=("report",)):
    def one(ip):
        i, path = ip
        return path, compare(plugin, path, flags, tmp_path / str(i), args)
    results = run_parallel(one, list(enumerate(files)))
    bad = ["%s: %s" % (p.name, why) for p, (verdict, why) in results
           if verdict in ("diff", "fail")]
    assert not bad, "with %s:\n%s" % (" ".join(flags), "\n".join(bad))
    return [p for p, (verdict, _w) in results if verdict == "same"]


@pytest.mark.parametrize("opt", ["-O0", "-O2", "-O3", "-Os"])
def test_own_files(plugin, tmp_path, opt):
    same = check(plugin, OWN_FILES, [opt], tmp_path)
    assert len(same) == len(OWN_FILES)


@pytest.mark.parametrize("args", [("report=escapes",), ()],
                         ids=["report=escapes", "no-args"])
def test_own_files_other_modes(plugin, tmp_path, args):
    same = check(plugin, OWN_FILES, ["-O2"], tmp_path, args)
    assert len(same) == len(OWN_FILES)


# With -g the DWARF producer string records the command line, -fplugin
# included, unless -gno-record-gcc-switches.
@pytest.mark.parametrize("extra", [["-fPIC"], ["-fsanitize=address"],
                                   ["-std=gnu99"], ["-fno-inline"],
                                   ["-g", "-gno-record-gcc-switches"],
                                   ["-flto", "-ffat-lto-objects"]],
                         ids=lambda f: " ".join(f))
def test_own_files_other_flags(plugin, tmp_path, extra):
    same = check(plugin, OWN_FILES, ["-O2"] + extra, tmp_path)
    assert len(same) == len(OWN_FILES)


def test_torture_files_O2(plugin, tmp_path):
    files = every_nth(torture_files(), TORTURE_COUNT + 6)
    same = check(plugin, files, ["-O2"], tmp_path)
    assert len(same) >= TORTURE_COUNT * 0.8, \
        "only %d torture files compiled" % len(same)


@pytest.mark.parametrize("opt", ["-O0", "-O3"])
def test_torture_files_other_levels(plugin, tmp_path, opt):
    files = every_nth(torture_files(), 10)
    same = check(plugin, files, [opt], tmp_path)
    assert len(same) >= 6
