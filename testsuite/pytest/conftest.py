"""Fixtures and helpers of the escape plugin's end-to-end tests.

Run from testsuite/ as  /usr/bin/python3 -m pytest -q pytest

The compilers under test are ESCAPE_CC and ESCAPE_CXX (each a command,
such as "gcc-11" or "ccache gcc"; default gcc and g++): "make check
CC=gcc-11 CXX=g++-11" sets them.  The plugin is the one make builds for
them (plugin/escape.so for the machine's gcc, else build/gcc-N/escape.so).

Fixtures:
  root       the repository's top directory (a pathlib.Path)
  plugin     the plugin's absolute path; make is run for the plugin and
             the specs file once per session, and if make fails (say, a
             source file someone is still writing) an existing plugin is
             used as it is
  specs      the specs file's absolute path (made from escape.specs.in in a
             temporary directory if make could not make it)
  compile    compile(src, *flags, plugin=True, args=('report',), cc=CC,
             name=None, cwd=None, env=None, timeout=300)
             -> (returncode, stdout, stderr), in the test's tmp_path
             (see make_compiler)
  session_compile  the same for session-scoped use, a fresh directory
             per call

Plain helpers (import them: "from conftest import parse_notes"):
  CC, CXX    the compilers under test, as lists of command words
  driver(name) -> the driver NAME (gfortran, ...) of CC's version, a list
  build_plugin(cc=CC, cxx=CXX) -> a Build: make's exit status and output,
             the plugin's and the specs file's paths, the object directory
  parse_notes(stderr, plugin_only=True) -> [(line, col, message), ...]
  ice(stderr) -> True if the output shows an internal compiler error
  run(cmd, cwd=None) -> (returncode, stdout, stderr), in the C locale
  torture_files() -> GCC's gcc.c-torture/compile/*.c, extracted once into
             build/torture from Debian's gcc-12-source (skips without it)
"""

import collections
import fcntl
import os
import pathlib
import re
import shlex
import shutil
import signal
import subprocess
import tempfile
import threading
import warnings

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(__file__).resolve().parent / "data"

# Every compilation runs with these, so that GCC quotes with ' and prints
# in English whatever the user's locale.
ENV = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="C")
ENV.pop("GCC_COLORS", None)
ENV.pop("GCC_EXEC_PREFIX", None)
ENV.pop("COMPILER_PATH", None)

CC = shlex.split(os.environ.get("ESCAPE_CC") or "gcc")
CXX = shlex.split(os.environ.get("ESCAPE_CXX") or "g++")


def driver(name):
    """The driver NAME (gfortran, g++, ...) of CC's version: gfortran-11
    for gcc-11, and with CC's launcher (ccache ...) in front."""
    version = re.match(r"^gcc(-[\d.]+)?$", os.path.basename(CC[-1]))
    return CC[:-1] + [name + ((version and version.group(1)) or "")]


NOTE_RE = re.compile(
    r"^(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+): note: (?P<msg>.*)$",
    re.MULTILINE)

# The three kinds of note the plugin prints (plugin/escape-report.cc).
PLUGIN_NOTE_RE = re.compile(
    r"^(?:address of '[^']*'"
    r"|allocation of (?:unknown size|\d+ bytes?)"
    r"|parameter '[^']*')"
    r" (?:does not escape|leaks to return value|escapes: .+)$")

ICE_RE = re.compile(r"internal compiler error|Segmentation fault|"
                    r"Aborted|killed by signal|terminated signal|"
                    r"Please submit a full bug report")


def parse_notes(stderr, plugin_only=True, file=None):
    """The notes in a compiler's text output, as (line, col, message)
    tuples in output order.  With plugin_only, notes that are not the
    plugin's (GCC's own "declared here" and the like) are left out; with
    FILE, only notes about that file (compared by base name)."""
    notes = []
    for m in NOTE_RE.finditer(stderr):
        msg = m.group("msg")
        if plugin_only and not PLUGIN_NOTE_RE.match(msg):
            continue
        if file is not None and \
                os.path.basename(m.group("file")) != os.path.basename(file):
            continue
        notes.append((int(m.group("line")), int(m.group("col")), msg))
    return notes


# A source line quoted under a diagnostic ("   15 | ...", "      | ^~~").
QUOTED_RE = re.compile(r"^\s*\d*\s*\|")


def ice(stderr):
    """Does the compiler's output report a crash (an internal compiler
    error, a signal)?  Quoted source lines do not count."""
    return any(ICE_RE.search(line) for line in stderr.splitlines()
               if not QUOTED_RE.match(line))


def _make(cc, cxx, *targets):
    """Runs make in the top directory for the compilers CC and CXX (lists);
    returns its exit status and output."""
    cmd = ["make", "-k", "-j2", "--no-print-directory", "-C", str(ROOT),
           "CC=" + shlex.join(cc), "CXX=" + shlex.join(cxx)] + list(targets)
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True, env=ENV,
                           timeout=900)
        return p.returncode, p.stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        return -1, str(e)


Build = collections.namedtuple("Build", "rc log plugin specs objdir")
_builds = {}
_build_lock = threading.Lock()


def build_plugin(cc=CC, cxx=CXX):
    """The plugin and specs file for the compilers CC and CXX (lists),
    made once per session ("make all"): a Build of make's exit status and
    output and the paths make gives (its "paths" target)."""
    key = (tuple(cc), tuple(cxx))
    with _build_lock:
        if key not in _builds:
            rc, out = _make(cc, cxx, "-s", "paths")
            paths = out.split()
            if rc != 0 or len(paths) != 3:
                pytest.fail("make paths failed:\n" + out, pytrace=False)
            plugin, specs, objdir = map(pathlib.Path, paths)
            rc, log = _make(cc, cxx, "all")
            _builds[key] = Build(rc, log, plugin, specs, objdir)
        return _builds[key]


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def data_dir():
    return DATA


@pytest.fixture(scope="session")
def plugin(root):
    rc, log, so = build_plugin()[:3]
    if not so.is_file():
        pytest.fail("make failed and there is no %s:\n" % so
                    + log[-3000:], pytrace=False)
    if rc != 0:
        # Say, a source file that someone is still writing: a plugin linked
        # by hand meanwhile is used as it is.
        warnings.warn("make failed (exit %d); testing the existing %s:\n%s"
                      % (rc, so, tail(log, 5)))
    return so


@pytest.fixture(scope="session")
def specs(root, plugin, tmp_path_factory):
    spec = build_plugin().specs
    template = root / "plugin" / "escape.specs.in"
    if spec.is_file() and str(plugin) in spec.read_text() and (
            not template.is_file()
            or spec.stat().st_mtime >= template.stat().st_mtime):
        return spec
    if not template.is_file():
        pytest.fail("no %s and no plugin/escape.specs.in" % spec,
                    pytrace=False)
    # make could not make it: do what its rule does, in a temporary place.
    out = tmp_path_factory.mktemp("specs") / "escape.specs"
    out.write_text(template.read_text().replace("@PLUGIN@", str(plugin)))
    return out


def run(cmd, cwd=None, env=None, timeout=300):
    """Runs CMD; returns (returncode, stdout, stderr).  On a timeout the
    whole process group is killed (the driver and its cc1, as, ...) and
    the return code is -9."""
    p = subprocess.Popen([str(c) for c in cmd], cwd=cwd,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True, errors="replace", env=env or ENV,
                         start_new_session=True)
    try:
        out, err = p.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = p.communicate()
        return -9, out, err + "\ntimed out after %ds: %s" % (
            timeout, " ".join(map(str, cmd)))
    return p.returncode, out, err


def plugin_flags(plugin, args=("report",)):
    """-fplugin=PLUGIN and one -fplugin-arg-escape-ARG per ARG."""
    name = pathlib.Path(plugin).stem
    return ["-fplugin=%s" % plugin] + \
        ["-fplugin-arg-%s-%s" % (name, a) for a in args]


def _is_path(src):
    if isinstance(src, pathlib.PurePath):
        return True
    return "\n" not in src and len(src) < 4096 and os.path.isfile(src)


def make_compiler(plugin, tmpdir):
    """compile(src, *flags, plugin=True, args=('report',), cc=CC,
    name=None, cwd=None, env=None, timeout=300)
    -> (returncode, stdout, stderr)

    CC is a command (a list of words, or one word).  SRC is a file (a Path,
    or a str naming an existing file) or the text of one, written to NAME
    (default t.c, t.cc for g++ or c++, t.f90 for gfortran, also with a
    version suffix: g++-11) in TMPDIR (or CWD), where the compiler runs.  Unless FLAGS has one of
    -c, -S or -E, -c is added; unless it has -o, the output goes to out.o
    there.  With plugin=True the plugin is loaded with
    -fplugin-arg-escape-A for each A in ARGS.  TMPDIR may be a callable
    that makes a fresh directory."""
    so = plugin

    def compile(src, *flags, plugin=True, args=("report",), cc=None,
                name=None, cwd=None, env=None, timeout=300):
        cc = CC if cc is None else [cc] if isinstance(cc, str) else cc
        if cwd is None:
            cwd = tmpdir() if callable(tmpdir) else tmpdir
        cwd = pathlib.Path(cwd)
        if _is_path(src):
            path = pathlib.Path(src).resolve()
        else:
            if name is None:
                program = re.sub(r"-[\d.]+$", "", os.path.basename(cc[-1]))
                name = {"g++": "t.cc", "c++": "t.cc",
                        "gfortran": "t.f90"}.get(program, "t.c")
            path = cwd / name
            path.write_text(src)
        cmd = list(cc)
        if plugin:
            cmd += plugin_flags(so, args)
        cmd += [str(f) for f in flags]
        if not {"-c", "-S", "-E"} & set(cmd):
            cmd.append("-c")
        if "-o" not in cmd:
            cmd += ["-o", str(cwd / "out.o")]
        cmd.append(str(path))
        return run(cmd, cwd=cwd, env=env, timeout=timeout)
    return compile


@pytest.fixture
def compile(plugin, tmp_path):
    """See make_compiler."""
    return make_compiler(plugin, tmp_path)


@pytest.fixture(scope="session")
def session_compile(plugin, tmp_path_factory):
    """Like compile, for session- and module-scoped fixtures; each call
    runs in a fresh temporary directory."""
    return make_compiler(plugin, lambda: tmp_path_factory.mktemp("c"))


# ---- GCC's torture suite (test_torture.py, test_codegen.py).

TORTURE_TARS = sorted(pathlib.Path("/usr/src").glob(
    "gcc-12/gcc-12*-dfsg.tar.xz"))
TORTURE_CACHE = ROOT / "build" / "torture"


def _torture_tar():
    tar = os.environ.get("ESCAPE_GCC_SOURCE_TAR")
    if tar:
        return pathlib.Path(tar)
    return TORTURE_TARS[-1] if TORTURE_TARS else None


def torture_dir():
    """The directory of gcc.c-torture/compile (its parent has execute/ and
    the rest of gcc.c-torture), extracted once into build/torture from
    Debian's gcc-12-source; calls pytest.skip if that package is missing.
    Concurrent sessions extract it once (a lock file in build/torture)."""
    done = TORTURE_CACHE / ".extracted"
    path = TORTURE_CACHE / "gcc.c-torture" / "compile"
    if done.is_file() and path.is_dir():
        return path
    tar = _torture_tar()
    if tar is None or not tar.is_file():
        pytest.skip("GCC's torture suite needs the gcc-12-source package "
                    "(/usr/src/gcc-12/gcc-12.*-dfsg.tar.xz); install it with "
                    "'apt-get install gcc-12-source' or 'make deps'")
    TORTURE_CACHE.mkdir(parents=True, exist_ok=True)
    with open(TORTURE_CACHE / ".extract.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if done.is_file() and path.is_dir():
            return path
        return _extract_torture(tar, done)


def _extract_torture(tar, done):
    top = re.sub(r"(-dfsg)?\.tar\.xz$", "", tar.name)
    member = "%s/gcc/testsuite/gcc.c-torture" % top
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="extract.",
                                        dir=TORTURE_CACHE))
    p = subprocess.run(["tar", "xf", str(tar), "-C", str(tmp), member],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if p.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        pytest.fail("could not extract %s from %s:\n%s"
                    % (member, tar, p.stdout[-2000:]), pytrace=False)
    dest = TORTURE_CACHE / "gcc.c-torture"
    shutil.rmtree(dest, ignore_errors=True)
    (tmp / member).rename(dest)
    shutil.rmtree(tmp, ignore_errors=True)
    done.write_text("%s\n" % tar)
    return dest / "compile"


def torture_files():
    """Every .c file of gcc.c-torture/compile, sorted."""
    return sorted(torture_dir().glob("*.c"))


def every_nth(items, count):
    """About COUNT of ITEMS, evenly spread (deterministic)."""
    if count >= len(items):
        return list(items)
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def run_parallel(fn, items, workers=None):
    """[fn(item) for item in items], run by a pool of threads (the work is
    in subprocesses)."""
    import concurrent.futures
    workers = workers or max(2, os.cpu_count() or 2)
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        return list(pool.map(fn, items))


def tail(text, lines=15):
    return "\n".join(text.rstrip().splitlines()[-lines:])
