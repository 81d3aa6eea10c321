#!/usr/bin/python3
"""Runtime benchmark of stackify ("make bench").

Every kernel of bench/kernels/ is built in seven variants

  gcc        gcc -O2 (glibc malloc): the reference of every ratio
  stackify   gcc -O2 -fplugin=plugin/escape.so -fplugin-arg-escape-stackify
  hand       gcc -O2 -DBENCH_HAND: the same source with the allocation
             written as a stack object by hand (the limit)
  mimalloc   gcc -O2, linked with -lmimalloc
  jemalloc   gcc -O2, linked with -ljemalloc
  clang      clang -O2
  clang-attr clang -O2 -mllvm -attributor-enable=module (heap-to-stack)

each at several code offsets (an object of N bytes of nops linked just
before the kernel's object, N in OFFSETS), so that what is measured is not
the luck of one layout.  All binaries of one round run one after the other
in a shuffled order (interleaved), ROUNDS rounds; a binary reports the
fastest of 3 repetitions of kernel_run (ITERS); the cell of a variant and
offset is the median over the rounds, and the time of a variant is the
geometric mean over the offsets of those medians.  Ratios are times
divided by gcc's: below 1 is faster.

Checks: the checksum of every run of a kernel must be the same; gcc -O2
must keep an allocation call in the kernel's assembly (-S); malloc must
bind to the library the variant names; the control kernel's stackify
object code must be gcc's.  Heap allocations per iteration are counted
with bench/alloc-counter.c (LD_PRELOAD) for gcc, stackify and hand.

Environment: BENCH_ROUNDS (default 9), BENCH_TARGET_MS (milliseconds per
repetition of gcc's build, default 20), BENCH_OFFSETS (default
"0,16,32,48"), BENCH_KERNELS (comma-separated subset).  Results go to
build/bench/results.json and the table to build/bench/table.txt.
"""

import concurrent.futures
import json
import math
import os
import pathlib
import random
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = ROOT / "build" / "bench"
PLUGIN = ROOT / "plugin" / "escape.so"
KERNELS_DIR = HERE / "kernels"

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
TARGET_MS = float(os.environ.get("BENCH_TARGET_MS", "20"))
OFFSETS = [int(x) for x in os.environ.get("BENCH_OFFSETS",
                                          "0,16,32,48").split(",")]
REPS = 3

# Kernels in table order, and which ones stackify may legally convert (not
# escaping): all but control, whose object escapes.  strcopy has a
# run-time size (a guarded slot), builder grows with realloc, xmalloc
# allocates through the program's own allocator of another file, loopfree
# frees on one path of a loop only, window keeps the previous iteration's
# block (a slot taken while free), treewalk recurses (a slot from the
# thread's stack budget).
KERNELS = ["scratch", "record", "histogram", "polint", "tokenize",
           "ctor_dtor", "strcopy", "builder", "xmalloc", "loopfree",
           "window", "treewalk", "control"]
CONVERTIBLE = {"scratch", "record", "histogram", "polint", "tokenize",
               "ctor_dtor", "strcopy", "builder", "xmalloc", "loopfree",
               "window", "treewalk"}
if os.environ.get("BENCH_KERNELS"):
    KERNELS = [k for k in os.environ["BENCH_KERNELS"].split(",")]

GCC_FLAGS = ["-O2"]
VARIANTS = {
    # name: (compiler, compile flags, link libraries, malloc library)
    "gcc": ("gcc", GCC_FLAGS, [], "libc"),
    "stackify": ("gcc", GCC_FLAGS + ["-fplugin=%s" % PLUGIN,
                                     "-fplugin-arg-escape-stackify"],
                 [], "libc"),
    "hand": ("gcc", GCC_FLAGS + ["-DBENCH_HAND"], [], "libc"),
    "mimalloc": ("gcc", GCC_FLAGS, ["-lmimalloc"], "mimalloc"),
    "jemalloc": ("gcc", GCC_FLAGS, ["-ljemalloc"], "jemalloc"),
    "clang": ("clang", ["-O2"], [], "libc"),
    "clang-attr": ("clang", ["-O2", "-mllvm", "-attributor-enable=module"],
                   [], "libc"),
}
ORDER = list(VARIANTS)
# Variants whose kernel object is another's (only the link differs).
SAME_OBJECT = {"mimalloc": "gcc", "jemalloc": "gcc"}
COUNTED = ["gcc", "stackify", "hand"]

ALLOC_CALL_RE = re.compile(r"\bcallq?\s+(malloc|calloc|aligned_alloc|realloc|"
                           r"bench_xmalloc)\b")
FREE_CALL_RE = re.compile(r"\b(callq?|jmpq?)\s+(free|bench_xfree)\b")
LINE_RE = re.compile(r"kernel=(\S+) checksum=(\S+) ns_per_iter=(\S+) "
                     r"malloc=(\S+)(?: allocs_per_iter=(\S+))?")


def log(msg):
    print(msg, flush=True)


def run(cmd, env=None, check=True):
    p = subprocess.run([str(c) for c in cmd], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, env=env)
    if check and p.returncode != 0:
        sys.exit("command failed (exit %d): %s\n%s%s" % (
            p.returncode, " ".join(map(str, cmd)), p.stdout, p.stderr))
    return p


# ---- Building.

def pad_object(n):
    src = BUILD / ("pad%d.s" % n)
    obj = BUILD / ("pad%d.o" % n)
    src.write_text("\t.text\n\t.globl bench_pad_%d\nbench_pad_%d:\n"
                   "\t.skip %d, 0x90\n" % (n, n, n))
    return ["gcc", "-c", src, "-o", obj], obj


def kernel_object(kernel, variant):
    return BUILD / variant / ("%s.o" % kernel)


def exe_path(kernel, variant, offset):
    return BUILD / variant / ("%s-pad%d" % (kernel, offset))


def build_all():
    if BUILD.exists():
        shutil.rmtree(BUILD)
    BUILD.mkdir(parents=True)
    for v in ORDER:
        (BUILD / v).mkdir()
    stage1 = []
    for n in OFFSETS:
        stage1.append(pad_object(n)[0])
    stage1.append(["gcc", "-O2", "-Wall", "-Wextra", "-c", HERE / "driver.c",
                   "-o", BUILD / "driver.o"])
    stage1.append(["gcc", "-O2", "-Wall", "-Wextra", "-c", HERE / "xmalloc.c",
                   "-o", BUILD / "xmalloc.o"])
    stage1.append(["gcc", "-O2", "-Wall", "-Wextra", "-shared", "-fPIC",
                   HERE / "alloc-counter.c", "-o", BUILD / "alloc-counter.so",
                   "-ldl"])
    notes = {}
    for k in KERNELS:
        src = KERNELS_DIR / ("%s.c" % k)
        for v in ORDER:
            if v in SAME_OBJECT:
                continue
            cc, flags, _libs, _lib = VARIANTS[v]
            obj = kernel_object(k, v)
            stage1.append([cc] + flags + ["-Wall", "-c", src, "-o", obj])
            stage1.append([cc] + flags + ["-S", src, "-o",
                                          obj.with_suffix(".s")])
        # The notes, from a separate compile (report mode changes no code).
        stage1.append(["gcc"] + VARIANTS["stackify"][1]
                      + ["-fplugin-arg-escape-report", "-c", src, "-o",
                         os.devnull, "-fno-diagnostics-color"])
    results = parallel(stage1)
    for cmd, p in zip(stage1, results):
        if "-fplugin-arg-escape-report" in cmd:
            k = pathlib.Path(cmd[cmd.index("-c") + 1]).stem
            notes[k] = [l for l in p.stderr.splitlines()
                        if "note: allocation" in l]
    stage2 = []
    for k in KERNELS:
        for v in ORDER:
            cc, _flags, libs, _lib = VARIANTS[v]
            obj = kernel_object(k, SAME_OBJECT.get(v, v))
            for n in OFFSETS:
                stage2.append([cc, "-O2", BUILD / "driver.o",
                               BUILD / "xmalloc.o",
                               BUILD / ("pad%d.o" % n), obj, "-o",
                               exe_path(k, v, n), "-lm"] + libs)
    parallel(stage2)
    return notes


def parallel(cmds):
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        return list(ex.map(run, cmds))


# ---- Static checks.

def asm_calls(kernel, variant):
    text = kernel_object(kernel, variant).with_suffix(".s").read_text()
    return len(ALLOC_CALL_RE.findall(text)), len(FREE_CALL_RE.findall(text))


def disassembly(obj):
    out = run(["objdump", "-d", "--no-show-raw-insn", obj]).stdout
    return "\n".join(out.splitlines()[2:])   # skip the file name line


def symbol_offsets(kernel, variant):
    """kernel_run's address modulo 64 at each offset (to show the padding
    moves it)."""
    res = []
    for n in OFFSETS:
        out = run(["nm", exe_path(kernel, variant, n)]).stdout
        m = re.search(r"^([0-9a-f]+) T kernel_run$", out, re.MULTILINE)
        res.append(int(m.group(1), 16) % 64 if m else -1)
    return res


# ---- Running.

def parse(out):
    m = LINE_RE.search(out)
    if not m:
        sys.exit("unexpected driver output: %r" % out)
    return {"kernel": m.group(1), "checksum": m.group(2),
            "ns": float(m.group(3)), "malloc": m.group(4),
            "allocs": float(m.group(5)) if m.group(5) else None}


def run_exe(exe, iters, reps=REPS, env=None):
    return parse(run([exe, iters, reps], env=env).stdout)


def calibrate(kernel):
    exe = exe_path(kernel, "gcc", OFFSETS[0])
    iters = 2000
    while True:
        r = run_exe(exe, iters, 1)
        total_ms = r["ns"] * iters / 1e6
        if total_ms > 5 or iters > 10 ** 8:
            break
        iters *= 4
    return max(1000, int(TARGET_MS * 1e6 / r["ns"]))


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def main():
    if not PLUGIN.is_file():
        sys.exit("%s is missing: run make all" % PLUGIN)
    t_start = time.monotonic()
    log("building %d kernels x %d variants x %d offsets in %s"
        % (len(KERNELS), len(VARIANTS), len(OFFSETS), BUILD))
    notes = build_all()
    problems = []

    # gcc -O2 must keep the allocation (or the kernel measures nothing).
    asm = {}
    for k in KERNELS:
        for v in ["gcc", "stackify", "hand", "clang", "clang-attr"]:
            asm[(k, v)] = asm_calls(k, v)
        if asm[(k, "gcc")][0] == 0:
            problems.append("%s: gcc -O2 removed the allocation" % k)
    control_same = None
    if "control" in KERNELS:
        control_same = (disassembly(kernel_object("control", "gcc"))
                        == disassembly(kernel_object("control", "stackify")))
        if not control_same:
            problems.append("control: stackify changed the object code")

    iters = {}
    for k in KERNELS:
        iters[k] = calibrate(k)
    log("iterations per repetition: "
        + ", ".join("%s %d" % (k, iters[k]) for k in KERNELS))

    # Allocation counts (offset 0, one repetition).
    allocs = {}
    env = dict(os.environ, LD_PRELOAD=str(BUILD / "alloc-counter.so"))
    for k in KERNELS:
        for v in COUNTED:
            r = run_exe(exe_path(k, v, OFFSETS[0]), max(1000, iters[k] // 10),
                        1, env)
            allocs[(k, v)] = r["allocs"]

    # Interleaved timing rounds.
    cells = [(k, v, n) for k in KERNELS for v in ORDER for n in OFFSETS]
    times = {c: [] for c in cells}
    checksums = {}
    t0 = time.monotonic()
    for rnd in range(ROUNDS):
        order = cells[:]
        random.Random(rnd).shuffle(order)
        for k, v, n in order:
            r = run_exe(exe_path(k, v, n), iters[k])
            times[(k, v, n)].append(r["ns"])
            checksums.setdefault(k, {}).setdefault(r["checksum"], set()).add(v)
            want = VARIANTS[v][3]
            if want not in r["malloc"]:
                problems.append("%s/%s: malloc binds to %s, not %s"
                                % (k, v, r["malloc"], want))
                VARIANTS[v] = VARIANTS[v][:3] + (r["malloc"],)
        log("round %d/%d done (%.0f s)" % (rnd + 1, ROUNDS,
                                            time.monotonic() - t0))
    for k, sums in checksums.items():
        if len(sums) != 1:
            problems.append("%s: checksums differ across variants: %s"
                            % (k, {s: sorted(v) for s, v in sums.items()}))

    # Medians per offset, geometric mean over offsets, ratio to gcc.
    med = {c: statistics.median(ts) for c, ts in times.items()}
    vtime = {(k, v): geomean([med[(k, v, n)] for n in OFFSETS])
             for k in KERNELS for v in ORDER}
    ratio = {(k, v): vtime[(k, v)] / vtime[(k, "gcc")]
             for k in KERNELS for v in ORDER}
    # Noise: run-to-run (interquartile range over the rounds, relative to
    # the median, the median over all cells) and layout (gcc's slowest
    # offset over its fastest, per kernel).
    def iqr(ts):
        q = statistics.quantiles(ts, n=4) if len(ts) >= 2 else [ts[0]] * 3
        return (q[2] - q[0]) / statistics.median(ts)
    run_noise = statistics.median(iqr(ts) for ts in times.values())
    layout = {k: max(med[(k, v, n)] for n in OFFSETS)
              / min(med[(k, v, n)] for n in OFFSETS)
              for k in KERNELS for v in ["gcc"]}
    layout_all = {k: max(max(med[(k, v, n)] for n in OFFSETS)
                         / min(med[(k, v, n)] for n in OFFSETS)
                         for v in ORDER) for k in KERNELS}

    lines = []
    out = lines.append
    out("Time ratio to gcc -O2 with glibc malloc (below 1.00 is faster); "
        "median of %d interleaved runs" % ROUNDS)
    out("per build, geometric mean over %d code offsets (%s bytes); "
        "allocations per iteration counted with LD_PRELOAD."
        % (len(OFFSETS), ",".join(map(str, OFFSETS))))
    out("")
    head = "%-10s %9s" % ("kernel", "gcc ns/it")
    for v in ORDER:
        head += " %10s" % v
    head += " %9s %9s %7s" % ("allocs:gcc", "stackify", "layout")
    out(head)
    out("-" * len(head))
    for k in KERNELS:
        row = "%-10s %9.1f" % (k, vtime[(k, "gcc")])
        for v in ORDER:
            row += " %10.3f" % ratio[(k, v)]
        row += " %10s %9s %6.1f%%" % (
            fmt_allocs(allocs[(k, "gcc")]), fmt_allocs(allocs[(k, "stackify")]),
            (layout[k] - 1) * 100)
        out(row)
    out("-" * len(head))
    for label, ks in [("geomean", KERNELS),
                      ("geo-conv", [k for k in KERNELS if k in CONVERTIBLE])]:
        if not ks:
            continue
        row = "%-10s %9s" % (label, "")
        for v in ORDER:
            row += " %10.3f" % geomean([ratio[(k, v)] for k in ks])
        out(row)
    out("")
    out("geomean: all %d kernels; geo-conv: the %d that stackify may legally "
        "convert (%s)." % (len(KERNELS), len([k for k in KERNELS
                                               if k in CONVERTIBLE]),
                          ", ".join(k for k in KERNELS if k in CONVERTIBLE)))
    out("layout: gcc -O2's slowest offset over its fastest (median of runs); "
        "over all variants the largest is %.1f%% (%s)."
        % ((max(layout_all.values()) - 1) * 100,
           max(layout_all, key=layout_all.get)))
    out("run-to-run noise: median interquartile range of a cell's runs, "
        "%.1f%% of its median." % (run_noise * 100))
    out("")
    out("Allocation calls in the kernel's assembly (-S), alloc/free: "
        + "; ".join("%s gcc %d/%d stackify %d/%d clang-attr %d/%d"
                    % ((k,) + asm[(k, "gcc")] + asm[(k, "stackify")]
                       + asm[(k, "clang-attr")]) for k in KERNELS))
    if control_same is not None:
        out("control: stackify object code %s gcc -O2's."
            % ("identical to" if control_same else "DIFFERS from"))
    out("")
    out("Targets (kernels stackify may legally convert; a margin is the "
        "other variant's time over stackify's, minus 1):")
    for k in KERNELS:
        if k not in CONVERTIBLE:
            continue
        s = ratio[(k, "stackify")]
        moved = sum("moved to stack" in l for l in notes.get(k, []))
        checks = ["moved %d of %d" % (moved, asm[(k, "gcc")][0]),
                  "stackify/hand %.3f %s" % (s / ratio[(k, "hand")],
                                             "ok" if s <= ratio[(k, "hand")]
                                             * 1.05 else "MISSED")]
        for v in ["mimalloc", "jemalloc", "clang-attr"]:
            margin = ratio[(k, v)] / s - 1
            checks.append("vs %s %s %+.1f%%" % (
                v, "ahead" if margin > 0 else "BEHIND", margin * 100))
        out("  %-10s %s" % (k, ", ".join(checks)))
    if "control" in KERNELS:
        out("  %-10s stackify %.3f, allocations %s vs %s (no change expected)"
            % ("control", ratio[("control", "stackify")],
               fmt_allocs(allocs[("control", "stackify")]),
               fmt_allocs(allocs[("control", "gcc")])))
    out("")
    out("Stackify notes (-fplugin-arg-escape-report):")
    for k in KERNELS:
        for l in notes.get(k, []):
            out("  " + l.replace(str(ROOT) + "/", ""))
    out("")
    out("Per-offset ratios to gcc at the same offset (min..max):")
    for k in KERNELS:
        parts = []
        for v in ORDER[1:]:
            rs = [med[(k, v, n)] / med[(k, "gcc", n)] for n in OFFSETS]
            parts.append("%s %.2f..%.2f" % (v, min(rs), max(rs)))
        out("  %-10s %s" % (k, ", ".join(parts)))
    out("kernel_run address mod 64 at each offset (gcc): "
        + ", ".join("%s %s" % (k, symbol_offsets(k, "gcc")) for k in KERNELS))
    out("")
    out("wall time %.0f s" % (time.monotonic() - t_start))
    if problems:
        out("")
        out("PROBLEMS:")
        for p in dict.fromkeys(problems):
            out("  " + p)
    text = "\n".join(lines) + "\n"
    print("\n" + text, end="")
    (BUILD / "table.txt").write_text(text)
    (BUILD / "results.json").write_text(json.dumps({
        "rounds": ROUNDS, "offsets": OFFSETS, "iters": iters,
        "times_ns": {"%s/%s/%d" % c: ts for c, ts in times.items()},
        "ratio": {"%s/%s" % c: r for c, r in ratio.items()},
        "allocs_per_iter": {"%s/%s" % c: a for c, a in allocs.items()},
        "asm_calls": {"%s/%s" % c: a for c, a in asm.items()},
        "notes": notes, "problems": problems}, indent=1))
    return 1 if problems else 0


def fmt_allocs(a):
    if a is None:
        return "?"
    return "%.0f" % a if abs(a - round(a)) < 0.005 else "%.2f" % a


if __name__ == "__main__":
    sys.exit(main())
