#!/usr/bin/python3
"""make check-packages: real Debian packages built with the plugin.

For each package (default: jq nasm libyaml cjson jansson bc, Debian
bookworm's versions):

  1. its source comes from the Debian archive through an apt configuration
     of our own (build/packages/apt/: a sources list with deb and deb-src
     lines, and its own package lists), so that the machine's apt setup is
     not touched; its build dependencies are installed with the same
     configuration (as root, or with sudo);
  2. it is built three times the Debian way, "dpkg-buildpackage -b -uc
     -us", from fresh copies of the source, its own test suite included:
        plain    as Debian builds it
        escape   with -fplugin=... report and stackify in DEB_CFLAGS_APPEND,
                 and the package's own allocators named as its user would
                 name them (ALLOCATORS: -fplugin-arg-escape-allocator=...)
        report   with the report only (its object files must be plain's)
     the plain and escape builds run with heap-counter.so preloaded, which
     counts the heap calls of the executables inside that build's tree;
  3. the notes of the escape build's log are sorted by site (file, line,
     column): sites, not escaping, moved, staying on the heap (by reason),
     escaping (by reason).

It prints a table per package and in total, with the heap calls of the
tests plain and with stackify, whether the tests passed both times, ICEs,
whether the flags reached the compiler, and whether report mode left the
object files as they were; the raw figures go to
build/packages/results.json, the table to build/packages/table.txt.

Usage: check_packages.py [--packages jq,bc] [--keep]
The plugin is copied into build/packages/ first: rebuilding it meanwhile
does not change a run.  Exit status 1 if a package fails a check.
"""

import argparse
import collections
import filecmp
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORK = ROOT / "build" / "packages"
APT = WORK / "apt"
MIRROR = os.environ.get("ESCAPE_DEBIAN_MIRROR", "http://deb.debian.org/debian")
SUITE = "bookworm"
PACKAGES = ["jq", "nasm", "libyaml", "cjson", "jansson", "bc"]
VARIANTS = ["plain", "escape", "report"]

# The allocators a user of each package would name: its wrappers of malloc
# that are exported from a shared library (so their bodies may be replaced
# at load time, and are not trusted as wrappers) or that free through a
# function of their own.  nasm declares its allocators with the malloc and
# alloc_size attributes but not their deallocator; cjson allocates through
# function pointers (hooks), which no name can reach.
ALLOCATORS = {
    "jq": "jv_mem_alloc:jv_mem_free,jv_mem_alloc_unguarded:jv_mem_free",
    "nasm": "nasm_malloc:nasm_free,nasm_zalloc:nasm_free,"
            "nasm_calloc:nasm_free",
    "libyaml": "yaml_malloc:yaml_free",
    "jansson": "jsonp_malloc:jsonp_free",
    "bc": "bc_malloc:free",
}
COUNTED = ["plain", "escape"]

NOTE_RE = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): "
                     r"note: (?P<msg>(?:allocation of|address of|parameter "
                     r"').*)$", re.MULTILINE)
ICE_RE = re.compile(r"internal compiler error|Please submit a full bug report")
STAYS_RE = re.compile(r"does not escape; stays on heap: (.*)$")
STACKIFY_RE = re.compile(r"moved to stack|stays on heap: ")
ESCAPES_RE = re.compile(r"escapes: (.*)$")


def log(msg):
    print(msg, flush=True)


def run(cmd, **kw):
    return subprocess.run([str(c) for c in cmd], **kw)


def build_counter(out, extra=()):
    """Builds heap-counter.so as OUT, with escape-prof's heap functions
    (tools/heapprof/hooks.c); returns gcc's CompletedProcess."""
    hooks = ROOT / "tools" / "heapprof"
    return run(["gcc", "-O2", "-Wall", "-Wextra", "-shared", "-fPIC"] +
               list(extra) + ["-I", hooks, HERE / "heap-counter.c",
                              hooks / "hooks.c", "-o", out, "-ldl"])


def as_root(cmd):
    return (["sudo"] if os.geteuid() != 0 else []) + cmd


# ---- Sources and build dependencies, through our own apt configuration.

def apt_options():
    return ["-o", "Dir::Etc::SourceList=%s" % (APT / "sources.list"),
            "-o", "Dir::Etc::SourceParts=/nonexistent",
            "-o", "Dir::State::Lists=%s" % (APT / "lists"),
            "-o", "Dir::Cache=%s" % (APT / "cache")]


def apt_update():
    (APT / "lists" / "partial").mkdir(parents=True, exist_ok=True)
    (APT / "cache" / "archives" / "partial").mkdir(parents=True,
                                                    exist_ok=True)
    (APT / "sources.list").write_text(
        "deb %s %s main\ndeb-src %s %s main\n" % (MIRROR, SUITE, MIRROR,
                                                  SUITE))
    stamp = APT / "updated"
    if stamp.exists() and time.time() - stamp.stat().st_mtime < 86400:
        return
    log("apt-get update (build/packages/apt, the machine's lists untouched)")
    p = run(as_root(["apt-get"] + apt_options() + ["update", "-qq"]))
    if p.returncode:
        sys.exit("apt-get update failed")
    stamp.touch()


def build_deps(packages):
    log("installing the build dependencies of %s" % " ".join(packages))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    p = run(as_root(["apt-get"] + apt_options()
                    + ["build-dep", "-y", "-qq"] + packages), env=env)
    if p.returncode:
        sys.exit("apt-get build-dep failed")


def fetch_source(package):
    """The extracted source tree of PACKAGE (fetched once)."""
    src = WORK / "src" / package
    trees = [d for d in src.glob("*") if d.is_dir()] if src.exists() else []
    if trees:
        return trees[0]
    src.mkdir(parents=True, exist_ok=True)
    p = run(["apt-get"] + apt_options() + ["source", "-qq", package],
            cwd=src)
    trees = [d for d in src.glob("*") if d.is_dir()]
    if p.returncode or len(trees) != 1:
        sys.exit("apt-get source %s failed" % package)
    return trees[0]


# ---- The builds.

def build(package, variant, source, plugin, counter):
    """Builds a fresh copy of SOURCE; returns (exit status, log text)."""
    top = WORK / package / variant
    if top.exists():
        shutil.rmtree(top)
    top.mkdir(parents=True)
    tree = top / source.name
    shutil.copytree(source, tree, symlinks=True)
    env = dict(os.environ, DEB_BUILD_OPTIONS="parallel=%d"
               % (os.cpu_count() or 2), LC_ALL="C.UTF-8")
    env.pop("DEB_CFLAGS_APPEND", None)
    named = ""
    if package in ALLOCATORS:
        named = " -fplugin-arg-escape-allocator=" + ALLOCATORS[package]
    flags = {"escape": "-fplugin=%s -fplugin-arg-escape-report "
                       "-fplugin-arg-escape-stackify%s" % (plugin, named),
             "report": "-fplugin=%s -fplugin-arg-escape-report" % plugin}
    if variant in flags:
        env["DEB_CFLAGS_APPEND"] = flags[variant]
    heap_file = top / "heap.txt"
    if variant in COUNTED:
        env.update(LD_PRELOAD=str(counter), ESCAPE_HEAP_ROOT=str(top) + "/",
                   ESCAPE_HEAP_FILE=str(heap_file))
    start = time.time()
    with open(top / "build.log", "w") as out:
        p = run(["dpkg-buildpackage", "-b", "-uc", "-us"], cwd=tree, env=env,
                stdout=out, stderr=subprocess.STDOUT)
    log("  %-8s %-7s exit %d in %.0f s" % (package, variant, p.returncode,
                                           time.time() - start))
    return p.returncode, (top / "build.log").read_text(errors="replace")


def heap_calls(package, variant):
    """Allocation and free calls of the build tree's programs."""
    allocs = frees = processes = 0
    path = WORK / package / variant / "heap.txt"
    if path.exists():
        for line in path.read_text().splitlines():
            parts = line.rsplit("\t", 2)
            if len(parts) == 3:
                allocs += int(parts[1])
                frees += int(parts[2])
                processes += 1
    return {"allocs": allocs, "frees": frees, "processes": processes}


# ---- The notes.

# GCC's inlining context of the notes after it: "In function 'w'," then
# "    inlined from 'f' at FILE:LINE:COL," (the first: where w was inlined).
CONTEXT_RE = re.compile(r"^(?:.*: )?In function .*[:,]$")
INLINED_RE = re.compile(r"^\s+inlined from [\u2018'][^\u2019']*[\u2019'] at "
                        r"(?P<file>[^:]+):(?P<line>\d+):\d+[:,]$")


def allocation_notes(notes):
    """(site, message) of each allocation note of a build log: a
    stackify note about an inlined copy of an allocator wrapper belongs to
    the call of the wrapper where it was inlined, where the report put the
    wrapper's allocation note (the note's own place is the wrapper's
    malloc, whose out-of-line body returns it)."""
    found, inlined_at = [], None
    for line in notes.splitlines():
        if CONTEXT_RE.match(line):
            inlined_at = None
            continue
        m = INLINED_RE.match(line)
        if m:
            if inlined_at is None:
                inlined_at = (m.group("file"), m.group("line"))
            continue
        m = NOTE_RE.match(line)
        if m and m.group("msg").startswith("allocation of"):
            found.append(((m.group("file"), m.group("line"), m.group("col")),
                          inlined_at, m.group("msg")))
    report_lines = {}
    for (file, line, col), inlined, msg in found:
        if inlined is None and not STACKIFY_RE.search(msg):
            report_lines.setdefault((file, line), (file, line, col))
    for place, inlined, msg in found:
        if inlined and STACKIFY_RE.search(msg) and inlined in report_lines:
            place = report_lines[inlined]
        yield "%s:%s:%s" % place, msg


def classify(notes):
    """Allocation sites by verdict, from the notes of one build log."""
    by_site = collections.OrderedDict()
    for site, msg in allocation_notes(notes):
        by_site.setdefault(site, []).append(msg)
    sites = {}
    for site, msgs in by_site.items():
        stays = [STAYS_RE.search(m) for m in msgs]
        escapes = [ESCAPES_RE.search(m) for m in msgs]
        if any("moved to stack" in m and "grows a block" not in m
               for m in msgs):
            sites[site] = ("moved", None)
        elif any("grows a block moved to stack" in m for m in msgs):
            sites[site] = ("grows-moved", None)
        elif any(stays):
            sites[site] = ("stays", next(s.group(1) for s in stays if s))
        elif any(m.endswith("does not escape") for m in msgs):
            sites[site] = ("not-judged", None)
        else:
            sites[site] = ("escapes", next((e.group(1) for e in escapes if e),
                                           "?"))
    return sites


def summary(sites):
    kinds = collections.Counter(kind for kind, _ in sites.values())
    stays = collections.Counter(r for k, r in sites.values() if k == "stays")
    escapes = collections.Counter(r for k, r in sites.values()
                                  if k == "escapes")
    not_escaping = len(sites) - kinds["escapes"]
    return {"sites": len(sites), "not_escaping": not_escaping,
            "moved": kinds["moved"], "grows_moved": kinds["grows-moved"],
            "not_judged": kinds["not-judged"], "stays": dict(stays),
            "escapes": dict(escapes)}


# ---- Report mode must not change the object files.

def objects(tree):
    return {p.relative_to(tree): p for p in tree.rglob("*.o")}


def disassembly(path):
    p = run(["objdump", "-d", "--no-show-raw-insn", path],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    return "\n".join(p.stdout.splitlines()[2:])


def compare_objects(package):
    plain = objects(WORK / package / "plain")
    report = objects(WORK / package / "report")
    common = sorted(set(plain) & set(report))
    differ = [str(rel) for rel in common
              if not filecmp.cmp(plain[rel], report[rel], shallow=False)
              and disassembly(plain[rel]) != disassembly(report[rel])]
    return {"compared": len(common), "code_differs": differ}


# ---- One package.

def check_package(package, plugin, counter):
    source = fetch_source(package)
    result = {"package": package, "version": source.name}
    logs = {}
    for variant in VARIANTS:
        rc, text = build(package, variant, source, plugin, counter)
        logs[variant] = text
        result["exit_" + variant] = rc
    escape_log = logs["escape"]
    result["flags_reached"] = ("-fplugin=" in escape_log
                               or bool(NOTE_RE.search(escape_log)))
    result["ices"] = sum(len(ICE_RE.findall(logs[v])) for v in VARIANTS)
    result["notes"] = summary(classify(escape_log))
    result["heap"] = {v: heap_calls(package, v) for v in COUNTED}
    result["objects"] = compare_objects(package)
    result["tests_pass_both"] = (result["exit_plain"] == 0
                                 and result["exit_escape"] == 0)
    return result


def failures(r):
    out = []
    if not r["tests_pass_both"]:
        out.append("build or tests failed (plain %d, escape %d)"
                   % (r["exit_plain"], r["exit_escape"]))
    if r["exit_report"]:
        out.append("report build failed (%d)" % r["exit_report"])
    if r["ices"]:
        out.append("%d ICE" % r["ices"])
    if not r["flags_reached"]:
        out.append("DEB_CFLAGS_APPEND did not reach the compiler")
    if r["objects"]["code_differs"]:
        out.append("report mode changed %d object files"
                   % len(r["objects"]["code_differs"]))
    return out


# ---- The table.

def table(results):
    lines = []
    head = ("%-9s %6s %8s %6s %6s %8s %12s %12s %8s %6s %4s %8s"
            % ("package", "sites", "not-esc", "moved", "stays", "escapes",
               "heap plain", "heap stackify", "change", "tests", "ICE",
               "objects"))
    lines += [head, "-" * len(head)]
    total = collections.Counter()
    for r in results:
        n, h = r["notes"], r["heap"]
        before, after = h["plain"]["allocs"], h["escape"]["allocs"]
        change = "%+.1f%%" % ((after - before) * 100.0 / before) if before \
            else "-"
        stays = sum(n["stays"].values())
        escapes = sum(n["escapes"].values())
        lines.append("%-9s %6d %8d %6d %6d %8d %12d %12d %8s %6s %4d %8s"
                     % (r["package"], n["sites"], n["not_escaping"],
                        n["moved"], stays, escapes, before, after, change,
                        "pass" if r["tests_pass_both"] else "FAIL",
                        r["ices"], "same" if not r["objects"]["code_differs"]
                        else "DIFFER"))
        total.update({"sites": n["sites"], "not_escaping": n["not_escaping"],
                      "moved": n["moved"], "stays": stays,
                      "escapes": escapes, "before": before, "after": after,
                      "ices": r["ices"]})
    lines.append("-" * len(head))
    change = ("%+.1f%%" % ((total["after"] - total["before"]) * 100.0
                           / total["before"]) if total["before"] else "-")
    lines.append("%-9s %6d %8d %6d %6d %8d %12d %12d %8s %6s %4d"
                 % ("total", total["sites"], total["not_escaping"],
                    total["moved"], total["stays"], total["escapes"],
                    total["before"], total["after"], change, "", total["ices"]))
    judged = total["moved"] + total["stays"]
    lines.append("")
    lines.append("moved: %d of %d sites that do not escape and that stackify "
                 "judged (%.0f%%); not-esc also counts realloc calls of moved "
                 "blocks and sites the pass never saw (inlined away)"
                 % (total["moved"], judged,
                    total["moved"] * 100.0 / judged if judged else 0))
    for key, title in (("stays", "stays on heap"), ("escapes", "escapes")):
        reasons = collections.Counter()
        for r in results:
            reasons.update(r["notes"][key])
        lines.append("")
        lines.append("%s, by reason:" % title)
        for reason, count in reasons.most_common():
            lines.append("  %5d  %s" % (count, reason))
    for r in results:
        for problem in failures(r):
            lines.append("%s: %s" % (r["package"], problem))
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--packages", default=",".join(PACKAGES))
    ap.add_argument("--keep", action="store_true",
                    help="keep the build trees (default: removed after)")
    args = ap.parse_args()
    packages = [p for p in args.packages.split(",") if p]
    WORK.mkdir(parents=True, exist_ok=True)
    plugin = WORK / "escape.so"
    shutil.copy(ROOT / "plugin" / "escape.so", plugin)
    counter = WORK / "heap-counter.so"
    if build_counter(counter).returncode:
        sys.exit("cannot build heap-counter.so")
    apt_update()
    build_deps(packages)
    results = []
    for package in packages:
        log("%s:" % package)
        results.append(check_package(package, plugin, counter))
        if not args.keep:
            for variant in VARIANTS:
                tree = WORK / package / variant
                for d in tree.iterdir():
                    if d.is_dir():
                        shutil.rmtree(d)
    (WORK / "results.json").write_text(json.dumps(results, indent=1))
    text = table(results)
    (WORK / "table.txt").write_text(text + "\n")
    log(text)
    return 1 if any(failures(r) for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
