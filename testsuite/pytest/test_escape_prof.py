"""escape-prof (tools/escape-prof, libescape-prof.so) on a program of
ours with known heap calls per site (data/prof: three files and a shared
library, built -O2 -g), joined with the notes of its build in GCC's JSON:
each site's counts, call, place (an inlined helper's line, a shared
library's), verdict, reason and stackify outcome; a child process; the
same program built with stackify (the moved site is gone); without -g
(what to do); the library on threads and fork; usage errors;
escape-prof-lines against addr2line on builds of several kinds, on code
the linker dropped and on a malformed module.

The SQLite workload (test_sqlite.py's) under escape-prof is slow (it
builds SQLite twice) and runs only with ESCAPE_SLOW=1."""

import json
import os
import re
import shlex
import subprocess

import pytest

import sqlite_amalgamation
from conftest import CC, DATA, ENV, ROOT, plugin_flags, run, tail

PROG = DATA / "prof"
TOOL = ROOT / "tools" / "escape-prof"
LIBRARY = ROOT / "build" / "libescape-prof.so"
NOTE_ARGS = ("report", "stackify")


def check(cmd, cwd):
    rc, out, err = run(cmd, cwd=cwd)
    assert rc == 0, "%s failed (exit %d):\n%s" % (
        " ".join(map(str, cmd)), rc, tail(out + err))
    return out, err


@pytest.fixture(scope="module")
def library():
    """The preloaded library, and escape-prof-lines beside it."""
    check(["make", "-C", ROOT, "CC=" + shlex.join(CC),
           "build/libescape-prof.so", "build/escape-prof-lines"], ROOT)
    return LIBRARY


def build_program(top, name, cflags, plugin=None, ldflags=()):
    """data/prof built in TOP/NAME with CFLAGS (and LDFLAGS to link the
    program); given PLUGIN, with its report and stackify, the notes of
    each file in TOP/NAME/notes/*.json.  Returns the directory."""
    d = top / name
    (d / "notes").mkdir(parents=True)
    extra = plugin_flags(plugin, NOTE_ARGS) + [
        "-fdiagnostics-format=json"] if plugin else []
    for src in ("main.c", "nodes.c", "shape.c"):
        cmd = CC + cflags + extra + ["-fPIC", "-I", PROG, "-c",
                                     PROG / src, "-o", src + ".o"]
        _out, err = check(cmd, d)
        (d / "notes" / (src + ".json")).write_text(err)
    check(CC + ["-shared", "shape.c.o", "-o", "libshape.so"], d)
    check(CC + list(ldflags) + ["main.c.o", "nodes.c.o", "-L.", "-lshape",
                "-Wl,-rpath,$ORIGIN", "-o", "prog"], d)
    return d


@pytest.fixture(scope="module")
def builds(plugin, tmp_path_factory):
    top = tmp_path_factory.mktemp("prof")
    return {
        "plain": build_program(top, "plain", ["-O2", "-g"]),
        # the notes of the build, and the program stackify makes
        "stackify": build_program(top, "stackify", ["-O2", "-g"], plugin),
        "nodebug": build_program(top, "nodebug", ["-O2"]),
        # at its link-time addresses, where a position-independent one is
        # placed at 0
        "nopie": build_program(top, "nopie", ["-O2", "-g"],
                               ldflags=["-no-pie"]),
    }


def escape_prof(args, cwd, library=None, cache=""):
    """(returncode, stdout, stderr) of tools/escape-prof ARGS; CACHE is
    where it keeps the places found ("": nowhere, so that each test
    places its calls itself)."""
    env = dict(ENV, ESCAPE_PROF_LIB=str(library or LIBRARY),
               ESCAPE_PROF_CACHE=str(cache))
    return run([TOOL] + list(args), cwd=cwd, env=env)


def profile(builds, library, build="plain", program_args=(), notes=True,
            cache=""):
    """The JSON report of the program of BUILD, with all its sites."""
    out = builds[build] / "report.json"
    args = ["--json", "--top", "0", "-o", out]
    if notes:
        args += ["--notes", builds["stackify"] / "notes"]
    rc, stdout, stderr = escape_prof(
        args + ["--", "./prog"] + list(program_args), builds[build], library,
        cache)
    assert rc == 0, "escape-prof failed (exit %d):\n%s" % (rc, stderr)
    return json.loads(out.read_text()), stdout


def row(report, file, function):
    """The site of REPORT at FILE (base name) in FUNCTION."""
    found = [r for r in report["top"] if r["file"]
             and os.path.basename(r["file"]) == file
             and r["function"] == function]
    assert len(found) == 1, "no single site %s %s in:\n%s" % (
        file, function, json.dumps(report["top"], indent=1))
    return found[0]


def line_of(file, text):
    """The line number of the first line of data/prof/FILE holding
    TEXT."""
    for number, line in enumerate((PROG / file).read_text().splitlines(),
                                  1):
        if text in line:
            return number
    raise AssertionError("%r not in %s" % (text, file))


def test_site_counts_verdict_and_reason(builds, library):
    report, stdout = profile(builds, library)
    assert stdout.strip() == "594325"       # the program's own output
    scratch = row(report, "nodes.c", "scratch_sum")
    assert (scratch["calls"], scratch["bytes"], scratch["call"]) == \
        (100, 100 * 64, "malloc")
    assert scratch["line"] == line_of("nodes.c", "malloc (16 *")
    assert (scratch["verdict"], scratch["reason"], scratch["stackify"]) == \
        ("does-not-escape", None, "moved")
    assert scratch["summary"] == "does not escape: moved to stack"
    node = row(report, "nodes.c", "node_new")
    assert (node["calls"], node["bytes"]) == (40, 40 * 16)
    assert (node["verdict"], node["reason"], node["stackify"]) == \
        ("escapes", "returned to caller", "not moved")
    assert node["notes"] == ["allocation of 16 bytes escapes: returned "
                             "to caller"]


def test_places_are_kept_for_the_next_run(builds, library, tmp_path):
    """The places escape-prof-lines found are kept per binary: the next
    run of the same binary takes them from there (here, a function name
    written into the kept file shows it), a rebuilt one (another
    modification time) is placed anew."""
    cache = tmp_path / "cache"
    report, _ = profile(builds, library, cache=cache)
    assert row(report, "nodes.c", "scratch_sum")["calls"] == 100
    [kept] = [p for p in cache.iterdir() if p.name.startswith("prog-")]
    kept.write_text(kept.read_text().replace("scratch_sum", "kept_name"))
    report, _ = profile(builds, library, cache=cache)
    assert row(report, "nodes.c", "kept_name")["calls"] == 100
    program = builds["plain"] / "prog"
    st = program.stat()
    os.utime(program, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    report, _ = profile(builds, library, cache=cache)
    assert row(report, "nodes.c", "scratch_sum")["calls"] == 100
    assert len([p for p in cache.iterdir()
                if p.name.startswith("prog-")]) == 2


def test_inlined_call_is_at_its_own_line(builds, library):
    report, _ = profile(builds, library)
    inlined = row(report, "nodes.h", "copy_text")
    assert inlined["line"] == line_of("nodes.h", "malloc (length + 1)")
    assert inlined["inlined_into"] == "label_for"
    assert inlined["module"].endswith("/prog")
    assert (inlined["calls"], inlined["verdict"], inlined["reason"]) == \
        (25, "escapes", "returned to caller")


def test_program_not_position_independent(builds, library):
    report, _ = profile(builds, library, build="nopie")
    scratch = row(report, "nodes.c", "scratch_sum")
    assert (scratch["calls"], scratch["line"]) == \
        (100, line_of("nodes.c", "malloc (16 *"))
    inlined = row(report, "nodes.h", "copy_text")
    assert inlined["inlined_into"] == "label_for"


def lines_of(module, addresses):
    """(returncode, stdout, stderr) of escape-prof-lines MODULE given
    ADDRESSES (text)."""
    p = subprocess.run([ROOT / "build" / "escape-prof-lines", module],
                       input=addresses, capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def address_of(program, function):
    """The address of FUNCTION in PROGRAM's symbol table (nm)."""
    out, _ = check(["nm", program], program.parent)
    [address] = [l.split()[0] for l in out.splitlines()
                 if l.split()[-1] == function]
    return int(address, 16)


def test_lines_helper_answers_each_address(builds, library):
    """escape-prof-lines: one line per address as asked (a return address:
    the call is the byte before), with the symbol from the symbol table
    and the frames from the line information, none without it."""
    question = "%x\n1\n" % (address_of(builds["plain"] / "prog",
                                       "scratch_sum") + 1)
    rc, out, err = lines_of(builds["plain"] / "prog", question)
    assert rc == 0, err
    first, second = out.splitlines()
    fields = first.split("\t")
    assert fields[:3] == [question.split()[0], "scratch_sum", "scratch_sum"]
    assert fields[3].endswith("nodes.c") and len(fields) == 5
    assert second == "1\t-"
    question = "%x\n" % (address_of(builds["nodebug"] / "prog",
                                    "scratch_sum") + 1)
    rc, out, err = lines_of(builds["nodebug"] / "prog", question)
    assert (rc, out) == (0, "%s\tscratch_sum\n" % question.strip()), err


def call_returns(program):
    """The return address of every call in PROGRAM (objdump -d)."""
    out, _ = check(["objdump", "-d", "--no-show-raw-insn", program],
                   program.parent)
    lines = out.splitlines()
    found = set()
    for line, after in zip(lines, lines[1:]):
        following = re.match(r"\s*([0-9a-f]+):", after)
        if re.match(r"\s*[0-9a-f]+:\s+call", line) and following:
            found.add(int(following.group(1), 16))
    return sorted(found)


def addr2line_frames(program, returns):
    """{return address: [(function, file, line), ...]} as addr2line -i -f
    gives them, [] where it has no line."""
    p = subprocess.run(["addr2line", "-a", "-i", "-f", "-e", program],
                       input="".join("%x\n" % (a - 1) for a in returns),
                       capture_output=True, text=True, check=True)
    frames, current, lines = {}, None, p.stdout.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("0x"):
            current = int(lines[i], 16) + 1
            frames[current] = []
            i += 1
            continue
        function, place = lines[i], lines[i + 1]
        file, _, number = re.sub(r" \(discriminator \d+\)$", "",
                                 place).rpartition(":")
        frames[current].append((None if function == "??" else function,
                                file, int(number) if number.isdigit() else 0))
        i += 2
    return {a: f if all(x[1] != "??" and x[2] for x in f) else []
            for a, f in frames.items()}


@pytest.mark.parametrize("flags", [
    ["-O2", "-g"], ["-O2", "-gdwarf-4"], ["-O1", "-gdwarf-2"],
    ["-O0", "-g"], ["-O2", "-g1"],
    # compressed debug info: left to libbacktrace
    ["-O2", "-g", "-gz"],
], ids=lambda flags: "".join(flags))
def test_lines_helper_agrees_with_addr2line(library, tmp_path, flags):
    """Every call of data/prof, built in several ways, is placed as
    addr2line places it: the same frames, innermost first."""
    check(CC + flags + ["-I", PROG, PROG / "main.c", PROG / "nodes.c",
                        PROG / "shape.c", "-o", "prog"], tmp_path)
    program = tmp_path / "prog"
    returns = call_returns(program)
    assert len(returns) > 20
    expected = addr2line_frames(program, returns)
    rc, out, err = lines_of(program, "".join("%x\n" % a for a in returns))
    assert rc == 0, err
    got = {}
    for line in out.splitlines():
        fields = line.split("\t")
        got[int(fields[0], 16)] = [
            (None if fields[i] == "-" else fields[i], fields[i + 1],
             int(fields[i + 2])) for i in range(2, len(fields), 3)]
    assert got == expected
    assert any(len(f) > 1 for f in got.values())    # inlined calls


def test_lines_helper_skips_code_the_linker_dropped(library, tmp_path):
    """With --gc-sections, a dropped function's line table sequence and
    range start at address 0 and cover the first kept functions; they
    are not taken for them (addr2line is wrong here)."""
    body = "".join("  v += n * %d;\n" % i for i in range(3000))
    source = ("#include <stdlib.h>\nvolatile int v;\n"
              "int unused_big (int n)\n{\n%s  return v;\n}\n"
              "__attribute__ ((noinline)) void *\nused (int n)\n{\n"
              "  return malloc (n);\n}\n"
              "int\nmain (void)\n{\n  free (used (3));\n  return 0;\n}\n"
              % body)
    (tmp_path / "gc.c").write_text(source)
    malloc_line = source.splitlines().index("  return malloc (n);") + 1
    check(CC + ["-O1", "-g", "-ffunction-sections", "-Wl,--gc-sections",
                "gc.c", "-o", "gc"], tmp_path)
    program = tmp_path / "gc"
    returns = call_returns(program)
    rc, out, err = lines_of(program, "".join("%x\n" % a for a in returns))
    assert rc == 0, err
    in_used = [l.split("\t") for l in out.splitlines()
               if l.split("\t")[1] == "used"]
    assert in_used and all(f[2:] == ["used", str(tmp_path / "gc.c"),
                                     str(malloc_line)] for f in in_used)


def section(program, name):
    """(offset, size) of the section NAME of the 64-bit ELF PROGRAM."""
    import struct
    data = program.read_bytes()
    shoff, = struct.unpack_from("<Q", data, 0x28)
    entsize, count, names = struct.unpack_from("<HHH", data, 0x3a)
    headers = [struct.unpack_from("<IIQQQQ", data, shoff + i * entsize)
               for i in range(count)]
    strtab = headers[names][4]
    for sh_name, _type, _flags, _addr, offset, size in headers:
        end = data.index(b"\0", strtab + sh_name)
        if data[strtab + sh_name:end].decode() == name:
            return offset, size
    raise AssertionError("no %s in %s" % (name, program))


def test_lines_helper_survives_a_malformed_unit(builds, library, tmp_path):
    """A unit whose length is shorter than its own header (a malformed
    file): no crash, and an answer (from libbacktrace, which says what is
    wrong)."""
    program = tmp_path / "prog"
    data = bytearray((builds["plain"] / "prog").read_bytes())
    offset, _size = section(builds["plain"] / "prog", ".debug_info")
    data[offset:offset + 4] = (2).to_bytes(4, "little")
    program.write_bytes(bytes(data))
    rc, out, err = lines_of(program, "%x\n" % (
        address_of(builds["plain"] / "prog", "scratch_sum") + 1))
    assert rc == 0, err
    assert out.rstrip("\n").split("\t")[1] == "scratch_sum"


@pytest.mark.parametrize("module, question, message", [
    ("prog", "xyz\n", "not an address: xyz"),
    ("none", "1\n", "none: No such file or directory"),
])
def test_lines_helper_errors(builds, library, module, question, message):
    rc, _out, err = lines_of(builds["plain"] / module, question)
    assert rc == 2 and message in err


def test_shared_library_site(builds, library):
    report, _ = profile(builds, library)
    shape = row(report, "shape.c", "shape_new")
    assert shape["module"] == str(builds["plain"] / "libshape.so")
    assert (shape["calls"], shape["bytes"], shape["call"]) == \
        (15, 15 * 8, "calloc")
    assert (shape["verdict"], shape["reason"]) == \
        ("escapes", "returned to caller")


def test_child_process_is_counted(builds, library):
    report, _ = profile(builds, library, program_args=["child"])
    exes = sorted(p["exe"] for p in report["processes"])
    assert exes == [str(builds["plain"] / "prog")] * 2
    # 40 in the parent, 7 in the child it ran (fork, exec)
    assert row(report, "nodes.c", "node_new")["calls"] == 47
    assert row(report, "nodes.c", "scratch_sum")["calls"] == 100


def test_each_heap_function_is_named(builds, library):
    report, _ = profile(builds, library, program_args=["kinds"],
                        notes=False)
    calls = {(r["call"], r["line"]): r["bytes"] for r in report["top"]
             if r["function"] == "kinds"}
    expected = {
        ("calloc", "calloc (4,"): 32, ("realloc", "realloc (all,"): 64,
        ("strdup", "strdup ("): 7, ("strndup", "strndup ("): 4,
        ("aligned_alloc", "aligned_alloc ("): 128,
        ("posix_memalign", "posix_memalign ("): 96,
        ("reallocarray", "reallocarray ("): 40,
    }
    assert calls == {(call, line_of("nodes.c", text)): size
                     for (call, text), size in expected.items()}


def test_stackify_build_makes_no_call_at_the_moved_site(builds, library):
    report, stdout = profile(builds, library, build="stackify")
    assert stdout.strip() == "594325"
    functions = {r["function"] for r in report["top"]}
    assert "scratch_sum" not in functions
    assert row(report, "nodes.c", "node_new")["calls"] == 40


def test_text_report(builds, library):
    rc, out, err = escape_prof(
        ["--top", "3", "--notes", builds["stackify"] / "notes", "./prog"],
        builds["plain"])
    assert rc == 0, err
    lines = err.splitlines()
    assert re.match(r"escape-prof: \./prog: \d+ heap calls \(\d+ bytes\) "
                    r"at \d+ sites in 1 process, exit 0$", lines[0])
    assert lines[1].split() == ["CALLS", "SHARE", "BYTES", "CALL", "SITE",
                                "VERDICT"]
    assert lines[2].split()[:5] == ["100", lines[2].split()[1], "6400",
                                    "malloc", "nodes.c:%d" % line_of(
                                        "nodes.c", "malloc (16 *")]
    assert re.search(r" scratch_sum +does not escape: moved to stack$",
                     lines[2])
    assert "nodes.h:%d copy_text (inlined into label_for)" % line_of(
        "nodes.h", "malloc (length + 1)") in lines[4]
    total = int(lines[0].split()[2])
    summary = [l for l in lines if l.startswith("these ")]
    assert summary == [
        "these 3 sites make %.1f%% of the heap calls; 1 does not escape "
        "and moves with stackify; 2 escape: returned to caller"
        % (100.0 * 165 / total)]
    assert any(l.startswith("escape-prof: node_new returns what it "
                            "allocates") for l in lines)


def test_without_debug_info_says_build_with_g(builds, library):
    rc, out, err = escape_prof(["./prog"], builds["nodebug"])
    assert rc == 0, err
    prog = builds["nodebug"] / "prog"
    assert re.search(r"escape-prof: %s has no line information \(no debug "
                     r"info\) for \d+\.\d%% of the heap calls: build it "
                     r"with -g" % re.escape(str(prog)), err), err
    # the sites are still shown, by function
    assert re.search(r"^ +100 .* malloc +prog scratch_sum$", err, re.M), err


def test_exit_status_is_the_programs(builds, library):
    rc, _out, err = escape_prof(["--", "./prog", "exit", "3"],
                                builds["plain"])
    assert rc == 3
    assert "exit 3" in err.splitlines()[0]


def test_program_options_are_the_programs(builds, library):
    """After the program's name, "--" and options are its own."""
    rc, _out, err = escape_prof(["--top", "1", "./prog", "exit", "--top"],
                                builds["plain"])
    assert rc == 0, err     # atoi ("--top") is 0
    assert err.splitlines()[0].startswith(
        "escape-prof: ./prog exit --top: ")
    rc, _out, err = escape_prof(["./prog", "--", "exit"], builds["plain"])
    assert rc == 0 and "./prog -- exit" in err.splitlines()[0]


@pytest.mark.parametrize("args, message", [
    ([], "no program to run"),
    (["--top", "-1", "./prog"], "argument --top: must be 0 (all) or more"),
    (["--top", "x", "./prog"], "argument --top: invalid int value: 'x'"),
    (["--notes", "missing.json", "./prog"],
     "--notes missing.json: no such file or directory"),
    (["--", "./no-such-program"], "cannot run './no-such-program'"),
    (["--bogus", "./prog"], "unrecognized arguments: --bogus"),
    (["-o", "no/such/dir/r.txt", "./prog"],
     "-o no/such/dir/r.txt: No such file or directory"),
])
def test_usage_errors(builds, library, args, message):
    rc, out, err = escape_prof(args, builds["plain"])
    assert rc == 2
    assert message in err
    assert "Traceback" not in err


def test_missing_library_is_an_error(builds, tmp_path):
    rc, _out, err = escape_prof(["./prog"], builds["plain"],
                                library=tmp_path / "none.so")
    assert rc == 2
    assert "libescape-prof.so not found" in err and "make" in err


def test_installed(builds, library, tmp_path):
    """make install-tools's layout (DESTDIR, PREFIX): the script finds its
    modules and the library without the source tree."""
    check(["make", "-C", ROOT, "CC=" + shlex.join(CC), "install-tools",
           "DESTDIR=%s" % tmp_path, "PREFIX=/usr"], ROOT)
    installed = tmp_path / "usr" / "bin" / "escape-prof"
    assert (tmp_path / "usr/lib/escape/libescape-prof.so").is_file()
    env = dict(ENV, ESCAPE_PROF_CACHE="")
    env.pop("ESCAPE_PROF_LIB", None)
    rc, _out, err = run([installed, "--notes", builds["stackify"] / "notes",
                         "./prog"], cwd=builds["plain"], env=env)
    assert rc == 0, err
    assert re.search(r" scratch_sum +does not escape: moved to stack$", err,
                     re.M), err


def test_executable_without_pie(plugin, library, tmp_path):
    """A non-PIE executable's sites (their addresses are the module's own
    addresses, the load bias 0)."""
    (tmp_path / "t.c").write_text(
        "#include <stdlib.h>\n"
        "void *volatile keep;\n"
        "int main (void)\n"
        "{\n"
        "  for (int i = 0; i < 9; i++)\n"
        "    keep = malloc (5);\n"
        "  return 0;\n"
        "}\n")
    check(CC + ["-O2", "-g", "-no-pie", "-fno-pie", "t.c", "-o", "t"],
          tmp_path)
    rc, _out, err = escape_prof(["--json", "-o", "r.json", "./t"], tmp_path)
    assert rc == 0, err
    top = json.loads((tmp_path / "r.json").read_text())["top"][0]
    assert (top["calls"], top["line"], top["function"]) == (9, 6, "main")


# ---- the library alone ------------------------------------------------------

THREADS = r"""
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
void *volatile sink;
static void *work (void *arg)
{
  for (int i = 0; i < 20000; i++)
    {
      void *p = malloc (24);   /* THREAD SITE */
      sink = p;   /* each thread frees its own block: sink is shared */
      free (p);
    }
  return arg;
}
int main (void)
{
  pthread_t t[4];
  for (int i = 0; i < 4; i++)
    pthread_create (&t[i], 0, work, 0);
  for (int i = 0; i < 4; i++)
    pthread_join (t[i], 0);
  pid_t pid = fork ();
  if (pid == 0)
    {
      for (int i = 0; i < 5; i++)
        sink = calloc (3, 8);   /* CHILD SITE */
      exit (0);
    }
  waitpid (pid, 0, 0);
  return 0;
}
"""


def test_threads_and_fork(library, tmp_path):
    (tmp_path / "t.c").write_text(THREADS)
    check(CC + ["-O2", "-g", "-pthread", "t.c", "-o", "t"], tmp_path)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = dict(ENV, LD_PRELOAD=str(library), ESCAPE_PROF_DIR=str(out_dir))
    p = subprocess.run(["./t"], cwd=tmp_path, env=env)
    assert p.returncode == 0
    files = sorted(out_dir.iterdir())
    assert len(files) == 2, files
    sites = []
    for f in files:
        lines = f.read_text().splitlines()
        assert lines[0] == "escape-prof 1" and lines[3] == "lost\t0"
        sites.append(sorted(tuple(l.split("\t")[1:4]) for l in lines
                            if l.startswith("site\t")))
    # the parent: 4 threads x 20000 calls of one site, none lost; the
    # fork child: its own 5 calls only
    assert ("malloc", "80000", str(80000 * 24)) in sites[0] + sites[1]
    child = [s for s in sites if ("calloc", "5", "120") in s]
    assert child and all(k != "malloc" for k, _n, _b in child[0])


SITES = r"""
#include <stdlib.h>
void *volatile keep;
#define SITE(n) for (int i = 0; i < n; i++) keep = malloc (n);
int main (void)
{
  SITE (1) SITE (2) SITE (3) SITE (4) SITE (5) SITE (6)
  return 0;
}
"""


def test_full_table_counts_lost_calls(library, tmp_path):
    """With a table of 4 sites, the calls of the 5th and 6th sites (5 + 6)
    are lost, said so, and the first four are exact (one row: one line)."""
    small = tmp_path / "libescape-prof.so"
    hooks = ROOT / "tools" / "heapprof"
    check(CC + ["-O2", "-fPIC", "-shared", "-DHEAPPROF_SLOTS=4", "-o",
                small, hooks / "hooks.c", hooks / "profile.c", "-ldl"],
          tmp_path)
    (tmp_path / "t.c").write_text(SITES)
    check(CC + ["-O0", "-g", "t.c", "-o", "t"], tmp_path)
    rc, _out, err = escape_prof(["--json", "-o", "r.json", "./t"], tmp_path,
                                library=small)
    assert rc == 0, err
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["lost"] == 11
    assert [(r["calls"], r["bytes"], r["addresses"], r["line"])
            for r in report["top"]] == [(1 + 2 + 3 + 4, 1 + 4 + 9 + 16, 4, 7)]
    assert "11 heap calls at sites beyond the profile's table are not " \
        "shown" in report["warnings"]


# ---- SQLite (slow) ---------------------------------------------------------

FLAGS = ["-O2", "-g", "-DSQLITE_THREADSAFE=0", "-DSQLITE_OMIT_LOAD_EXTENSION"]


def sqlite_report(directory, program, notes):
    rc, _out, err = escape_prof(["--json", "--top", "0", "--notes", notes,
                                 "-o", program + ".json", "./" + program],
                                directory)
    assert rc == 0, err
    return json.loads((directory / (program + ".json")).read_text())


def query_n_buffers(report):
    return [(r["call"], r["calls"], r["stackify"]) for r in report["top"]
            if r["file"] and r["file"].endswith("/sqlite_workload.c")
            and r["function"] == "query_n"]


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ESCAPE_SLOW") != "1",
                    reason="slow (builds SQLite, about a minute): set "
                    "ESCAPE_SLOW=1 to run it")
def test_sqlite_workload(plugin, library, tmp_path):
    """SQLite built with stackify, the workload's driver with and
    without: the driver's two buffers are moved (its notes), so they are
    heap calls in the plain driver only."""
    try:
        src = sqlite_amalgamation.fetch(ROOT / "build" / "sqlite")
    except sqlite_amalgamation.Unavailable as e:
        pytest.skip(str(e))
    notes = tmp_path / "notes"
    notes.mkdir()
    stackify = plugin_flags(plugin, NOTE_ARGS) + ["-fdiagnostics-format=json"]
    for name, source, extra in (
            ("sqlite3", src / "sqlite3.c", stackify),
            ("workload", DATA / "sqlite_workload.c", ["-I", src] + stackify),
            ("plain", DATA / "sqlite_workload.c", ["-I", src])):
        _out, err = check(CC + FLAGS + extra + [
            "-c", source, "-o", name + ".o"], tmp_path)
        if name != "plain":
            (notes / (name + ".json")).write_text(err)
    for driver in ("workload", "plain"):
        check(CC + ["sqlite3.o", driver + ".o", "-o", driver, "-lm"],
              tmp_path)
    plain = sqlite_report(tmp_path, "plain", notes)
    top = plain["top"][0]
    # SQLite's allocations all go through sqlite3MemMalloc's malloc
    assert (top["function"], top["verdict"], top["reason"]) == \
        ("sqlite3MemMalloc", "escapes", "returned to caller")
    assert top["share"] > 0.8
    assert any("sqlite3MemMalloc returns what it allocates" in w
               for w in plain["warnings"])
    assert query_n_buffers(plain) == [("calloc", 90, "moved"),
                                      ("malloc", 1, "moved")]
    moved = sqlite_report(tmp_path, "workload", notes)
    assert query_n_buffers(moved) == []
    assert moved["calls"] == plain["calls"] - 91
