#!/usr/bin/python3
"""Run-time cost of escape-prof ("make bench-prof").

The SQLite workload (testsuite/pytest/data/sqlite_workload.c on the
amalgamation test_sqlite.py uses, cached in build/sqlite), built -O2 -g
without the plugin, at two sizes: as the test runs it, and with its three
large tables 8 times larger (-DWORKLOAD_SCALE=8).  Each is run ROUNDS
times in three ways, interleaved (plain, preload, command, plain, ...):

  plain     the program alone
  preload   the program with libescape-prof.so preloaded and writing its
            profile: what profiling costs the program while it runs
  first     tools/escape-prof -- PROGRAM, the binary profiled for the first
            time: the same, plus reading the profile, placing the calls in
            the source with escape-prof-lines and the report (a fixed cost)
  command   the same, the binary profiled before: its calls' places are
            kept (tools/escape_prof_sites.py, cache_dir): no lookup

Time is the CPU time (user + system) of the process tree, from wait4's
rusage, so that waiting for a core on a shared machine does not count;
wall time is shown too.  Ratios are medians over the plain run's median.
The target: escape-prof costs less than 2x the program's run time.

Environment: BENCH_PROF_ROUNDS (default 5), BENCH_PROF_SCALES (default
"1,8").  Output: the table, also in build/bench-prof/table.txt.
"""

import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "testsuite" / "pytest"))
import sqlite_amalgamation  # noqa: E402  (the SQLite test's fetcher)

BUILD = ROOT / "build" / "bench-prof"
WORKLOAD = ROOT / "testsuite" / "pytest" / "data" / "sqlite_workload.c"
LIBRARY = ROOT / "build" / "libescape-prof.so"
TOOL = ROOT / "tools" / "escape-prof"
FLAGS = ["-O2", "-g", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION"]
WAYS = ("plain", "preload", "first", "command")


def log(msg):
    print(msg, flush=True)


def compile_once(source, obj, extra):
    """Compiles SOURCE into OBJ unless OBJ is newer than it."""
    if obj.is_file() and obj.stat().st_mtime > source.stat().st_mtime:
        return
    log("compiling %s" % source.name)
    p = subprocess.run(["gcc"] + FLAGS + extra +
                       ["-c", str(source), "-o", str(obj) + ".tmp"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("could not compile %s:\n%s" % (source, p.stderr[-3000:]))
    os.replace(str(obj) + ".tmp", obj)


def build(scale):
    """The workload at SCALE, built once."""
    try:
        src = sqlite_amalgamation.fetch(ROOT / "build" / "sqlite")
    except (sqlite_amalgamation.Unavailable,
            sqlite_amalgamation.Broken) as e:
        sys.exit(str(e))
    BUILD.mkdir(parents=True, exist_ok=True)
    compile_once(src / "sqlite3.c", BUILD / "sqlite3.o", [])
    driver = BUILD / ("workload-%d.o" % scale)
    compile_once(WORKLOAD, driver,
                 ["-I", str(src), "-DWORKLOAD_SCALE=%d" % scale])
    exe = BUILD / ("workload-%d" % scale)
    p = subprocess.run(["gcc", str(BUILD / "sqlite3.o"), str(driver), "-o",
                        str(exe), "-lm"], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit("could not link %s:\n%s" % (exe, p.stderr))
    return exe


def run_once(way, exe, profile_dir, kept_dir):
    """(cpu seconds, wall seconds) of one run of EXE in WAY; KEPT_DIR holds
    the places escape-prof found before."""
    env = dict(os.environ)
    cmd = [str(exe)]
    if way == "preload":
        env.update(LD_PRELOAD=str(LIBRARY), ESCAPE_PROF_DIR=profile_dir)
    elif way in ("first", "command"):
        cmd = [str(TOOL), "-o", os.devnull, "--"] + cmd
        # "first": a directory of kept places that is always empty.
        env["ESCAPE_PROF_CACHE"] = (kept_dir if way == "command"
                                    else os.path.join(profile_dir, "none"))
    start = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, cwd=BUILD,
                            stdout=subprocess.DEVNULL)
    _pid, status, ru = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit("%s run of %s failed (wait status %d)" % (way, exe, status))
    shutil.rmtree(profile_dir)              # a fresh directory each run
    os.mkdir(profile_dir)
    return ru.ru_utime + ru.ru_stime, wall


def measure(exe, rounds):
    """{way: ([cpu], [wall])}, the ways interleaved in each round."""
    times = {way: ([], []) for way in WAYS}
    with tempfile.TemporaryDirectory(prefix="bench-prof.") as top:
        profile_dir = os.path.join(top, "profile")
        kept_dir = os.path.join(top, "kept")
        os.mkdir(profile_dir)
        run_once("command", exe, profile_dir, kept_dir)   # keeps the places
        for _ in range(rounds):
            for way in WAYS:
                cpu, wall = run_once(way, exe, profile_dir, kept_dir)
                times[way][0].append(cpu)
                times[way][1].append(wall)
    return times


def table(results):
    lines = ["%-7s %-8s %9s %7s %9s %7s" % ("scale", "way", "cpu s",
                                          "ratio", "wall s", "ratio")]
    for scale, times in results:
        base_cpu = statistics.median(times["plain"][0])
        base_wall = statistics.median(times["plain"][1])
        for way in WAYS:
            cpu = statistics.median(times[way][0])
            wall = statistics.median(times[way][1])
            lines.append("%-7d %-8s %9.3f %6.2fx %9.3f %6.2fx" % (
                scale, way, cpu, cpu / base_cpu, wall, wall / base_wall))
    return "\n".join(lines)


def main():
    rounds = int(os.environ.get("BENCH_PROF_ROUNDS", "5"))
    scales = [int(s) for s in
              os.environ.get("BENCH_PROF_SCALES", "1,8").split(",")]
    if not LIBRARY.is_file():
        sys.exit("%s is missing: run make first" % LIBRARY)
    results = []
    for scale in scales:
        exe = build(scale)
        log("running %s, %d rounds" % (exe.name, rounds))
        results.append((scale, measure(exe, rounds)))
    text = table(results)
    log("\nescape-prof on the SQLite workload (medians of %d rounds; "
        "ratio: over plain)\n%s" % (rounds, text))
    (BUILD / "table.txt").write_text(text + "\n")


if __name__ == "__main__":
    main()
