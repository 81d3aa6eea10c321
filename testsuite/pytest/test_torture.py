"""GCC's gcc.c-torture/compile with the plugin loaded and reporting.

Each file is first compiled without the plugin at -O2; a file that fails
then (some need options of their own) is left out.  With the plugin it must
not crash the compiler and must still compile.

By default a deterministic subset of about 150 files runs; ESCAPE_TORTURE=all
runs every file ("make check-torture").  ESCAPE_TORTURE=N runs about N."""

import os

import pytest

from conftest import (CC, ENV, ice, every_nth, plugin_flags, run, run_parallel,
                      tail, torture_files)

DEFAULT_COUNT = 150
BASE_FLAGS = ["-O2", "-w", "-c", "-o", "/dev/null"]


def selected():
    files = torture_files()
    want = os.environ.get("ESCAPE_TORTURE", "")
    if want == "all":
        return files
    count = int(want) if want.isdigit() else DEFAULT_COUNT
    return every_nth(files, count)


@pytest.fixture(scope="module")
def results(plugin):
    files = selected()
    flags = plugin_flags(plugin, ("report",))

    def one(path):
        # Run next to the file, as GCC's own harness does (some include
        # files of their directory).
        rc, _out, err = run(CC + BASE_FLAGS + [path.name],
                            cwd=path.parent, timeout=300)
        if rc != 0:
            return path, None, None, err
        rc, _out, err = run(CC + flags + BASE_FLAGS + [path.name],
                            cwd=path.parent, timeout=300)
        return path, rc, err, None

    return run_parallel(one, files)


def report(bad):
    return "\n\n".join("%s (exit %s):\n%s" % (p.name, rc, tail(err))
                       for p, rc, err in bad)


def test_enough_files_compile_without_plugin(results):
    ok = [r for r in results if r[1] is not None]
    # About 5% of the files need options of their own.
    assert len(ok) >= 0.8 * len(results), \
        "only %d of %d torture files compile without the plugin" % (
            len(ok), len(results))


def test_no_internal_compiler_error(results):
    bad = [(p, rc, err) for p, rc, err, _ in results
           if rc is not None and (ice(err) or rc < 0 or rc >= 4)]
    assert not bad, "%d of %d files crash the compiler with the plugin:\n\n%s" \
        % (len(bad), len(results), report(bad))


def test_compiles_with_plugin(results):
    bad = [(p, rc, err) for p, rc, err, _ in results
           if rc is not None and rc != 0]
    assert not bad, "%d of %d files fail with the plugin:\n\n%s" % (
        len(bad), len(results), report(bad))


def test_no_errors_or_warnings_from_plugin(results):
    # -w is on: anything but notes on stderr comes from the plugin.
    bad = [(p, rc, err) for p, rc, err, _ in results
           if rc == 0 and any(("error:" in l or "warning:" in l)
                              for l in err.splitlines())]
    assert not bad, report(bad)
