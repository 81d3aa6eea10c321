"""The SQLite amalgamation with stackify: a workload's output must not
change.

sqlite3.c and sqlite3.h come from the npm package better-sqlite3@12.4.1
(package/deps/sqlite3/), fetched once with "npm pack" into build/sqlite;
without npm or the registry the test is skipped.  The amalgamation and
data/sqlite_workload.c (an in-memory database, thousands of rows from a
seeded PRNG, joins, GROUP BY, LIKE, aggregates, window and JSON functions,
recursive CTEs, UPDATE/DELETE, ROLLBACK) are built at -O2 without the plugin
and with -fplugin-arg-escape-stackify (and -report, to count the moved
allocations); both programs run and their outputs must be byte-identical.

Building SQLite twice takes about a minute on two cores: the test is
marked slow and runs only with ESCAPE_SLOW=1."""

import concurrent.futures
import difflib
import os
import subprocess
import time

import pytest

import sqlite_amalgamation
from stackify_builds import MOVED_RE
from conftest import CC, DATA, ENV, ROOT, ice, plugin_flags, run, tail

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("ESCAPE_SLOW") != "1",
                       reason="slow (builds SQLite twice, about a minute): "
                       "set ESCAPE_SLOW=1 to run it"),
]

DRIVER = DATA / "sqlite_workload.c"
FLAGS = ["-O2", "-fno-diagnostics-color", "-DSQLITE_THREADSAFE=0",
         "-DSQLITE_OMIT_LOAD_EXTENSION"]
PLUGIN_ARGS = ("stackify", "report")
COMPILE_TIMEOUT = 900
RUN_TIMEOUT = 120



def sqlite_source():
    """The directory of sqlite3.c and sqlite3.h (sqlite_amalgamation)."""
    try:
        return sqlite_amalgamation.fetch(ROOT / "build" / "sqlite")
    except sqlite_amalgamation.Unavailable as e:
        pytest.skip(str(e))
    except sqlite_amalgamation.Broken as e:
        pytest.fail(str(e), pytrace=False)


class Build:
    def __init__(self, name):
        self.name = name
        self.steps = []         # (what, seconds, returncode, stderr)
        self.exe = None
        self.run = None         # (returncode, stdout bytes, stderr bytes)

    @property
    def ok(self):
        return self.exe is not None

    def seconds(self, what):
        return sum(s for w, s, _rc, _err in self.steps if w == what)

    def stderr(self):
        return "".join(err for _w, _s, _rc, err in self.steps)

    def failure(self):
        for what, secs, rc, err in self.steps:
            if rc != 0 or ice(err):
                return "%s: exit %d after %.0f s:\n%s" % (
                    what, rc, secs, tail(err, 25))
        return None


def build(name, src, workdir, extra):
    """Compiles sqlite3.c and the driver separately (to time them), links;
    returns a Build."""
    b = Build(name)
    workdir.mkdir(parents=True, exist_ok=True)
    steps = [
        ("sqlite3.c", CC + extra + FLAGS +
         ["-c", src / "sqlite3.c", "-o", "sqlite3.o"]),
        ("driver", CC + extra + FLAGS +
         ["-I", src, "-c", DRIVER, "-o", "workload.o"]),
        ("link", CC + ["-O2", "sqlite3.o", "workload.o", "-o",
                       "workload", "-lm"]),
    ]
    for what, cmd in steps:
        start = time.monotonic()
        rc, _out, err = run(cmd, cwd=workdir, timeout=COMPILE_TIMEOUT)
        b.steps.append((what, time.monotonic() - start, rc, err))
        if rc != 0:
            return b
    b.exe = workdir / "workload"
    try:
        p = subprocess.run([str(b.exe)], cwd=workdir,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=ENV,
                           timeout=RUN_TIMEOUT)
        b.run = (p.returncode, p.stdout, p.stderr)
    except subprocess.TimeoutExpired as e:
        b.run = (-9, e.stdout or b"", (e.stderr or b"") +
                 b"\ntimed out after %d s" % RUN_TIMEOUT)
    (workdir / "stdout.txt").write_bytes(b.run[1])
    return b


class _Summary:
    """Prints the numbers in pytest's terminal summary (without -s too)."""

    def __init__(self, lines):
        self.lines = lines

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.section("SQLite with stackify")
        for line in self.lines:
            terminalreporter.write_line(line)


@pytest.fixture(scope="module")
def builds(plugin, tmp_path_factory, request):
    src = sqlite_source()
    top = tmp_path_factory.mktemp("sqlite")
    # The two builds in parallel, one core each.
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        base = pool.submit(build, "without the plugin", src, top / "base", [])
        stack = pool.submit(build, "with stackify", src, top / "stackify",
                            plugin_flags(plugin, PLUGIN_ARGS))
        base, stack = base.result(), stack.result()
    moved = {}
    for m in MOVED_RE.finditer(stack.stderr()):
        f = os.path.basename(m.group("file"))
        moved[f] = moved.get(f, 0) + 1
    lines = ["sqlite3.c from %s, in %s" % (sqlite_amalgamation.PACKAGE, src)]
    for b in (base, stack):
        lines.append("%-18s compile sqlite3.c %.1f s, driver %.1f s, "
                     "link %.1f s; %s" % (
                         b.name + ":", b.seconds("sqlite3.c"),
                         b.seconds("driver"), b.seconds("link"),
                         "run: exit %d, %d bytes of output" %
                         (b.run[0], len(b.run[1])) if b.run
                         else "build failed"))
    lines.append("allocation calls moved to stack: %d (%s)" % (
        sum(moved.values()), ", ".join("%s: %d" % kv
                                       for kv in sorted(moved.items()))
        or "none"))
    if base.run and stack.run:
        lines.append("outputs: %s" % ("identical" if base.run == stack.run
                                       else "DIFFERENT"))
    lines.append("builds in %s" % top)
    request.config.pluginmanager.register(_Summary(lines))
    return {"base": base, "stack": stack, "moved": moved, "lines": lines}


def test_builds_without_plugin(builds):
    b = builds["base"]
    assert b.ok, "SQLite does not build without the plugin: " + b.failure()


def test_workload_runs_without_plugin(builds):
    b = builds["base"]
    if not b.ok:
        pytest.skip("no build without the plugin")
    rc, out, err = b.run
    assert rc == 0, "the workload fails without the plugin (exit %d):\n%s" \
        % (rc, tail((out + err).decode(errors="replace"), 20))
    assert b"== total:" in out


def test_no_internal_compiler_error(builds):
    b = builds["stack"]
    bad = [(w, rc, err) for w, _s, rc, err in b.steps
           if ice(err) or rc < 0]
    assert not bad, "the compiler crashes with stackify:\n" + "\n".join(
        "%s: exit %d\n%s" % (w, rc, tail(err, 30)) for w, rc, err in bad)


def test_builds_with_stackify(builds):
    b = builds["stack"]
    if not builds["base"].ok:
        pytest.skip("no build without the plugin")
    assert b.ok, "SQLite does not build with stackify: " + b.failure()


def test_same_output_with_stackify(builds):
    base, stack = builds["base"], builds["stack"]
    if not (base.ok and stack.ok) or base.run[0] != 0:
        pytest.skip("needs both builds and a working baseline")
    rc, out, err = stack.run
    if (rc, out, err) == base.run:
        return
    diff = "".join(difflib.unified_diff(
        base.run[1].decode(errors="replace").splitlines(True),
        out.decode(errors="replace").splitlines(True),
        "without the plugin", "with stackify", n=2))
    pytest.fail("the workload's output differs with stackify (exit %d, "
                "stderr %r):\n%s\n(outputs kept in %s)" % (
                    rc, tail(err.decode(errors="replace"), 5),
                    "\n".join(diff.splitlines()[:80]),
                    stack.exe.parent.parent), pytrace=False)


def test_summary(builds):
    print("\n" + "\n".join(builds["lines"]))
