"""The build-tool examples of docs/build-tools.md (docs/examples/), each
built in a temporary copy with the in-tree plugin: the exact notes, a
build that still works, a program that runs.  make, CMake, ccache and
-flto run by default (CMake and ccache when installed); Meson, autotools
and distcc with ESCAPE_BUILD_TOOLS=1, as "make check-build-tools" runs
them (build_tools.py).

Every build uses the compiler under test (conftest's CC, ESCAPE_CC) and
the plugin built for it: make gets CC=, CMake CMAKE_C_COMPILER, Meson and
configure CC, and distcc's server runs it."""

import os
import re
import shlex
import shutil

import pytest

from build_tools import (Distccd, check, example, malloc_calls, need,
                         notes_by_file, program_output, shared_dir, slow,
                         tool_env)
from conftest import CC, CXX, ROOT, build_plugin, plugin_flags, run

REPORT = ("report",)
STACKIFY = ("report", "stackify")
# make's and configure's CC= (the examples' makefiles use make's $(CC)).
CC_VAR = "CC=" + shlex.join(CC)


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
    out = check(["make", CC_VAR, "CFLAGS=" + cflags(plugin)], src)
    assert notes_by_file(out) == MAKE_NOTES
    assert program_output(src / "stats", src) == MAKE_OUTPUT


def test_make_stackify(plugin, tmp_path):
    src = example("make", tmp_path)
    out = check(["make", CC_VAR, "CFLAGS=" + cflags(plugin, STACKIFY)],
                src)
    assert notes_by_file(out) == with_note(
        MAKE_NOTES, "stats.c", 3, "allocation of 64 bytes moved to stack")
    assert malloc_calls(src / "stats") == 0
    assert program_output(src / "stats", src) == MAKE_OUTPUT


def test_make_specs(specs, tmp_path):
    src = example("make", tmp_path)
    out = check(["make", CC_VAR,
                 "CFLAGS=-O2 -specs=%s -fescape-report" % specs], src)
    assert notes_by_file(out) == MAKE_NOTES


def test_make_parallel_output_sync(plugin, tmp_path):
    # make -j -O (--output-sync) prints each compile's notes together.
    src = example("make", tmp_path)
    out = check(["make", "-j2", "-Otarget", CC_VAR,
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


def cmake_compiler():
    """CMake's options for CC: its compiler, and a launcher (ccache) that
    comes before it."""
    options = ["-DCMAKE_C_COMPILER=" + CC[-1]]
    if len(CC) > 1:
        options.append("-DCMAKE_C_COMPILER_LAUNCHER=" + ";".join(CC[:-1]))
    return options


def cmake_build(src, build, *options):
    """Configures SRC into BUILD with OPTIONS and builds it; returns the
    build's output."""
    build.mkdir()
    check(["cmake", *cmake_compiler(), *options, src], build)
    return check(["cmake", "--build", "."], build)


def cmake_checks(build):
    """The example's configure-check results: {HAVE_...: value}."""
    cache = (build / "CMakeCache.txt").read_text()
    return dict(re.findall(r"^(HAVE_\w+):INTERNAL=(.*)$", cache, re.M))


def cmake_configure_log(build):
    return "".join(p.read_text() for p in
                   sorted((build / "CMakeFiles").glob("CMake*.log"))
                   + sorted((build / "CMakeFiles").glob("CMake*.yaml")))


@slow
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


@slow
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
    """The fake plugin built for CC (in its object directory)."""
    fake = build_plugin().objdir / "harness" / "escape.so"
    rc, out, err = run(["make", "-C", ROOT, CC_VAR, "CXX=" + shlex.join(CXX),
                        fake.relative_to(ROOT)], env=tool_env())
    assert rc == 0, out + err
    return fake


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
        # The example's CC = ccache gcc, with CC's compiler for gcc.
        compiler = CC[1:] if os.path.basename(CC[0]) == "ccache" else CC
        self.cc = "CC=ccache " + shlex.join(compiler)

    def build(self, flags, extra_files=None):
        """A clean build with CFLAGS = -O2 FLAGS; returns (notes, hits,
        misses) of its compiles."""
        env = dict(self.env)
        if extra_files:
            env["CCACHE_EXTRAFILES"] = str(extra_files)
        check(["make", "clean"], self.src, env=env)
        check(["ccache", "-z"], self.src, env=env)
        out = check(["make", self.cc, "CFLAGS=-O2 " + flags], self.src,
                    env=env)
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


def by_default(forms, default="name"):
    """FORMS as parameters, all but DEFAULT marked slow: the default run
    takes one of each kind of test."""
    return [pytest.param(f, marks=() if f == default else slow)
            for f in forms]


@pytest.mark.parametrize("form", by_default(["name", "specs-path",
                                             "specs-name"]))
def test_ccache_plugin_not_hashed(plugin, fake_plugin, tmp_path, form):
    # The hazard docs/build-tools.md warns of: ccache does not see the
    # plugin behind these forms, and gives the old plugin's objects.
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS[form](cache)
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    cache.replace_plugin(fake_plugin)
    assert cache.build(flags) == (CCACHE_NOTES, 2, 0)


@pytest.mark.parametrize("form", by_default(sorted(CCACHE_FORMS)))
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


@pytest.mark.parametrize("form", by_default(sorted(CCACHE_ARGUMENT_CHANGES),
                                            "path"))
def test_ccache_plugin_argument_is_hashed(plugin, tmp_path, form):
    cache = Ccache(tmp_path, plugin)
    flags = CCACHE_FORMS[form](cache)
    old, new, notes = CCACHE_ARGUMENT_CHANGES[form]
    assert cache.build(flags) == (CCACHE_NOTES, 0, 2)
    assert cache.build(flags.replace(old, new)) == (notes, 0, 2)


# ---- -flto: the report at compile time, stackify at link time.

LTO_COMPILE_NOTES = {
    "main.c": [
        (11, 17, "allocation of 32 bytes escapes: passed to 'fill' "
         "(argument 1), which may keep it"),
        (24, 17, "allocation of 4000 bytes escapes: passed to 'fill' "
         "(argument 1), which may keep it"),
        (34, 24, "parameter 'argv' does not escape")],
    "fill.c": [(6, 12, "parameter 'values' does not escape"),
               (13, 19, "parameter 'values' does not escape")],
}
# lto1 inlined fill and total: the first allocation no longer escapes.
LTO_LINK_NOTES = {
    "main.c": [
        (11, 17, "allocation of 32 bytes moved to stack "
         "(at link time, seeing the whole program)"),
        (24, 17, "allocation of 4000 bytes does not escape; stays on heap: "
         "larger than stackify-max (256 bytes) "
         "(at link time, seeing the whole program)")],
}
LTO_OUTPUT = "36 500500\n"


def lto_build(src, compile_flags, link_flags, program="sums",
              output=LTO_OUTPUT):
    """Compiles an example (the -flto one by default) with COMPILE_FLAGS,
    links it with LINK_FLAGS; returns the notes of each step and the
    program's malloc calls."""
    objects = sorted(p.with_suffix(".o").name for p in src.glob("*.c"))
    compiled = check(["make", CC_VAR, "CFLAGS=" + compile_flags,
                      *objects], src)
    linked = check(["make", CC_VAR, "CFLAGS=" + link_flags], src)
    assert program_output(src / program, src) == output
    return notes_by_file(compiled), notes_by_file(linked), malloc_calls(
        src / program)


def test_lto_notes_at_compile_and_link_time(plugin, tmp_path):
    flags = cflags(plugin, STACKIFY, opt="-O2 -flto")
    assert lto_build(example("lto", tmp_path), flags, flags) == (
        LTO_COMPILE_NOTES, LTO_LINK_NOTES, 1)


def test_lto_without_plugin_at_link_time(plugin, tmp_path):
    # The objects hold GIMPLE; with no plugin in lto1 nothing is moved.
    flags = cflags(plugin, STACKIFY, opt="-O2 -flto")
    assert lto_build(example("lto", tmp_path), flags, "-O2 -flto") == (
        LTO_COMPILE_NOTES, {}, 2)


def test_lto_stackify_without_report_at_link_time(plugin, tmp_path):
    # At link time stackify moves, and says so only with the report on.
    assert lto_build(example("lto", tmp_path), "-O2 -flto",
                     cflags(plugin, ("stackify",), opt="-O2 -flto")) == (
        {}, {}, 1)


def test_lto_report_only_at_link_time(plugin, tmp_path):
    # The report is made when the unit is compiled: lto1 makes none.
    assert lto_build(example("lto", tmp_path), "-O2 -flto",
                     cflags(plugin, REPORT, opt="-O2 -flto")) == ({}, {}, 2)


def test_lto_specs_options_do_not_reach_lto1(specs, tmp_path):
    # lto-wrapper passes -specs= on to lto1's driver but drops the options
    # the specs file defines: link with -fplugin=... instead.
    flags = "-O2 -flto -specs=%s -fescape-report -fescape-stackify" % specs
    notes, link_notes, mallocs = lto_build(example("lto", tmp_path),
                                           flags, flags)
    assert (notes, link_notes, mallocs) == (LTO_COMPILE_NOTES, {}, 2)


def test_without_lto_nothing_is_moved(plugin, tmp_path):
    flags = cflags(plugin, STACKIFY)
    assert lto_build(example("lto", tmp_path), flags, flags) == (
        LTO_COMPILE_NOTES, {}, 2)


# ---- Meson (slow)

MESON_NOTES = {
    "tokens.c": [
        (8, 27, "parameter 'text' does not escape"),
        (21, 26, "parameter 'text' does not escape"),
        (23, 43, "address of '<compound literal>' does not escape"),
        (25, 10, "allocation of unknown size escapes: returned to caller")],
}
MESON_OUTPUT = "3 tokens, the first is alpha\n"
# The note of the example's cc.compiles test program.
MESON_CHECK_NOTE = CMAKE_CHECK_NOTE


def meson_build(src, build, *options):
    """Sets up SRC in BUILD with OPTIONS (CC as it is, not with the ccache
    Meson would put before a compiler it finds, and no colours) and builds
    it; returns the build's output."""
    env = tool_env(CC=shlex.join(CC))
    check(["meson", "setup", "-Db_colorout=never", *options, build, src],
          src, env=env)
    return check(["meson", "compile", "-C", build], src, env=env)


@slow
def test_meson_c_args(plugin, tmp_path):
    need("meson", "ninja")
    src = example("meson", tmp_path)
    out = meson_build(src, tmp_path / "with",
                      "-Dc_args=" + cflags(plugin, opt=""))
    assert notes_by_file(out) == MESON_NOTES
    assert program_output(tmp_path / "with" / "tokens", src) == MESON_OUTPUT
    # The compiler checks ran with the plugin and found the same.
    log = (tmp_path / "with" / "meson-logs" / "meson-log.txt").read_text()
    assert MESON_CHECK_NOTE in log
    meson_build(src, tmp_path / "without")
    config = (tmp_path / "with" / "config.h").read_text()
    assert config == (tmp_path / "without" / "config.h").read_text()
    for macro in ("HAVE_STDINT_H", "HAVE_STRNDUP", "HAVE_WVLA",
                  "HAVE_WORKING_STATIC_CALLS"):
        assert "#define %s\n" % macro in config


@slow
def test_meson_native_file(plugin, tmp_path):
    need("meson", "ninja")
    src = example("meson", tmp_path)
    native = tmp_path / "native.ini"
    ini = (src / "escape.ini").read_text()
    assert "'-fplugin=escape'" in ini
    native.write_text(ini.replace("'-fplugin=escape'",
                                  "'-fplugin=%s'" % plugin))
    out = meson_build(src, tmp_path / "build", "--native-file", native)
    assert notes_by_file(out) == MESON_NOTES


# ---- autotools (slow)

AUTOTOOLS_NOTES = {
    "main.c": [(9, 20, "address of 'h' escapes: passed to 'histogram_add' "
                "(argument 1), which may keep it")],
    "histogram.c": [
        (8, 34, "parameter 'h' does not escape"),
        (17, 40, "parameter 'h' does not escape"),
        (20, 15, "allocation of unknown size escapes: returned to caller")],
}
AUTOTOOLS_OUTPUT = " 0- 9 ####\n10-19 ##\n20-29 #\n30-39 #\n"


@pytest.fixture(scope="module")
def autotools_example(tmp_path_factory):
    """The autotools example with its configure script made."""
    need("autoreconf", "automake")
    src = example("autotools", tmp_path_factory.mktemp("autotools"))
    check(["autoreconf", "-i"], src)
    return src


def configure(src, build, *args):
    """Runs SRC/configure in BUILD with a cache file and CC; returns the
    cache's results, {variable: value}, without the environment's."""
    build.mkdir()
    check([src / "configure", "-C", CC_VAR, *args], build)
    cache = (build / "config.cache").read_text()
    # Its lines are "ac_cv_x=${ac_cv_x=VALUE}".
    return {k: v for k, v in re.findall(r"^(\w+)=\$\{\1=(.*)\}$", cache,
                                        re.M)
            if not k.startswith("ac_cv_env_")}


@slow
def test_autotools_configure_with_the_plugin(plugin, autotools_example,
                                             tmp_path):
    plain = configure(autotools_example, tmp_path / "plain")
    noted = configure(autotools_example, tmp_path / "noted",
                      "CFLAGS=" + cflags(plugin, opt="-g -O2"))
    # Every check finds the same, but the one after AC_LANG_WERROR, whose
    # test program's notes make it fail.
    assert plain.pop("example_cv_static_calls_quietly") == "yes"
    assert noted.pop("example_cv_static_calls_quietly") == "no"
    assert plain == noted
    assert plain["example_cv_static_calls"] == "yes"
    log = (tmp_path / "noted" / "config.log").read_text()
    assert CMAKE_CHECK_NOTE in log


@slow
def test_autotools_plugin_at_make_time(plugin, autotools_example, tmp_path):
    build = tmp_path / "build"
    configure(autotools_example, build)
    out = check(["make", "CFLAGS=" + cflags(plugin, opt="-g -O2")], build)
    assert notes_by_file(out) == AUTOTOOLS_NOTES
    assert "#define HAVE_QUIET_STATIC_CALLS 1" in (
        build / "config.h").read_text()
    assert program_output(build / "histogram", build) == AUTOTOOLS_OUTPUT


# ---- distcc (slow): a distccd on 127.0.0.1, run as the tests' user (as
# nobody when they run as root).

DISTCC_NOTES = {
    "main.c": [
        (7, 15, "address of 'third' escapes: stored in memory that escapes"),
        (8, 15, "address of 'second' escapes: stored in memory that "
         "escapes"),
        (9, 15, "address of 'first' escapes: passed to 'longest' "
         "(argument 1), which may keep it"),
        (10, 12, "address of 'length' escapes: passed to 'longest' "
         "(argument 2), which may keep it")],
    "lines.c": [
        (6, 33, "parameter 'first' does not escape"),
        (15, 29, "parameter 'first' leaks to return value"),
        (15, 46, "parameter 'length' does not escape")],
}
DISTCC_OUTPUT = "3 lines, the longest has 10 characters: the second\n"


def escape_gcc_wrapper(path):
    """docs/examples/distcc/escape-gcc at PATH, running CC instead of gcc
    (as a user of another GCC would edit it)."""
    text = (ROOT / "docs" / "examples" / "distcc" / "escape-gcc").read_text()
    assert "\nexec gcc " in text
    path.write_text(text.replace("\nexec gcc ",
                                 "\nexec %s " % shlex.quote(CC[0])))
    path.chmod(0o755)


@pytest.fixture(scope="module")
def distcc_server(plugin):
    """(distccd, the directory of the escape-gcc wrapper): the server runs
    the wrapper, and CC, with the plugin copied where it can read it."""
    need("distcc", "distccd")
    if len(CC) > 1:
        pytest.skip("distcc runs one compiler on the server, and CC is %s"
                    % shlex.join(CC))
    shared = shared_dir("escape-distcc.")
    try:
        shutil.copy(plugin, shared / "escape.so")
        (shared / "escape.so").chmod(0o644)
        wrapper = shared / "escape-gcc"
        escape_gcc_wrapper(wrapper)
        # CC and gcc, each also by the target's name: distcc's client
        # sends a generic name (gcc, cc) as x86_64-linux-gnu-gcc.
        cc = [shutil.which(p + c) for c in dict.fromkeys([CC[0], "gcc"])
              for p in ("", "x86_64-linux-gnu-")]
        server = Distccd([wrapper] + [c for c in cc if c], shared,
                         {"ESCAPE_PLUGIN": str(shared / "escape.so")})
        try:
            yield server, shared
        finally:
            server.stop()
    finally:
        shutil.rmtree(shared, ignore_errors=True)


@slow
def test_distcc_wrapper(distcc_server, tmp_path):
    server, shared = distcc_server
    src = example("distcc", tmp_path)
    log_before = len(server.log_text())
    env = server.client_env(
        tmp_path, PATH="%s:%s" % (shared, tool_env()["PATH"]),
        ESCAPE_PLUGIN=str(shared / "escape.so"))
    out = check(["make", "CFLAGS=-O2 -fplugin-arg-escape-report"], src,
                env=env)
    assert notes_by_file(out) == DISTCC_NOTES
    assert program_output(src / "lines", src) == DISTCC_OUTPUT
    # Both files were compiled by the server, through the wrapper.
    done = re.findall(r"COMPILE_OK .*escape-gcc (\S+)",
                      server.log_text()[log_before:])
    assert sorted(done) == ["lines.c", "main.c"]


@slow
def test_distcc_server_refuses_fplugin(plugin, distcc_server, tmp_path):
    server, shared = distcc_server
    src = example("distcc", tmp_path)
    cmd = ["distcc", *CC, "-O2", "-fplugin=%s" % (shared / "escape.so"),
           "-fplugin-arg-escape-report", "-c", "lines.c"]
    rc, out, err = run(cmd, cwd=src, env=server.client_env(tmp_path))
    assert rc != 0, err
    assert "-fplugin= and/or -specs= passed, which are insecure and not " \
        "supported" in server.log_text()
    # By default distcc then compiles here, with a warning.
    env = server.client_env(tmp_path)
    del env["DISTCC_FALLBACK"], env["DISTCC_SKIP_LOCAL_RETRY"]
    rc, out, err = run(cmd, cwd=src, env=env)
    assert rc == 0, err
    assert "running locally instead" in err
    assert notes_by_file(err) == {"lines.c": DISTCC_NOTES["lines.c"]}


@slow
def test_distcc_specs_compiles_locally(specs, distcc_server, tmp_path):
    server, _shared = distcc_server
    src = example("distcc", tmp_path)
    jobs = server.log_text().count("COMPILE_OK")
    rc, out, err = run(["distcc", *CC, "-O2", "-specs=%s" % specs,
                        "-fescape-report", "-c", "lines.c"], cwd=src,
                       env=server.client_env(tmp_path, DISTCC_VERBOSE="1"))
    assert rc == 0, err
    assert "must be local" in err
    assert notes_by_file(err) == {"lines.c": DISTCC_NOTES["lines.c"]}
    assert server.log_text().count("COMPILE_OK") == jobs


def test_lto_fat_objects(plugin, tmp_path):
    # With -ffat-lto-objects cc1 also compiles the usual way, stackify
    # included, and says so at compile time; a link with -flto uses the
    # GIMPLE, not that code, and stackify runs again there.
    flags = cflags(plugin, STACKIFY, opt="-O2 -flto -ffat-lto-objects")
    moved = (25, 17, "allocation of 64 bytes moved to stack")
    moved_at_link = moved[:2] + (moved[2] + " (at link time, seeing the "
                                 "whole program)",)
    src = example("make", tmp_path)
    assert lto_build(src, flags, flags, "stats", MAKE_OUTPUT) == (
        with_note(MAKE_NOTES, "stats.c", 3, moved[2]),
        {"stats.c": [moved_at_link]}, 0)
    # GCC 12 links LTO objects through lto1 even without -flto: only
    # -fno-lto links the fat code, where the allocation was moved.
    check(["make", "clean"], src)
    assert lto_build(src, flags, "-O2", "stats", MAKE_OUTPUT)[1:] == ({}, 1)
    (src / "stats").unlink()
    assert lto_build(src, flags, "-O2 -fno-lto", "stats",
                     MAKE_OUTPUT)[1:] == ({}, 0)


@slow
def test_distcc_server_without_the_plugin(distcc_server, tmp_path):
    # A server whose wrapper names a plugin it does not have: GCC's error
    # comes back, and by default distcc compiles again here.
    _server, shared = distcc_server
    missing = shared / "missing" / "escape.so"
    server = Distccd([shared / "escape-gcc"], shared,
                     {"ESCAPE_PLUGIN": str(missing)}, name="without")
    try:
        src = example("distcc", tmp_path)
        cmd = ["distcc", "escape-gcc", "-O2", "-fplugin-arg-escape-report",
               "-c", "lines.c"]
        env = server.client_env(
            tmp_path, PATH="%s:%s" % (shared, tool_env()["PATH"]),
            ESCAPE_PLUGIN=str(shared / "escape.so"))
        rc, out, err = run(cmd, cwd=src, env=env)
        assert rc != 0
        assert "cannot load plugin %s" % missing in err
        del env["DISTCC_FALLBACK"], env["DISTCC_SKIP_LOCAL_RETRY"]
        rc, out, err = run(cmd, cwd=src, env=env)
        assert rc == 0, err
        assert "retrying locally" in err
        assert notes_by_file(err) == {"lines.c": DISTCC_NOTES["lines.c"]}
    finally:
        server.stop()
