"""Helpers of test_build_tools.py: the examples of docs/examples/, built by
their build tools with the in-tree plugin, in temporary copies.

ESCAPE_BUILD_TOOLS=1 (set by "make check-build-tools", which installs the
tools) runs the slow examples too, and makes a missing tool a failure
instead of a skip."""

import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time

import pytest

from conftest import ENV, ROOT, parse_notes, run, tail

EXAMPLES = ROOT / "docs" / "examples"
TOOLS_INSTALLED = os.environ.get("ESCAPE_BUILD_TOOLS") == "1"

# The slow examples (Meson, autotools, distcc) run under
# "make check-build-tools" only.
slow = pytest.mark.skipif(
    not TOOLS_INSTALLED,
    reason="a slow build-tool example: 'make check-build-tools' runs it")


def tool_env(**extra):
    """The tests' environment without what an outer make or the user's
    ccache and distcc settings would pass down."""
    env = {k: v for k, v in ENV.items()
           if not k.startswith(("CCACHE_", "DISTCC_"))
           and k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "CFLAGS",
                         "CPPFLAGS", "LDFLAGS", "CC")}
    env.update(extra)
    return env


def need(*tools):
    """Skips the test when one of TOOLS is not on PATH, or fails it where
    "make check-build-tools" should have installed it."""
    missing = [t for t in tools if shutil.which(t) is None]
    if not missing:
        return
    message = ("%s not installed ('make check-build-tools' installs it)"
               % ", ".join(missing))
    if TOOLS_INSTALLED:
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def example(name, dest):
    """A copy of docs/examples/NAME in DEST/NAME; returns its path."""
    copy = pathlib.Path(dest) / name
    shutil.copytree(EXAMPLES / name, copy, symlinks=True)
    return copy


def check(cmd, cwd, env=None, timeout=300):
    """Runs CMD in CWD; fails the test with its output unless it succeeds.
    Returns stdout + stderr."""
    rc, out, err = run(cmd, cwd=cwd, env=env or tool_env(), timeout=timeout)
    if rc != 0:
        pytest.fail("%s failed (exit %d) in %s:\n%s"
                    % (" ".join(map(str, cmd)), rc, cwd, tail(out + err, 40)),
                    pytrace=False)
    return out + err


def notes_by_file(output):
    """{file base name: [(line, col, message), ...]} of the plugin's notes
    in OUTPUT, in output order."""
    notes = {}
    for path in sorted({line.split(":", 1)[0]
                        for line in output.splitlines() if ": note: " in line}):
        found = parse_notes(output, plugin_only=False, file=path)
        if found:
            notes.setdefault(os.path.basename(path), []).extend(found)
    return notes


def malloc_calls(binary):
    """How many calls of malloc BINARY's code makes."""
    rc, out, err = run(["objdump", "-d", binary])
    assert rc == 0, err
    return sum("call" in line and "<malloc@plt>" in line
               for line in out.splitlines())


def program_output(binary, cwd):
    """What BINARY prints; fails the test unless it exits with 0."""
    return check([binary], cwd)


# ---- distcc: a distccd on loopback, for one test module.

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def shared_dir(prefix):
    """A temporary directory that distccd's user (nobody, when the tests
    run as root) can read: pytest's own are private."""
    path = pathlib.Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o755)
    return path


class Distccd:
    """A distccd listening on 127.0.0.1, started and stopped by the tests.
    It runs the compilers listed in its DISTCC_CMDLIST (COMPILERS, absolute
    paths) with ENV added to its environment; its log is self.log_text().
    Its files in WORKDIR are NAME.log and NAME.cmdlist."""

    def __init__(self, compilers, workdir, env, name="distccd"):
        self.port = free_port()
        self.log = workdir / (name + ".log")
        cmdlist = workdir / (name + ".cmdlist")
        cmdlist.write_text("".join("%s\n" % c for c in compilers))
        cmdlist.chmod(0o644)
        self._log_file = open(self.log, "w")
        self.proc = subprocess.Popen(
            ["distccd", "--daemon", "--no-detach", "--listen", "127.0.0.1",
             "--port", str(self.port), "--allow", "127.0.0.1", "--jobs", "2",
             "--log-stderr", "--log-level=info"],
            stdout=subprocess.DEVNULL, stderr=self._log_file,
            env=tool_env(DISTCC_CMDLIST=str(cmdlist), **env),
            start_new_session=True)
        self._wait_listening()

    def _wait_listening(self):
        for _ in range(100):
            if self.proc.poll() is not None:
                pytest.fail("distccd exited:\n" + self.log_text(),
                            pytrace=False)
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        self.stop()
        pytest.fail("distccd does not listen:\n" + self.log_text(),
                    pytrace=False)

    def log_text(self):
        return self.log.read_text(errors="replace")

    def client_env(self, distcc_dir, **extra):
        """The environment of a distcc client that must use this server
        (no fallback to a local compile, no local retry)."""
        return tool_env(DISTCC_HOSTS="127.0.0.1:%d" % self.port,
                        DISTCC_DIR=str(distcc_dir), DISTCC_FALLBACK="0",
                        DISTCC_SKIP_LOCAL_RETRY="1", **extra)

    def stop(self):
        """Stops distccd and the workers it forked (its process group)."""
        try:
            os.killpg(self.proc.pid, 15)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)
        self._log_file.close()
