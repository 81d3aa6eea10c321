"""What the stackify runtime test (test_stackify_runtime.py) and the
differential fuzzer (fuzz/fuzz_stackify.py) share: the environment the
programs are built and run in, the patterns of their notes, and how a
command is run."""

import os
import re
import subprocess

ENV = dict(os.environ, LC_ALL="C", LANG="C", LANGUAGE="C")
for _v in ("GCC_COLORS", "GCC_EXEC_PREFIX", "COMPILER_PATH", "ASAN_OPTIONS",
           "MALLOC_CHECK_", "MALLOC_PERTURB_", "LD_PRELOAD"):
    ENV.pop(_v, None)
ASAN_ENV = dict(ENV, ASAN_OPTIONS="detect_stack_use_after_return=1:"
                "detect_leaks=0")

# A "moved to stack" note: of a constant size, of a run-time size that
# ranges bound, or of a run-time size behind a guard.
MOVED_RE = re.compile(
    r"^(?P<file>[^\n]*?):(?P<line>\d+):(?P<col>\d+): note: "
    r"allocation of (?:(?:at most )?(?P<size>\d+) bytes?|run-time size) "
    r"moved to stack"
    r"(?: when it fits \d+ bytes(?: \(heap otherwise\)| and its slot is free"
    r" \(heap otherwise: the block of an earlier iteration may still be in"
    r" use\))| while its slot is free \(heap otherwise: the block of an"
    r" earlier iteration may still be in use\))?"
    r"(?:; realloc grows it in place up to \d+ bytes \(heap beyond\))?"
    r"(?:; the function may recurse: its slot is taken from a stack budget of"
    r" \d+ bytes per thread \(heap once it is spent\))?$",
    re.MULTILINE)
ICE_RE = re.compile(r"internal compiler error|Please submit a full bug "
                    r"report|killed by signal|Segmentation fault")


def run_command(cmd, env, timeout, cwd=None):
    """(exit code, stdout, stderr); a timeout is exit code -9."""
    try:
        p = subprocess.run([str(c) for c in cmd], cwd=cwd, env=env,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return (p.returncode, p.stdout.decode(errors="replace"),
                p.stderr.decode(errors="replace"))
    except subprocess.TimeoutExpired as e:
        def text(b):
            return b.decode(errors="replace") if isinstance(b, bytes) \
                else (b or "")
        return (-9, text(e.stdout),
                text(e.stderr) + "\n[timed out after %ds]" % timeout)
