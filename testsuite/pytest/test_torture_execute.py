"""GCC's gcc.c-torture/execute with stackify: the programs must still run.

Each file (execute/*.c and execute/ieee/*.c; builtins/ needs its lib files
and is left out) is first built at -O2 without the plugin and run; a file
that fails to build or to run then (some need options or a target of their
own) is "not applicable".  Every applicable file is built again with

    -fplugin=escape.so -fplugin-arg-escape-stackify -fplugin-arg-escape-report

and must build (no internal compiler error) and its program must exit 0,
as GCC's harness asks of it.  The "moved to stack" notes are counted.

By default a deterministic subset of about 250 files runs (every Nth of the
sorted list); ESCAPE_TORTURE=all runs every file, ESCAPE_TORTURE=N about N.
The numbers are printed in pytest's terminal summary (and by
test_summary with -s)."""

import fcntl
import os
import pathlib
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

from stackify_builds import MOVED_RE
from conftest import (CC, ENV, ROOT, ice, every_nth, plugin_flags, run,
                      run_parallel, tail, torture_dir)

DEFAULT_COUNT = 250
WORKERS = 2
BUILD_TIMEOUT = 60           # seconds, the build without the plugin
PLUGIN_BUILD_TIMEOUT = 120   # with the plugin: a hang is a failure
RUN_TIMEOUT = 10
BASE_FLAGS = ["-O2", "-w", "-fno-diagnostics-color"]
# What gcc.c-torture/execute/ieee/ieee.exp adds on x86-64.
IEEE_FLAGS = ["-fno-inline"]
PLUGIN_ARGS = ("stackify", "report")



def execute_dir():
    """gcc.c-torture/execute, extracted once (conftest.torture_dir)."""
    # conftest.torture_dir extracts into a temporary directory and renames
    # it; the lock keeps two runs of this module (say the default one and
    # ESCAPE_TORTURE=all) from extracting at the same time.
    lockdir = ROOT / "build"
    lockdir.mkdir(parents=True, exist_ok=True)
    with open(lockdir / ".torture.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            path = torture_dir().parent / "execute"
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    if not path.is_dir():
        pytest.fail("no %s in the extracted torture suite" % path,
                    pytrace=False)
    return path


def all_files(top):
    """Every test of execute/ and execute/ieee/, as paths relative to TOP,
    sorted."""
    files = [p.name for p in top.glob("*.c")]
    files += ["ieee/" + p.name for p in (top / "ieee").glob("*.c")]
    return sorted(files)


def selected(files):
    want = os.environ.get("ESCAPE_TORTURE", "")
    if want == "all":
        return files
    count = int(want) if want.isdigit() else DEFAULT_COUNT
    return every_nth(files, count)


def execute(exe, cwd):
    """Runs EXE; returns (ok, description)."""
    try:
        p = subprocess.run([str(exe)], cwd=cwd, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=ENV, timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        return False, "timed out after %ds" % RUN_TIMEOUT
    if p.returncode == 0:
        return True, "exit 0"
    if p.returncode < 0:
        try:
            what = "killed by %s" % signal.Signals(-p.returncode).name
        except ValueError:
            what = "killed by signal %d" % -p.returncode
    else:
        what = "exit %d" % p.returncode
    out = (p.stdout + p.stderr).decode(errors="replace")
    return False, what + ("\n" + tail(out, 8) if out.strip() else "")


class Result:
    """One file's outcome.  status: "n/a" (fails without the plugin),
    "pass", "ice", "build" (no ICE but the plugin build fails) or "run"."""

    def __init__(self, rel, status, moved=0, stderr="", detail="",
                 workdir=None, cmd=None):
        self.rel, self.status, self.moved = rel, status, moved
        self.stderr, self.detail = stderr, detail
        self.workdir, self.cmd = workdir, cmd

    def describe(self):
        text = "%s: %s" % (self.rel, {
            "ice": "internal compiler error with the plugin",
            "build": "does not build with the plugin",
            "run": "miscompiled? the program fails with the plugin",
        }.get(self.status, self.status))
        if self.cmd:
            text += "\n  build: %s" % " ".join(self.cmd)
        if self.stderr.strip():
            text += "\n  plugin build stderr (tail):\n    " + \
                tail(self.stderr, 15).replace("\n", "\n    ")
        if self.detail:
            text += "\n  run: " + self.detail.replace("\n", "\n    ")
        if self.workdir:
            text += "\n  kept in %s" % self.workdir
        return text


class _Summary:
    """A plugin registered at run time: prints the numbers in pytest's
    terminal summary, shown without -s too."""

    def __init__(self, lines):
        self.lines = lines

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.section("torture/execute with stackify")
        for line in self.lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def results(plugin, tmp_path_factory, request):
    top = execute_dir()
    files = selected(all_files(top))
    scratch = tmp_path_factory.mktemp("execute")
    flags = plugin_flags(plugin, PLUGIN_ARGS)

    def attempt(rel, work):
        src = top / rel
        extra = IEEE_FLAGS if rel.startswith("ieee/") else []
        cmd = CC + BASE_FLAGS + extra + [str(src), "-o", "base", "-lm"]
        rc, _out, err = run(cmd, cwd=work, timeout=BUILD_TIMEOUT)
        if rc != 0:
            return Result(rel, "n/a", detail="no build: " + tail(err, 3))
        ok, what = execute(work / "base", work)
        if not ok:
            return Result(rel, "n/a", detail="base run: " + what)
        cmd = CC + flags + BASE_FLAGS + extra + \
            [str(src), "-o", "stack", "-lm"]
        rc, _out, err = run(cmd, cwd=work, timeout=PLUGIN_BUILD_TIMEOUT)
        moved = sum(1 for _ in MOVED_RE.finditer(err))
        if ice(err) or rc < 0:
            return Result(rel, "ice", moved, err, "exit %d" % rc, work, cmd)
        if rc != 0:
            return Result(rel, "build", moved, err, "exit %d" % rc, work, cmd)
        ok, what = execute(work / "stack", work)
        if not ok:
            return Result(rel, "run", moved, err,
                          what + " (exit 0 without the plugin)", work, cmd)
        return Result(rel, "pass", moved)

    def one(rel):
        work = pathlib.Path(tempfile.mkdtemp(
            prefix=rel.replace("/", "_") + ".", dir=scratch))
        r = attempt(rel, work)
        # Keep the directories of failures only.
        if r.status in ("n/a", "pass"):
            shutil.rmtree(work, ignore_errors=True)
        return r

    start = time.monotonic()
    res = run_parallel(one, files, workers=WORKERS)
    elapsed = time.monotonic() - start
    applicable = [r for r in res if r.status != "n/a"]
    passed = [r for r in res if r.status == "pass"]
    moved = sum(r.moved for r in applicable)
    movers = [r for r in applicable if r.moved]
    failed = [r for r in applicable if r.status != "pass"]
    mode = os.environ.get("ESCAPE_TORTURE") or "default (%d)" % DEFAULT_COUNT
    lines = [
        "ESCAPE_TORTURE=%s: %d of %d files run (execute/ and execute/ieee/)"
        % (mode, len(files), len(all_files(top))),
        "applicable (build and exit 0 without the plugin): %d" %
        len(applicable),
        "passed with stackify: %d; failed: %d%s" % (
            len(passed), len(failed),
            (" (" + ", ".join(r.rel for r in failed) + ")") if failed else ""),
        "allocation calls moved to stack: %d, in %d files%s" % (
            moved, len(movers),
            (" (" + ", ".join("%s: %d" % (r.rel, r.moved)
                              for r in movers) + ")") if movers else ""),
        "wall time: %.0f s with %d workers" % (elapsed, WORKERS),
    ]
    request.config.pluginmanager.register(_Summary(lines))
    return {"files": files, "results": res, "lines": lines}


def report(bad):
    return "\n\n".join(r.describe() for r in bad)


def test_enough_files_applicable(results):
    res = results["results"]
    ok = [r for r in res if r.status != "n/a"]
    # A few files need options or targets of their own (dg-options,
    # dg-require-effective-target): far fewer than 20%.
    assert len(ok) >= 0.8 * len(res), \
        "only %d of %d torture/execute files build and run without the " \
        "plugin:\n%s" % (len(ok), len(res), "\n".join(
            "%s: %s" % (r.rel, r.detail) for r in res if r.status == "n/a"))


def test_no_internal_compiler_error(results):
    bad = [r for r in results["results"] if r.status == "ice"]
    assert not bad, "%d files crash the compiler with stackify:\n\n%s" % (
        len(bad), report(bad))


def test_builds_with_stackify(results):
    bad = [r for r in results["results"] if r.status == "build"]
    assert not bad, "%d files fail to build with stackify:\n\n%s" % (
        len(bad), report(bad))


def test_runs_with_stackify(results):
    bad = [r for r in results["results"] if r.status == "run"]
    assert not bad, "%d programs fail with stackify that pass without " \
        "it:\n\n%s" % (len(bad), report(bad))


def test_summary(results):
    print("\n" + "\n".join(results["lines"]))
