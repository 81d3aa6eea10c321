"""The build-tool examples of docs/build-tools.md (docs/examples/), each
built in a temporary copy with the in-tree plugin: the exact notes, a
build that still works, a program that runs.  make, CMake, ccache and
-flto run by default (CMake and ccache when installed); Meson, autotools
and distcc with ESCAPE_BUILD_TOOLS=1, as "make check-build-tools" runs
them (build_tools.py)."""

import re
import shutil

import pytest

from build_tools import (Distccd, check, example, malloc_calls, need,
                         notes_by_file, program_output, shared_dir, slow,
                         tool_env)
from conftest import ROOT, plugin_flags, run

REPORT = ("report",)
STACKIFY = ("report", "stackify")


def cflags(plugin, args=REPORT, opt="-O2"):
    """A CFLAGS value that loads PLUGIN with ARGS."""
    return " ".join([opt] + plugin_flags(plugin, args))


# ---- make

MAKE_NOTES = {
    "main.c": [
        (7, 7, "address of 'samples' escapes: passed to 'compute' "
         "(argument 1), which may keep it"),
        (8, 16, "address of 's' escapes: passed to 'compute' (argument 3), "
         "which may keep it")],
    "stats.c": [
        (6, 21, "parameter 'values' does not escape"),
        (6, 50, "parameter 'out' does not escape"),
        (21, 20, "parameter 'values' does not escape"),
        (25, 17, "allocation of 64 bytes does not escape")],
}
MAKE_OUTPUT = "min 1 max 5 median 3\n"


def with_note(notes, file, index, message):
    """NOTES with the message of NOTES[FILE][INDEX] replaced."""
    changed = {f: list(n) for f, n in notes.items()}
    line, col, _old = changed[file][index]
    changed[file][index] = (line, col, message)
    return changed


def test_make_report(plugin, tmp_path):
    src = example("make", tmp_path)
    out = check(["make", "CC=gcc", "CFLAGS=" + cflags(plugin)], src)
    assert notes_by_file(out) == MAKE_NOTES
    assert program_output(src / "stats", src) == MAKE_OUTPUT


def test_make_stackify(plugin, tmp_path):
    src = example("make", tmp_path)
    out = check(["make", "CC=gcc", "CFLAGS=" + cflags(plugin, STACKIFY)],
                src)
    assert notes_by_file(out) == with_note(
        MAKE_NOTES, "stats.c", 3, "allocation of 64 bytes moved to stack")
    assert malloc_calls(src / "stats") == 0
    assert program_output(src / "stats", src) == MAKE_OUTPUT


def test_make_specs(specs, tmp_path):
    src = example("make", tmp_path)
    out = check(["make", "CC=gcc",
                 "CFLAGS=-O2 -specs=%s -fescape-report" % specs], src)
    assert notes_by_file(out) == MAKE_NOTES


def test_make_parallel_output_sync(plugin, tmp_path):
    # make -j -O (--output-sync) prints each compile's notes together.
    src = example("make", tmp_path)
    out = check(["make", "-j2", "-Otarget", "CC=gcc",
                 "CFLAGS=" + cflags(plugin)], src)
    files = [line.split(":", 1)[0] for line in out.splitlines()
             if ": note: " in line]
    blocks = [f for i, f in enumerate(files) if i == 0 or files[i - 1] != f]
    assert sorted(blocks) == ["main.c", "stats.c"], out
    assert notes_by_file(out) == MAKE_NOTES


# ---- CMake

CMAKE_NOTES = {
    "main.c": [(8, 15, "address of 'r' escapes: passed to 'ring_init' "
                "(argument 1), which may keep it")],
    "ring.c": [
        (7, 25, "parameter 'r' does not escape"),
        (10, 14, "allocation of unknown size escapes: stored through "
         "parameter 'r'"),
        (20, 25, "parameter 'r' does not escape"),
        (30, 30, "parameter 'r' does not escape")],
}
CMAKE_OUTPUT = "sum of the last 4: 18\n"
# The note of the example's check_c_source_compiles test program.
CMAKE_CHECK_NOTE = ("note: address of 'x' escapes: passed to 'keep' "
                    "(argument 1), which keeps it")


def cmake_build(src, build, *options):
    """Configures SRC into BUILD with OPTIONS and builds it; returns the
    build's output."""
    build.mkdir()
    check(["cmake", "-DCMAKE_C_COMPILER=gcc", *options, src], build)
    return check(["cmake", "--build", "."], build)


def cmake_checks(build):
    """The example's configure-check results: {HAVE_...: value}."""
    cache = (build / "CMakeCache.txt").read_text()
    return dict(re.findall(r"^(HAVE_\w+):INTERNAL=(.*)$", cache, re.M))


def cmake_configure_log(build):
    return "".join(p.read_text() for p in
                   sorted((build / "CMakeFiles").glob("CMake*.log")))


def test_cmake_c_flags_reach_the_checks(plugin, tmp_path):
    need("cmake")
    src = example("cmake", tmp_path)
    out = cmake_build(src, tmp_path / "with",
                      "-DCMAKE_C_FLAGS=" + cflags(plugin, opt=""))
    assert notes_by_file(out) == CMAKE_NOTES
    assert program_output(tmp_path / "with" / "ring", src) == CMAKE_OUTPUT
    # The checks ran with the plugin (their notes are in CMake's log) and
    # found what they find without it.
    assert CMAKE_CHECK_NOTE in cmake_configure_log(tmp_path / "with")
    cmake_build(src, tmp_path / "without")
    assert cmake_checks(tmp_path / "with") == cmake_checks(
        tmp_path / "without") == {
            "HAVE_STDINT_H": "1", "HAVE_REALLOCARRAY": "1",
            "HAVE_WVLA": "1", "HAVE_WORKING_STATIC_CALLS": "1"}
    # So did the compiler's identification and ABI detection.
    compiler = "CMakeFiles/%s/CMakeCCompiler.cmake"
    version = next((tmp_path / "with" / "CMakeFiles").glob("3.*")).name
    assert (tmp_path / "with" / (compiler % version)).read_text() == (
        tmp_path / "without" / (compiler % version)).read_text()


def test_cmake_add_compile_options(plugin, tmp_path):
    need("cmake")
    src = example("cmake", tmp_path)
    build = tmp_path / "build"
    out = cmake_build(src, build, "-DESCAPE_OPTIONS="
                      + ";".join(plugin_flags(plugin, REPORT)))
    assert notes_by_file(out) == CMAKE_NOTES
    # Only the targets get the plugin, not the configure checks.
    assert "note:" not in cmake_configure_log(build)
    assert program_output(build / "ring", src) == CMAKE_OUTPUT


# ---- ccache

CCACHE_NOTES = {
    "main.c": [
        (7, 14, "address of 'a' escapes: passed to 'dot' (argument 1), "
         "which may keep it"),
        (7, 28, "address of 'b' escapes: passed to 'scale' (argument 1), "
         "which may keep it")],
    "vec.c": [
        (7, 24, "parameter 'a' does not escape"),
        (7, 45, "parameter 'b' does not escape"),
        (13, 20, "parameter 'v' escapes: stored in global 'last_scaled'")],
}
# The notes of testsuite/harness/fake-plugin.cc, "another build of the
# plugin" here: it says that every address-taken local does not escape.
FAKE_NOTES = {"main.c": [(7, 14, "address of 'a' does not escape"),
                         (7, 28, "address of 'b' does not escape")]}


@pytest.fixture(scope="module")
def fake_plugin():
    rc, out, err = run(["make", "-C", ROOT, "build/harness/escape.so"],
                       env=tool_env())
    assert rc == 0, out + err
    return ROOT / "build" / "harness" / "escape.so"


class Ccache:
    """The ccache example in TMP/ccache, built through a cache of its own
    (TMP/cache, no configuration file) with the plugin files in TMP/lib."""

    def __init__(self, tmp, plugin):
        need("ccache")
        self.src = example("ccache", tmp)
        self.lib = tmp / "lib"
        self.lib.mkdir()
        self.plugin = self.lib / "escape.so"
        shutil.copy(plugin, self.plugin)
        self.specs = self.lib / "escape.specs"
        template = ROOT / "plugin" / "escape.specs.in"
        self.specs.write_text(
            template.read_text().replace("@PLUGIN@", str(self.plugin)))
        (tmp / "ccache.conf").write_text("")
        self.env = tool_env(CCACHE_DIR=str(tmp / "cache"),
                            CCACHE_CONFIGPATH=str(tmp / "ccache.conf"))

    def build(self, flags, extra_files=None):
        """A clean build with CFLAGS = -O2 FLAGS; returns (notes, hits,
        misses) of its compiles."""
        env = dict(self.env)
        if extra_files:
            env["CCACHE_EXTRAFILES"] = str(extra_files)
        check(["make", "clean"], self.src, env=env)
        check(["ccache", "-z"], self.src, env=env)
        out = check(["make", "CFLAGS=-O2 " + flags], self.src, env=env)
        stats = dict(line.split("\t") for line in check(
            ["ccache", "--print-stats"], self.src, env=env).splitlines())
        hits = int(stats["direct_cache_hit"]) + int(
            stats["preprocessed_cache_hit"])
        return notes_by_file(out), hits, int(stats["cache_miss"])

    def replace_plugin(self, other):
        """Another build of the plugin at the same path (another size and
        time, as after a rebuild or a package upgrade)."""
        shutil.copy(other, self.plugin)


# How each form names the plugin: by path, by name in the plugin
# directory (-iplugindir= stands for GCC's own), through a specs file
# given by path, and one found by name (-B stands for GCC's directory).
CCACHE_FORMS = {
    "path": lambda c: "-fplugin=%s -fplugin-arg-escape-report" % c.plugin,
    "name": lambda c: "-iplugindir=%s -fplugin=escape "
                      "-fplugin-arg-escape-report" % c.lib,
    "specs-path": lambda c: "-specs=%s -fescape-report" % c.specs,
    "specs-name": lambda c: "-B%s -specs=escape.specs -fescape-report"
                            % c.lib,
}


def test_ccache_replays_the_notes(plugin, tmp_path):
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS["path"](cache)
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    assert cache.build(flags) == (CCACHE_NOTES, 2, 0)
    assert program_output(cache.src / "vec", cache.src) == "22\n"


def test_ccache_plugin_by_path_is_hashed(plugin, fake_plugin, tmp_path):
    # ccache hashes a -fplugin=PATH file (its size and time).
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS["path"](cache)
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    cache.replace_plugin(fake_plugin)
    assert cache.build(flags) == (FAKE_NOTES, 0, 2)


@pytest.mark.parametrize("form", ["name", "specs-path", "specs-name"])
def test_ccache_plugin_not_hashed(plugin, fake_plugin, tmp_path, form):
    # The hazard docs/build-tools.md warns of: ccache does not see the
    # plugin behind these forms, and gives the old plugin's objects.
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS[form](cache)
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    cache.replace_plugin(fake_plugin)
    assert cache.build(flags) == (CCACHE_NOTES, 2, 0)


@pytest.mark.parametrize("form", sorted(CCACHE_FORMS))
def test_ccache_extra_files_to_hash(plugin, fake_plugin, tmp_path, form):
    # The safe setup: extra_files_to_hash names the plugin file.
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS[form](cache)
    assert cache.build(flags, cache.plugin) == (CCACHE_NOTES, 0, 2)
    assert cache.build(flags, cache.plugin) == (CCACHE_NOTES, 2, 0)
    cache.replace_plugin(fake_plugin)
    assert cache.build(flags, cache.plugin) == (FAKE_NOTES, 0, 2)


# A changed plugin argument is a changed compiler argument: a miss.  Only
# report=escapes changes the notes (the example has no allocation).
ESCAPES_ONLY = {"main.c": CCACHE_NOTES["main.c"],
                "vec.c": CCACHE_NOTES["vec.c"][2:]}
CCACHE_ARGUMENT_CHANGES = {
    "path": ("-fplugin-arg-escape-report",
             "-fplugin-arg-escape-report=escapes", ESCAPES_ONLY),
    "specs-path": ("-fescape-report", "-fescape-report -fescape-stackify",
                   CCACHE_NOTES),
}


@pytest.mark.parametrize("form", sorted(CCACHE_ARGUMENT_CHANGES))
def test_ccache_plugin_argument_is_hashed(plugin, tmp_path, form):
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS[form](cache)
    old, new, notes = CCACHE_ARGUMENT_CHANGES[form]
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    assert cache.build(flags.replace(old, new)) == (notes, 0, 2)
