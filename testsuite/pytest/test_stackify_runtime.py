"""Stackify at run time: programs that must behave the same with and without
-fplugin-arg-escape-stackify.

Every program in pytest/stackify/*.c is a complete C program whose output
depends on what it computes.  Each is built

  ref       -O2                                   (no plugin: the reference)
  sk        -O2 + stackify + report               (the notes are checked)
  asan_ref  -O2 -fsanitize=address -fno-omit-frame-pointer
  asan_sk   the same + stackify + report
  sk_O1     -O1 + stackify + report
  sk_O3     -O3 + stackify + report
  ref_O1, ref_O3  -O1, -O3 without the plugin (a check of the program: it
            must print what the -O2 reference prints)

and run; the ASan builds with
ASAN_OPTIONS=detect_stack_use_after_return=1:detect_leaks=0.  The exit code,
stdout and stderr of every stackify build must be those of the reference
(for the ASan builds: exit code and stdout, and no "AddressSanitizer" in
stderr).

The programs come in two kinds:

  cNN_*  convertible: the plugin is expected to move allocations to the
         stack (EXPECTED_MOVED gives how many "moved to stack" notes the
         -O2 build prints), and the moved code must still be right;
  aNN_*  adversarial: the object escapes (returned, stored in a global,
         handed to another thread or translation unit, converted to an
         integer, byte-copied, ...), is freed where the free cannot be
         removed, outlives a loop iteration (moved then, behind a flag
         that keeps the slot for one block at a time), is too large, and
         so on.  The
         expected count is what the rules of plugin/escape-stackify.cc
         allow (mostly 0).  If the plugin moves such an object anyway, the
         program is written so that it shows: the allocating frame is gone
         and its stack overwritten ("scribble") before the object is used,
         and the object is then freed (free of a stack address aborts).

A program may need a helper of another translation unit (HELPERS: compiled
without the plugin and linked in) or extra plugin arguments (VARIANTS: the
same source built again under another test id).

Run from testsuite/:  /usr/bin/python3 -m pytest -q pytest/test_stackify_runtime.py
The builds run in parallel (ESCAPE_STACKIFY_JOBS, default: the number of
CPUs); ESCAPE_STACKIFY_KEEP=1 keeps the build directory and prints it;
ESCAPE_STACKIFY_PLUGIN=/path/to/escape.so tests another build of the
plugin.  The compiler is conftest's CC (ESCAPE_CC).
"""

import concurrent.futures
import os
import pathlib
import re
import shutil
import tempfile
import threading

import pytest

from conftest import CC, build_plugin
from stackify_builds import (ASAN_ENV, ENV, ICE_RE, MOVED_RE,
                             run_command)

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SRC_DIR = HERE / "stackify"
PLUGIN = os.environ.get("ESCAPE_STACKIFY_PLUGIN")

# How many "allocation of N bytes moved to stack" notes each program's -O2
# build must print.  Convertible programs (c*) must have at least one.
EXPECTED_MOVED = {
    # ---- convertible
    "c01_snprintf_nullcheck": 1,       # if (!p) return -1; snprintf
    "c02_memset_memcpy": 2,            # memset, memcpy, memmove, memcmp
    "c03_calloc_loop_zero": 1,         # calloc's zeros seen in every iteration
    "c04_aligned_alloc": 1,            # aligned_alloc (64, 128): 64-aligned slot
    "c05_align16_types": 3,            # long double, __int128 (movaps)
    "c06_inline_pair": 2,              # static foo_new/foo_free, inlined
    "c07_qsort": 1,                    # qsort with a comparator
    "c08_loop_freed_each_iteration": 1,
    "c09_goto_loop_freed": 1,
    "c10_fixed_list": 3,
    "c11_budget": 5,                   # 6 x 200 bytes: the 6th stays
    "c12_size_boundary": 1,            # 256 moved, 257 stays
    "c13_phi_free_two_mallocs": 2,     # free (c ? malloc (16) : malloc (32))
    "c14_phi_crossed_frees": 2,
    "c15_noinline_callees": 1,         # given to non-inlined readers/writers
    "c16_cleanup_attribute": 1,        # __attribute__ ((cleanup)), inlined
    "c17_longjmp_across": 1,           # main calls setjmp: its own stays
    "c18_string_functions": 1,
    "c19_calloc_struct": 1,
    "c20_nested_loops": 2,
    "c21_free_on_both_branches": 1,
    "c22_thread_local_work": 1,
    "c23_local_pointer_array": 4,
    "c24_generic_swap": 1,             # malloc (size) constant once inlined
    "c25_pair_in_loop": 2,             # new/free pair with NULL checks, in a
                                       # loop; the vector, freed through a
                                       # load, behind a flag
    "c26_recursion": 1,                # recursive: from the thread's budget
    "c26_recursion+recursive": 1,      # in the frame with stackify-recursive
    "c27_free_if_nonnull_in_loop": 1,
    "c28_budget_pointer_table": 5,     # c11 with a local table of the pointers
    "c29_aligned_uintptr_folded": 1,   # GCC folds the check before stackify
    "c30_xmalloc_wrapper": 1,          # static inline xmalloc/xfree
    "c31_allocator_table": 1,          # const table of malloc and free
    "c32_matrix_multiply": 3,
    "c33_string_builder": 1,           # static inline init/add/done
    "c34_small_hash_table": 1,
    "c35_rpn_stack": 1,
    "c36_prime_sieve": 1,
    "c37_ring_buffer": 1,
    "c38_zero_size": 3,                # malloc (0), calloc (0, 8): 1-byte slots
    "c39_struct_copies": 1,
    "c40_null_checks_in_loop": 2,      # if (!p) continue; free (PHI <NULL, p>)
    "c41_free_previous_in_loop": 2,    # free (prev); prev = malloc (n);
    "c42_address_only_uses": 2,        # alignment check, hash, difference
    "c43_known_call_targets": 1,       # a read-only table of readers
    "c44_struct_fields": 3,            # a cell per field
    "c45_runtime_size_bounds": 5,      # slots of 256 bytes when they fit
    "c46_allocator_wrappers": 4,       # xmalloc found, zalloc declared
    "c46_allocator_wrappers+named": 5,  # and pool_get:pool_put named
    "c47_realloc_growth": 5,           # slots that realloc grows in place
    "c48_bounded_sizes": 3,            # run-time sizes that ranges bound
    "c49_loop_partial_free": 3,        # loops that leak or free on one path
    "c50_loop_slot_taken": 5,          # slots taken while free, in loops
    "c51_recursive_budget": 5,         # recursion: the thread's stack budget
    # ---- adversarial
    "a01_returned": 0,
    "a02_global": 0,
    "a03_static_local": 0,
    "a04_thread_local": 0,
    "a05_param_store": 0,
    "a06_struct_escapes": 0,
    "a07_extern_keeps": 0,             # another TU keeps it
    "a08_function_pointer": 0,
    "a09_pthread_keeps": 0,            # pthread_create + join
    "a10_uintptr_roundtrip": 0,
    "a11_inline_asm": 0,
    "a12_memcpy_to_global": 0,
    "a13_union_pun": 0,
    "a14_byte_copy_loop": 0,
    "a15_phi_free_existing": 0,        # free (c ? malloc (16) : heap_ptr)
    "a16_noinline_free": 0,            # my_free, not inlined
    "a17_realloc": 2,                  # grown in its slot, shrunk in it
    "a18_list_in_loop": 1,             # slot taken while free (a flag)
    "a19_prev_freed_next_iteration": 1,  # the next one takes the heap
    "a20_freed_some_iterations": 1,
    "a21_goto_loop_kept": 1,
    "a23_large_sizes": 0,
    "a24_variable_size": 1,            # malloc (strlen (s) + 1): a slot
    "a25_aligned_uintptr_check": 1,   # the check cannot rebuild p
    "a26_conditional_free_phi_null": 2,  # moved, but free (t ? buf : NULL)
                                         # must not end buf's life
    "a27_byte_xor_encoded": 0,
    "a28_malloc_usable_size": 0,
    "a29_indirect_recursion": 1,       # recursion through a function pointer
    "a30_interior_pointer_returned": 0,
    "a31_qsort_comparator_keeps": 0,
    "a32_on_exit_keeps": 0,
    "a33_setvbuf_keeps": 0,
    "a34_cleanup_noinline": 0,
    "a35_extern_frees": 0,             # another TU frees it
    "a36_thread_frees": 0,
    "a37_tagged_pointer": 0,
    "a38_inside_escaping_heap_object": 0,
    "a39_mutual_recursion": 1,         # from the budget, heap beyond
    "a40_nested_function_free": 0,
    "a41_direct_recursion_deep": 1,    # deeper than the budget: heap beyond
    "a42_free_through_double_pointer": 0,  # release (&p), not inlined
    "a43_published_via_struct_param": 0,
    "a44_pointer_in_double": 0,        # memcpy into a double, a vector
    "a46_returned_through_identity": 0,
    "a47_bsearch_result_returned": 0,
    "a48_strtol_endptr_global": 0,
    "a49_strtok_continuation": 0,      # strtok keeps the buffer
    "a50_fmemopen_keeps": 0,
    "a51_putenv_keeps": 0,
    "a52_pthread_setspecific": 0,
    "a53_getline_grows": 0,            # getline may realloc *lineptr
    "a54_pointer_halves_to_extern": 0,  # 2 x 32 bits to another TU
    "a55_pointer_through_pipe": 0,     # write, fwrite_unlocked to a pipe
    "a56_wide_memcpy_pointer": 0,      # wmemcpy of the pointer's bytes
    "a57_phi_null_keeps_object": 1,    # free (PHI <p, NULL>), NULL when kept
    "a58_null_or_kept_in_loop": 1,     # if (!p || k == 3) { keep = p; continue; }
    "a59_swab_pointer_bytes": 0,       # swab into a global and back
    "a60_previous_kept_when_null": 1,  # prev = NULL when the object is kept
    "a61_qsort_r_context_kept": 0,     # the comparator keeps qsort_r's context
    "a62_twalk_r_closure_kept": 0,     # the action keeps twalk_r's closure
    "a63_free_of_identity_result": 1,  # free (id (p)) goes with p
    "a66_pick_one_kept": 0,            # either may be the one kept
    "a67_address_number_kept": 0,      # the number escapes
    "a68_table_target_keeps": 0,       # one target of the table keeps it
    "a69_field_kept": 1,               # p.b moves; p.a and saved's stay
    "a70_wrapper_keeps_last": 0,       # wrappers that keep, or limit sizes
    "a71_loop_previous_in_memory": 2,  # the previous block kept in memory
    "a64_printf_custom_conversion": 0,  # register_printf_specifier's %W
    "a65_qsort_keeps_second": 0,       # the comparator keeps its 2nd argument
}

# Test ids that build a source under another name, with extra plugin
# arguments: id -> (source name, extra -fplugin-arg-escape-* arguments).
VARIANTS = {
    "c26_recursion+recursive": ("c26_recursion", ("stackify-recursive",)),
    "c46_allocator_wrappers+named": ("c46_allocator_wrappers",
                                     ("allocator=pool_get:pool_put",)),
}

# Programs linked with helpers of another translation unit, compiled
# without the plugin.
HELPERS = {
    "a07_extern_keeps": ("helpers/keeper.c",),
    "a35_extern_frees": ("helpers/keeper.c",),
    "a54_pointer_halves_to_extern": ("helpers/keeper.c",),
    "c46_allocator_wrappers": ("helpers/allocators.c",),
    "c46_allocator_wrappers+named": ("helpers/allocators.c",),
}

COMMON = ["-w", "-fno-diagnostics-color", "-pthread"]
ASAN = ["-fsanitize=address", "-fno-omit-frame-pointer"]
LIBS = ["-lm"]
BUILD_TIMEOUT = 120
RUN_TIMEOUT = 30

# The builds of each program: name -> (optimization and sanitizer flags,
# plugin on?).
BUILDS = {
    "ref": (["-O2"], False),
    "sk": (["-O2"], True),
    "asan_ref": (["-O2"] + ASAN, False),
    "asan_sk": (["-O2"] + ASAN, True),
    "sk_O1": (["-O1"], True),
    "sk_O3": (["-O3"], True),
    "ref_O1": (["-O1"], False),
    "ref_O3": (["-O3"], False),
}

STACKIFY_NOTE_RE = re.compile(
    r"^[^\n]*?:\d+:\d+: note: allocation of "
    r"(?:(?:at most )?\d+ bytes?|unknown size|run-time size) "
    r"(?:moved to stack.*|does not escape; (?:stays on heap|grows a block "
    r"moved to stack): .*)$", re.MULTILINE)

def source_of(test_id):
    return VARIANTS.get(test_id, (test_id, ()))[0]


def plugin_args_of(test_id):
    return ("stackify", "report") + VARIANTS.get(test_id, (test_id, ()))[1]


def moved_notes(stderr, src):
    """The "moved to stack" notes of STDERR about SRC (by base name)."""
    return [m.group(0) for m in MOVED_RE.finditer(stderr)
            if os.path.basename(m.group("file")) == src.name]


def stackify_notes(stderr):
    return "\n".join(m.group(0) for m in STACKIFY_NOTE_RE.finditer(stderr))


class Build:
    """One build of one program and its run."""

    def __init__(self, cmd, rc, stderr, moved, run=None):
        self.cmd, self.rc, self.stderr, self.moved = cmd, rc, stderr, moved
        self.run = run            # (returncode, stdout, stderr) or None

    def command(self):
        return " ".join(str(c) for c in self.cmd)


def _tail(text, lines=12):
    text = text.rstrip("\n")
    parts = text.splitlines()
    if len(parts) > lines:
        parts = ["[... %d lines ...]" % (len(parts) - lines)] + parts[-lines:]
    return "\n".join(parts)


def describe_run(run):
    if run is None:
        return "(not run)"
    rc, out, err = run
    what = "exit %d" % rc if rc >= 0 else "killed by signal %d" % -rc
    text = what + "\n  stdout:\n    " + \
        (_tail(out).replace("\n", "\n    ") if out else "(empty)")
    if err.strip():
        text += "\n  stderr:\n    " + _tail(err, 20).replace("\n", "\n    ")
    return text


def compare(ref, got, sanitizer=False):
    """None if the run GOT behaves as the run REF, else what differs.
    Both are (returncode, stdout, stderr).  Under a sanitizer, stderr is
    not compared but must not show a sanitizer report."""
    if got is None:
        return "not run"
    problems = []
    if got[0] != ref[0]:
        problems.append("exit code %d, expected %d" % (got[0], ref[0]))
    if got[1] != ref[1]:
        problems.append("stdout differs")
    if sanitizer:
        if "AddressSanitizer" in got[2] or "LeakSanitizer" in got[2]:
            problems.append("sanitizer report")
    elif got[2] != ref[2]:
        problems.append("stderr differs")
    return "; ".join(problems) or None


# ---- Building.

_plugin_lock = threading.Lock()
_plugin_state = {}


def plugin_path():
    """ESCAPE_STACKIFY_PLUGIN, or the plugin make builds for CC (conftest's
    build_plugin: made once; an existing one is used if make fails), and
    make's output; the path is None if there is no plugin."""
    with _plugin_lock:
        if "path" not in _plugin_state:
            log = ""
            if PLUGIN:
                path = pathlib.Path(PLUGIN)
            else:
                log, path = build_plugin()[1:3]
            _plugin_state["path"] = path if path.is_file() else None
            _plugin_state["log"] = log
        return _plugin_state["path"], _plugin_state["log"]


class Workshop:
    """Builds and runs the programs in a pool of threads (the work is in
    subprocesses); one future per (test id, build)."""

    def __init__(self, workdir, plugin, jobs):
        self.workdir = workdir
        self.plugin = plugin
        self.pool = concurrent.futures.ThreadPoolExecutor(jobs)
        self.futures = {}
        self.helpers = {}
        self.lock = threading.Lock()

    def build_helpers(self):
        """Compiles every helper without the plugin, plain and with ASan,
        before any program is built (a build waiting in the pool for a
        helper queued behind it would wait for ever)."""
        for rels in HELPERS.values():
            for rel in rels:
                for asan in (False, True):
                    if (rel, asan) not in self.helpers:
                        self.helpers[(rel, asan)] = self._helper(rel, asan)

    def _helper(self, rel, asan):
        src = SRC_DIR / rel
        out = self.workdir / ("helper-%s%s.o" % (
            src.stem, "-asan" if asan else ""))
        cmd = CC + ["-O2"] + (ASAN if asan else []) + COMMON + \
            ["-c", src, "-o", out]
        rc, _o, err = run_command(cmd, ENV, BUILD_TIMEOUT)
        if rc != 0:
            pytest.fail("helper %s does not build:\n%s\n%s"
                        % (rel, " ".join(map(str, cmd)), err), pytrace=False)
        return out

    def submit(self, test_id):
        with self.lock:
            for build in BUILDS:
                key = (test_id, build)
                if key not in self.futures:
                    self.futures[key] = self.pool.submit(
                        self._build_and_run, test_id, build)

    def result(self, test_id, build):
        self.submit(test_id)
        return self.futures[(test_id, build)].result()

    def _build_and_run(self, test_id, build):
        flags, with_plugin = BUILDS[build]
        src = SRC_DIR / (source_of(test_id) + ".c")
        asan = "-fsanitize=address" in flags
        helpers = [self.helpers[(rel, asan)]
                   for rel in HELPERS.get(test_id, ())]
        exe = self.workdir / ("%s.%s" % (test_id.replace("+", "_"), build))
        cmd = CC + flags + COMMON
        if with_plugin:
            cmd += ["-fplugin=%s" % self.plugin] + \
                ["-fplugin-arg-escape-%s" % a for a in plugin_args_of(test_id)]
        cmd += [src] + helpers + ["-o", exe] + LIBS
        rc, _out, err = run_command(cmd, ENV, BUILD_TIMEOUT,
                                    cwd=self.workdir)
        b = Build(cmd, rc, err, moved_notes(err, src))
        if rc == 0 and not ICE_RE.search(err):
            b.run = run_command([exe], ASAN_ENV if asan else ENV,
                                RUN_TIMEOUT, cwd=self.workdir)
        return b

    def close(self):
        self.pool.shutdown(wait=True, cancel_futures=True)


def _selected_ids(session):
    """The program ids of this module's selected tests."""
    ids = []
    me = pathlib.Path(__file__).resolve()
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        if callspec and "prog" in callspec.params and \
                pathlib.Path(str(item.fspath)).resolve() == me:
            if callspec.params["prog"] not in ids:
                ids.append(callspec.params["prog"])
    return ids


@pytest.fixture(scope="module")
def shop(request):
    plugin, log = plugin_path()
    if plugin is None:
        pytest.fail("no plugin and make could not make it:\n"
                    + log[-3000:], pytrace=False)
    keep = os.environ.get("ESCAPE_STACKIFY_KEEP")
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="stackify-runtime."))
    # Every build uses one snapshot of the plugin, even if it is rebuilt
    # while the tests run.
    snapshot = workdir / "escape.so"
    shutil.copy2(plugin, snapshot)
    jobs = int(os.environ.get("ESCAPE_STACKIFY_JOBS", "0")) or \
        max(2, os.cpu_count() or 2)
    ws = Workshop(workdir, snapshot, jobs)
    ws.build_helpers()
    # Start every selected program's builds now, in test order, so that
    # they overlap with the (cheap) checks of the first tests.
    for test_id in _selected_ids(request.session):
        ws.submit(test_id)
    yield ws
    ws.close()
    if keep:
        print("\nstackify runtime builds kept in %s" % workdir)
    else:
        shutil.rmtree(workdir, ignore_errors=True)


def _header(test_id, b):
    src = SRC_DIR / (source_of(test_id) + ".c")
    text = "%s (%s)\n  build: %s" % (test_id, src.relative_to(ROOT),
                                     b.command())
    notes = stackify_notes(b.stderr)
    if notes:
        text += "\n  stackify notes:\n    " + notes.replace("\n", "\n    ")
    return text


def _require_built(test_id, b, what):
    if b.rc != 0 or ICE_RE.search(b.stderr):
        pytest.fail("%s\n%s build failed (exit %d):\n%s" % (
            _header(test_id, b), what, b.rc, _tail(b.stderr, 30)),
            pytrace=False)


def _reference(shop, test_id):
    """The -O2 reference run, which must be a sane run: exit 0 and some
    output (else the program itself is broken)."""
    ref = shop.result(test_id, "ref")
    _require_built(test_id, ref, "reference (no plugin)")
    rc, out, err = ref.run
    if rc != 0 or not out.strip() or err:
        pytest.fail("%s\nthe reference build does not run cleanly (the "
                    "program is broken):\n  %s" % (
                        _header(test_id, ref), describe_run(ref.run)),
                    pytrace=False)
    return ref


def _check_run(test_id, ref, got, label, sanitizer=False):
    _require_built(test_id, got, label)
    diff = compare(ref.run, got.run, sanitizer)
    if diff:
        pytest.fail("%s\n%s: %s\n  reference (-O2, no plugin): %s\n  "
                    "%s: %s" % (_header(test_id, got), label, diff,
                                describe_run(ref.run).replace("\n", "\n  "),
                                label,
                                describe_run(got.run).replace("\n", "\n  ")),
                    pytrace=False)


PROGRAM_IDS = list(EXPECTED_MOVED)


# ---- The tests.

def test_program_set():
    """Every program has an expected count and every count a program; at
    least 45 programs, about half of each kind."""
    files = sorted(p.stem for p in SRC_DIR.glob("*.c"))
    sources = sorted({source_of(i) for i in EXPECTED_MOVED})
    assert files == sources, \
        "stackify/*.c and EXPECTED_MOVED disagree: only files %s, only " \
        "listed %s" % (sorted(set(files) - set(sources)),
                       sorted(set(sources) - set(files)))
    for test_id, (src, _args) in VARIANTS.items():
        assert test_id in EXPECTED_MOVED and (SRC_DIR / (src + ".c")).is_file()
    for test_id, helpers in HELPERS.items():
        assert test_id in EXPECTED_MOVED
        for rel in helpers:
            assert (SRC_DIR / rel).is_file(), rel
    assert len(files) >= 45
    convertible = [i for i, n in EXPECTED_MOVED.items() if n > 0]
    staying = [i for i, n in EXPECTED_MOVED.items() if n == 0]
    assert len(convertible) >= 20 and len(staying) >= 20
    for test_id in EXPECTED_MOVED:
        assert test_id.startswith(("c", "a")), test_id
        if test_id.startswith("c") and "+" not in test_id:
            assert EXPECTED_MOVED[test_id] >= 1, test_id


def test_checks_can_fail():
    """The helpers that decide pass or fail do see differences."""
    ok = (0, "a 1\n", "")
    assert compare(ok, ok) is None
    assert compare(ok, (0, "a 2\n", ""))
    assert compare(ok, (-6, "a 1\n", ""))
    assert compare(ok, (0, "a 1\n", "free(): invalid pointer\n"))
    assert compare(ok, (0, "a 1\n", "==1==ERROR: AddressSanitizer: x"),
                   sanitizer=True)
    assert compare(ok, None)
    src = SRC_DIR / "c01_snprintf_nullcheck.c"
    err = ("%s:10:13: note: allocation of 64 bytes moved to stack\n"
           "%s:11:3: note: allocation of 1 byte moved to stack\n"
           "other.c:1:1: note: allocation of 8 bytes moved to stack\n"
           "%s:12:3: note: allocation of 300 bytes does not escape; stays "
           "on heap: larger than stackify-max (256 bytes)\n") % (
               src, src.name, src)
    assert len(moved_notes(err, src)) == 2
    assert len(moved_notes("", src)) == 0


@pytest.mark.parametrize("prog", PROGRAM_IDS)
def test_moved_notes(shop, prog):
    """The -O2 stackify build moves exactly the expected number of
    allocations (notes of -fplugin-arg-escape-report)."""
    b = shop.result(prog, "sk")
    _require_built(prog, b, "stackify -O2")
    want = EXPECTED_MOVED[prog]
    if len(b.moved) != want:
        pytest.fail("%s\nexpected %d 'moved to stack' note%s, got %d" % (
            _header(prog, b), want, "" if want == 1 else "s", len(b.moved)),
            pytrace=False)


@pytest.mark.parametrize("prog", PROGRAM_IDS)
def test_runs_like_reference_O2(shop, prog):
    """-O2 with stackify: same exit code, stdout and stderr as -O2."""
    ref = _reference(shop, prog)
    _check_run(prog, ref, shop.result(prog, "sk"), "stackify -O2")


@pytest.mark.parametrize("prog", PROGRAM_IDS)
def test_runs_like_reference_asan(shop, prog):
    """Under AddressSanitizer, without and with stackify: the reference
    output, and no sanitizer report."""
    ref = _reference(shop, prog)
    _check_run(prog, ref, shop.result(prog, "asan_ref"), "ASan, no plugin",
               sanitizer=True)
    _check_run(prog, ref, shop.result(prog, "asan_sk"), "ASan + stackify",
               sanitizer=True)


@pytest.mark.parametrize("level", ["O1", "O3"])
@pytest.mark.parametrize("prog", PROGRAM_IDS)
def test_runs_like_reference_other_levels(shop, prog, level):
    """-O1 and -O3 with stackify: the output of the -O2 reference (which
    the program built at that level without the plugin must print too)."""
    ref = _reference(shop, prog)
    plain = shop.result(prog, "ref_" + level)
    _require_built(prog, plain, "-%s, no plugin" % level)
    if compare(ref.run, plain.run):
        pytest.fail("%s\nthe program is broken: -%s without the plugin does "
                    "not behave as -O2 (%s)\n  -O2: %s\n  -%s: %s" % (
                        _header(prog, plain), level,
                        compare(ref.run, plain.run),
                        describe_run(ref.run).replace("\n", "\n  "), level,
                        describe_run(plain.run).replace("\n", "\n  ")),
                    pytrace=False)
    _check_run(prog, ref, shop.result(prog, "sk_" + level),
               "stackify -" + level)


def test_other_builds_move_something(shop):
    """The ASan, -O1 and -O3 builds really exercise stackify: most
    convertible programs move something there too.  (The counts may differ
    from -O2: inlining differs, and ASan's instrumentation of locals can
    keep a load from being forwarded.)"""
    convertible = [i for i in PROGRAM_IDS if EXPECTED_MOVED[i] > 0]
    problems = []
    for build in ("asan_sk", "sk_O1", "sk_O3"):
        moved = {i: len(shop.result(i, build).moved) for i in convertible}
        none = sorted(i for i, n in moved.items() if n == 0)
        if len(none) > len(convertible) // 5:
            problems.append("%s: nothing moved in %d of %d convertible "
                            "programs: %s" % (build, len(none),
                                              len(convertible), none))
    assert not problems, "\n".join(problems)
