#!/usr/bin/python3
"""Compile-time benchmark of the plugin ("make bench-compile").

1. The SQLite amalgamation (sqlite3.c of the npm package
   better-sqlite3@12.4.1, cached in build/sqlite as the SQLite test caches
   it) compiled with gcc -O2 -c in four configurations, interleaved,
   RUNS rounds in a shuffled order:

     base      no plugin
     report    -fplugin=plugin/escape.so -fplugin-arg-escape-report
     stackify  the same + -fplugin-arg-escape-stackify
     no-caret  the same + -fno-diagnostics-show-caret

   The last one shows what GCC's printer costs: GCC 12 keeps the start of
   only 100 lines per source file (input.cc, line_record_size), and
   printing a note's source line reads that line again from the nearest
   recorded one, so each note of a file of L lines costs a scan of about
   L/200 lines: quadratic in the file, and GCC's for any diagnostic.

   Time is the CPU time (user + system) of gcc and its children (cc1, as),
   from wait4's rusage, so that time spent waiting for a core on a shared
   machine does not count; wall time is shown too.  Peak memory is the
   rusage's maximum resident set size: that of the largest process of the
   tree, cc1.  Ratios are medians over medians.

2. Scaling: one generated function of 1k, 10k and 100k statements (many
   address-taken locals, pointer copies through locals and struct fields,
   calls of non-inlined functions defined in the file, a few unknown calls
   and, every 100 statements, a small malloc/free pair), compiled at -O0
   and -O2 without and with the plugin (report + stackify), and at -O2
   with stackify-frame-max=0 ("analysis": stackify decides about every
   allocation but moves none, so GCC recomputes no points-to information
   after it).  The plugin's passes have no timevar of their own
   (TV_NONE): the plugin's time is measured in cc1 by bench/pass-timer.cc,
   a plugin loaded beside escape.so (see there), per pass; the difference
   of the medians of the CPU times of the whole compile is shown too.
   Divided by the number of statements it should stay flat.

The plugin runs load pass-timer.so too (its cost, a callback per pass and
function, is charged to the plugin); the base runs do not.

Environment: BENCH_COMPILE_RUNS (SQLite rounds, default 3),
BENCH_COMPILE_SIZES (default "1000,10000,100000"), BENCH_COMPILE_SKIP_SQLITE=1.
Output: the tables, also in build/bench-compile/table.txt and results.json.
"""

import json
import os
import pathlib
import random
import statistics
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "testsuite" / "pytest"))
import sqlite_amalgamation  # noqa: E402  (the SQLite test's fetcher)
BUILD = ROOT / "build" / "bench-compile"
PLUGIN = ROOT / "plugin" / "escape.so"


RUNS = int(os.environ.get("BENCH_COMPILE_RUNS", "3"))
SIZES = [int(x) for x in os.environ.get("BENCH_COMPILE_SIZES",
                                        "1000,10000,100000").split(",")]
# Rounds per size of the scaling test: small compiles are cheap and noisy.
SCALING_RUNS = {1000: 7, 10000: 5}
SCALING_RUNS_DEFAULT = 3

TIMER = BUILD / "pass-timer.so"
TIMER_SRC = HERE / "pass-timer.cc"
PLUGIN_ARGS = {
    "base": [],
    "report": ["-fplugin=%s" % TIMER, "-fplugin=%s" % PLUGIN,
               "-fplugin-arg-escape-report"],
    "stackify": ["-fplugin=%s" % TIMER, "-fplugin=%s" % PLUGIN,
                 "-fplugin-arg-escape-report",
                 "-fplugin-arg-escape-stackify"],
    "no-caret": ["-fplugin=%s" % TIMER, "-fplugin=%s" % PLUGIN,
                 "-fplugin-arg-escape-report",
                 "-fplugin-arg-escape-stackify",
                 "-fno-diagnostics-show-caret"],
    "analysis": ["-fplugin=%s" % TIMER, "-fplugin=%s" % PLUGIN,
                 "-fplugin-arg-escape-report",
                 "-fplugin-arg-escape-stackify",
                 "-fplugin-arg-escape-stackify-frame-max=0"],
}
SQLITE_CONFIGS = ["base", "report", "stackify", "no-caret"]
# The plugin's passes; "finish" is the end of the unit, where the held
# notes are printed by GCC's diagnostic printer.
ANALYSIS = ["escape_extract", "escape_report", "escape_stackify"]
PASSES = ANALYSIS + ["finish"]


def log(msg):
    print(msg, flush=True)


def sqlite_source():
    """sqlite3.c, fetched once as the SQLite test fetches it."""
    try:
        return sqlite_amalgamation.fetch(ROOT / "build" / "sqlite") \
            / "sqlite3.c"
    except (sqlite_amalgamation.Unavailable,
            sqlite_amalgamation.Broken) as e:
        sys.exit(str(e))


def build_timer():
    inc = subprocess.run(["gcc", "-print-file-name=plugin"],
                         capture_output=True, text=True).stdout.strip()
    p = subprocess.run(["g++", "-std=gnu++17", "-O2", "-fPIC", "-shared",
                        "-fno-rtti", "-fno-exceptions",
                        "-I%s/include" % inc, TIMER_SRC, "-o", TIMER],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("could not build %s:\n%s" % (TIMER, p.stderr))


def parse_timer(text):
    """{pass: cpu seconds} from pass-timer's line, or {}."""
    for line in text.splitlines():
        if line.startswith("pass-timer:"):
            res = {}
            for part in line[len("pass-timer:"):].split(";"):
                f = part.split()
                if len(f) == 3:
                    res[f[0]] = float(f[1])
            return res
    return {}


def compile_once(args, notes_file):
    """Runs gcc ARGS; returns (cpu seconds, wall seconds, max RSS in KiB,
    number of notes, allocations moved, {pass: seconds})."""
    with open(notes_file, "w") as err:
        start = time.monotonic()
        proc = subprocess.Popen(["gcc"] + [str(a) for a in args],
                                stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, ru = os.wait4(proc.pid, 0)
        wall = time.monotonic() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    text = pathlib.Path(notes_file).read_text(errors="replace")
    if proc.returncode != 0 or "internal compiler error" in text:
        sys.exit("gcc %s failed (exit %d):\n%s"
                 % (" ".join(map(str, args)), proc.returncode, text[-3000:]))
    notes = text.count(": note: ")
    moved = text.count("moved to stack")
    return (ru.ru_utime + ru.ru_stime, wall, ru.ru_maxrss, notes, moved,
            parse_timer(text))


# ---- Generated functions.

def generate(n, path):
    """One function of N statements: N/10 address-taken int locals, N/50
    pointers in groups of 8 (each group with a struct of two pointers),
    statements cycling through address-of, pointer copy, store into the
    struct, a call of a non-inlined function that returns one of its
    arguments, a store through a pointer, a call that stores into the
    struct, loads, a rare unknown call (escape) and, every 100
    statements, a 32-byte malloc/memset/free."""
    nloc = max(8, n // 10)
    nptr = max(8, n // 50)
    group = 8
    ns = nptr // group
    out = []
    w = out.append
    w("/* generated by bench/compile.py: one function of %d statements */\n"
      % n)
    w("#include <stdlib.h>\n#include <string.h>\n")
    w("extern void sink (int *);\n")
    w("struct pair { int *a; int *b; };\n")
    w("static __attribute__ ((noinline)) int *\n"
      "keep_first (int *x, int *y) { return *y ? x : y; }\n")
    w("static __attribute__ ((noinline)) void\n"
      "store (struct pair *s, int *x) { s->b = x; }\n")
    w("int\nbig (int n)\n{\n  int acc = 0;\n")
    for i in range(nloc):
        w("  int v%d = n + %d;\n" % (i, i))
    for i in range(nptr):
        w("  int *p%d = &v%d;\n" % (i, i % nloc))
    for i in range(ns):
        w("  struct pair s%d = { &v%d, &v%d };\n"
          % (i, (i * 3) % nloc, (i * 3 + 1) % nloc))
    for i in range(n):
        g = (i // 16) % ns
        p = g * group + i % group
        q = g * group + (i * 5 + 3) % group
        v = (i * 13 + 5) % nloc
        k = i % 10
        if k == 0:
            w("  p%d = &v%d;\n" % (p, v))
        elif k == 1:
            w("  p%d = p%d;\n" % (p, q))
        elif k == 2:
            w("  s%d.a = p%d;\n" % (g, p))
        elif k == 3:
            w("  p%d = keep_first (p%d, s%d.a);\n" % (p, q, g))
        elif k == 4:
            w("  *p%d += %d;\n" % (p, i))
        elif k == 5:
            w("  store (&s%d, p%d);\n" % (g, p))
        elif k == 6:
            w("  acc += *p%d;\n" % q)
        elif k == 7:
            w("  p%d = s%d.b;\n" % (p, g))
        elif k == 8:
            if i % 200 == 8:
                w("  sink (p%d);\n" % p)
            else:
                w("  acc ^= *p%d;\n" % p)
        else:
            if i % 100 == 9:
                w("  { char *m = malloc (32); memset (m, n, 32); "
                  "acc += m[n & 31]; free (m); }\n")
            else:
                w("  acc += p%d == p%d;\n" % (p, q))
    w("  return acc;\n}\n")
    path.write_text("".join(out))


# ---- Reports.

def median(xs):
    return statistics.median(xs)


def spread(xs):
    """(max - min) / median, in percent."""
    return (max(xs) - min(xs)) / median(xs) * 100 if len(xs) > 1 else 0.0


def fmt_passes(passes):
    return "  ".join("%s %.3f" % (k.replace("escape_", ""), passes.get(k, 0))
                     for k in PASSES if k in passes)


def sqlite_bench(lines, results):
    src = sqlite_source()
    log("SQLite: %s (%d lines), %d interleaved rounds of %s"
        % (src.relative_to(ROOT), sum(1 for _ in open(src, "rb")), RUNS,
           ", ".join(SQLITE_CONFIGS)))
    data = {c: [] for c in SQLITE_CONFIGS}
    for rnd in range(RUNS):
        order = list(SQLITE_CONFIGS)
        random.Random(rnd).shuffle(order)
        for c in order:
            r = compile_once(["-O2", "-c", src, "-o", BUILD / "sqlite3.o"]
                             + PLUGIN_ARGS[c], BUILD / ("sqlite-%s.txt" % c))
            data[c].append(r)
            log("  round %d %-8s cpu %6.2f s  wall %6.2f s  max RSS %7d KiB"
                "  notes %d  moved %d  %s" % ((rnd + 1, c) + r[:5]
                                               + (fmt_passes(r[5]),)))
    out = lines.append
    out("SQLite amalgamation (%d lines), gcc -O2 -c sqlite3.c, %d "
        "interleaved rounds" % (sum(1 for _ in open(src, "rb")), RUNS))
    out("")
    out("%-9s %8s %7s %8s %7s %10s %7s %6s %5s | %9s %9s %9s" % (
        "config", "cpu s", "ratio", "wall s", "ratio", "maxRSS KiB",
        "ratio", "notes", "moved", "analysis", "printing", "own"))
    base_t = median([r[0] for r in data["base"]])
    base_w = median([r[1] for r in data["base"]])
    base_m = median([r[2] for r in data["base"]])
    share = {}
    for c in SQLITE_CONFIGS:
        t = median([r[0] for r in data[c]])
        wl = median([r[1] for r in data[c]])
        m = median([r[2] for r in data[c]])
        row = "%-9s %8.2f %7.3f %8.2f %7.3f %10d %7.3f %6d %5d" % (
            c, t, t / base_t, wl, wl / base_w, m, m / base_m,
            data[c][0][3], data[c][0][4])
        if c != "base":
            passes = {k: median([r[5].get(k, 0) for r in data[c]])
                      for k in PASSES}
            analysis = sum(passes[k] for k in ANALYSIS)
            printing = passes["finish"]
            share[c] = (analysis / base_t, printing / base_t)
            row += " | %8.2f%% %8.2f%% %8.2f%%   %s" % (
                analysis / base_t * 100, printing / base_t * 100,
                (analysis + printing) / base_t * 100, fmt_passes(passes))
        out(row)
        results["sqlite"][c] = {"cpu": [r[0] for r in data[c]],
                                "wall": [r[1] for r in data[c]],
                                "maxrss_kib": [r[2] for r in data[c]],
                                "notes": data[c][0][3],
                                "moved": data[c][0][4],
                                "passes": [r[5] for r in data[c]]}
    out("")
    out("cpu: user + system seconds of gcc and its children, median; "
        "maxRSS: of the largest process (cc1), median.")
    out("analysis: CPU time inside the plugin's passes (extract, report, "
        "stackify with the TODOs it asks of GCC); printing: from the end")
    out("of the unit to the end of cc1, where GCC prints the held notes; "
        "own: both; in percent of base cpu, measured in cc1 by")
    out("bench/pass-timer.cc (per pass seconds at the end of the row).")
    out("Run-to-run spread (max - min) / median of the cpu times: "
        + ", ".join("%s %.1f%%" % (c, spread([r[0] for r in data[c]]))
                    for c in SQLITE_CONFIGS)
        + "; of the max RSS: "
        + ", ".join("%s %.2f%%" % (c, spread([r[2] for r in data[c]]))
                    for c in SQLITE_CONFIGS))
    m_sk = max(median([r[2] for r in data[c]]) for c in
               ("report", "stackify")) / base_m - 1

    def verdict(x):
        return "met" if x < 0.02 else "MISSED"
    an = max(share["report"][0], share["stackify"][0])
    out("Targets: extra time under 2%%: the plugin's analysis %.2f%% (%s); "
        "with GCC printing the %d notes: report %.2f%%, report+stackify "
        "%.2f%% (%s),"
        % (an * 100, verdict(an), data["report"][0][3],
           sum(share["report"]) * 100, sum(share["stackify"]) * 100,
           verdict(sum(share["stackify"]))))
    out("  without carets %.2f%% (%s); extra memory under 5%%: %+.1f%% (%s)."
        % (sum(share["no-caret"]) * 100, verdict(sum(share["no-caret"])),
           m_sk * 100, "met" if m_sk < 0.05 else "MISSED"))
    out("")


def scaling_runs(opt, n, config):
    if config == "analysis":
        return 1 if n >= 100000 else SCALING_RUNS.get(n, 3)
    if opt == "-O2" and n >= 100000:
        return 2
    return SCALING_RUNS.get(n, SCALING_RUNS_DEFAULT)


def scaling_configs(opt):
    """-O0 adds a run without carets, to show the printer's share; -O2 a
    run that decides but moves nothing."""
    return ["base", "stackify"] + (["no-caret"] if opt == "-O0"
                                   else ["analysis"])


def scaling_bench(lines, results):
    out = lines.append
    out("Scaling: one generated function of N statements; CPU seconds "
        "(medians); plugin = report + stackify")
    out("")
    head = ("%-4s %7s %4s %7s %7s %6s | %7s %7s %8s %7s %6s | %6s %8s %7s "
            "%6s | %8s %6s | %8s %6s")
    out(head % ("-O", "N", "runs", "base", "plugin", "diff", "extract",
                "report", "stackify", "analys", "ratio", "notes", "printing",
                "", "ratio", "no-caret", "", "frame0", ""))
    out(head % ("", "", "", "s", "s", "s", "ms", "ms", "ms", "us/stmt", "",
                "", "ms", "us/note", "", "us/note", "ratio", "us/stmt",
                "ratio"))
    for opt in ["-O0", "-O2"]:
        first = first_print = first_extra = None
        for n in SIZES:
            src = BUILD / ("gen%d.c" % n)
            if not src.exists():
                generate(n, src)
            configs = scaling_configs(opt)
            data = {c: [] for c in configs}
            rounds = max(scaling_runs(opt, n, c) for c in configs)
            for rnd in range(rounds):
                order = [c for c in configs
                         if rnd < scaling_runs(opt, n, c)]
                random.Random(rnd * 7 + n).shuffle(order)
                for c in order:
                    data[c].append(compile_once(
                        [opt, "-c", src, "-o", os.devnull] + PLUGIN_ARGS[c],
                        BUILD / ("gen-%s.txt" % c)))
            tb = median([r[0] for r in data["base"]])
            tp = median([r[0] for r in data["stackify"]])
            passes = {k: median([r[5].get(k, 0) for r in data["stackify"]])
                      for k in PASSES}
            analysis = sum(passes[k] for k in ANALYSIS)
            per = analysis / n * 1e6
            first = first or per
            notes = data["stackify"][0][3]
            per_note = passes["finish"] / max(notes, 1) * 1e6
            first_print = first_print or per_note
            # The third configuration: printing without carets (-O0) or
            # stackify deciding without moving (-O2), per note / statement.
            third = configs[2]
            if third == "no-caret":
                extra = median([r[5].get("finish", 0)
                                for r in data[third]]) / max(notes, 1) * 1e6
            else:
                extra = median([r[5].get("escape_stackify", 0)
                                for r in data[third]]) / n * 1e6
            first_extra = first_extra or extra
            extra_cells = "%8.3f %6.2f" % (extra, extra / first_extra)
            blank = "%8s %6s" % ("-", "")
            out("%-4s %7d %4d %7.3f %7.3f %6.3f | %7.2f %7.2f %8.2f %7.3f "
                "%6.2f | %6d %8.2f %7.2f %6.2f | %s | %s" % (
                    opt, n, len(data["stackify"]), tb, tp, tp - tb,
                    passes["escape_extract"] * 1e3,
                    passes["escape_report"] * 1e3,
                    passes["escape_stackify"] * 1e3, per, per / first,
                    notes, passes["finish"] * 1e3, per_note,
                    per_note / first_print,
                    extra_cells if third == "no-caret" else blank,
                    extra_cells if third == "analysis" else blank))
            log("  scaling %s %d: base %.3f s, plugin %.3f s, analysis "
                "%.3f s, printing %.3f s" % (opt, n, tb, tp, analysis,
                                             passes["finish"]))
            results["scaling"]["%s/%d" % (opt, n)] = {
                c: {"cpu": [r[0] for r in data[c]],
                    "maxrss_kib": [r[2] for r in data[c]],
                    "notes": data[c][0][3], "moved": data[c][0][4],
                    "passes": [r[5] for r in data[c]]} for c in data}
    out("")
    out("base, plugin: CPU seconds of the whole compile; diff: their "
        "difference (noisy: two medians of few runs).")
    out("extract, report, stackify: the plugin's CPU time per pass, "
        "measured in cc1 by bench/pass-timer.cc; stackify includes the")
    out("TODOs it asks of GCC after a change (SSA update, CFG cleanup, "
        "points-to recomputation).  analys: their sum per statement;")
    out("ratio: over the smallest N's (flat = 1).  printing: from the end "
        "of the unit to the end of cc1, where GCC prints the notes;")
    out("us/note: per note.  no-caret (-O0): printing per note with "
        "-fno-diagnostics-show-caret.  frame0 (-O2): the stackify pass")
    out("per statement with stackify-frame-max=0 (every decision made, "
        "nothing moved, nothing for GCC to recompute).")
    out("")


def main():
    if not PLUGIN.is_file():
        sys.exit("%s is missing: run make all" % PLUGIN)
    BUILD.mkdir(parents=True, exist_ok=True)
    build_timer()
    start = time.monotonic()
    lines = []
    results = {"sqlite": {}, "scaling": {}}
    if os.environ.get("BENCH_COMPILE_SKIP_SQLITE") != "1":
        sqlite_bench(lines, results)
    scaling_bench(lines, results)
    lines.append("wall time %.0f s" % (time.monotonic() - start))
    text = "\n".join(lines) + "\n"
    print("\n" + text, end="")
    (BUILD / "table.txt").write_text(text)
    (BUILD / "results.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
