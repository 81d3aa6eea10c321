"""The Debian package (debian/): built, checked, installed, used, removed.

The slow tests (make check-debian, which sets ESCAPE_DEBIAN=1; root) build
the binary packages with dpkg-buildpackage in a copy of the tree, so that
the work tree stays as it is, run lintian on them (no error), install them
with apt-get, compile a file from a temporary directory with
-fplugin=escape and with -specs=escape.specs through each compiler a
package was built for, purge them and check that their files are gone.
They skip where a package of ours is already installed (the test would
remove it), and put back a plugin that "make install" left at the same
paths.

The quick tests (make check) check debian/control against the convention
debian/rules relies on (one gcc-N-plugin-escape per compiler), that the
man page documents every argument the plugin accepts, and that the
package's version is the plugin's."""

import email.parser
import os
import pathlib
import re
import shutil
import subprocess

import pytest

from conftest import ENV, ROOT, parse_notes, run, tail

DEBIAN = ROOT / "debian"
MAN_PAGE = ROOT / "docs" / "escape.7"
PER_COMPILER_RE = re.compile(r"^gcc-(\d+)-plugin-escape$")

needs_debian = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("ESCAPE_DEBIAN") != "1",
        reason="builds, installs and removes the Debian package (root, a "
        "few minutes): run it with 'make check-debian'"),
]


def apply_marks(marks):
    def decorate(fn):
        for mark in marks:
            fn = mark(fn)
        return fn
    return decorate


# ---- debian/control and the man page (quick).

def control_paragraphs():
    """debian/control as a list of dicts (deb822; comments dropped)."""
    text = "".join(line for line in DEBIAN.joinpath("control")
                   .read_text().splitlines(keepends=True)
                   if not line.startswith("#"))
    return [dict(email.parser.Parser().parsestr(p.strip() + "\n"))
            for p in re.split(r"\n\s*\n", text) if p.strip()]


def relation_names(field):
    """The package names of a relation field (versions, arch lists and
    alternatives' bars dropped)."""
    return {re.split(r"[\s(\[:]", alt.strip())[0]
            for rel in field.split(",") if rel.strip()
            for alt in rel.split("|")}


def compilers_packaged():
    """{N: paragraph} for each gcc-N-plugin-escape of debian/control."""
    found = {}
    for para in control_paragraphs()[1:]:
        m = PER_COMPILER_RE.match(para["Package"])
        if m:
            found[m.group(1)] = para
    return found


def test_control_has_a_package_per_compiler_with_its_build_depends():
    source = control_paragraphs()[0]
    build_depends = relation_names(source["Build-Depends"])
    versions = compilers_packaged()
    assert versions, "no gcc-N-plugin-escape package in debian/control"
    for v, para in versions.items():
        needed = {"gcc-%s" % v, "g++-%s" % v, "gcc-%s-plugin-dev" % v}
        assert needed <= build_depends, (v, needed - build_depends)
        assert para["Architecture"] == "any"
        depends = " ".join(para["Depends"].split())
        # cc1 is in cpp-N, the driver in gcc-N: both the very version built
        # with (debian/rules sets gcc:Version per package).
        for compiler_package in ("gcc-%s" % v, "cpp-%s" % v):
            assert "%s (= ${gcc:Version})" % compiler_package in depends, \
                depends


def plugin_arguments():
    """The arguments plugin/escape-options.cc lists as valid, e.g.
    ['report', 'report=all', ..., 'allocator=ALLOC:DEALLOC']."""
    source = (ROOT / "plugin" / "escape-options.cc").read_text()
    m = re.search(r"valid_arguments\[\]\s*=\s*((?:\s*\"[^\"]*\")+)\s*;",
                  source)
    assert m, "no valid_arguments in plugin/escape-options.cc"
    text = "".join(re.findall(r"\"([^\"]*)\"", m.group(1)))
    return re.findall(r"'([^']+)'", text)


def specs_options():
    """The driver options plugin/escape.specs.in defines: ['-fescape-...']."""
    text = (ROOT / "plugin" / "escape.specs.in").read_text()
    return sorted(set("-" + o for o in re.findall(r"%<(fescape-[a-z-]+)",
                                                  text)))


def man_section(title):
    """The text of the man page's section TITLE, roff escapes of hyphens
    and fonts undone."""
    text = MAN_PAGE.read_text()
    text = re.sub(r"\\f[BIRP]", "", text).replace("\\-", "-")
    m = re.search(r"^\.SH \"?%s\"?\n(.*?)(?=^\.SH |\Z)" % re.escape(title),
                  text, re.M | re.S)
    assert m, "no section %s in %s" % (title, MAN_PAGE)
    return m.group(1)


def man_items(section):
    """The tags of a section's .TP items (the line after each .TP)."""
    return re.findall(r"^\.TP\n(.*)$", section, re.M)


def test_man_page_documents_every_plugin_argument():
    items = man_items(man_section("OPTIONS"))
    arguments = plugin_arguments()
    assert len(arguments) >= 8, arguments
    for arg in arguments:
        # 'report=all' is an item as it is; 'stackify-max=N' is one as
        # -fplugin-arg-escape-stackify-max=N, N in italics; 'report' alone
        # must be one, not only the start of 'report=escapes'.
        key, _eq, value = arg.partition("=")
        flag = "-fplugin-arg-escape-" + key
        if value and not value.isupper():
            pattern = re.escape(flag + "=" + value) + r"(?![\w-])"
        elif value:
            pattern = re.escape(flag + "=")
        else:
            pattern = re.escape(flag) + r"(?![\w=-])"
        assert any(re.search(pattern, item) for item in items), \
            "%s is not an item of the man page's OPTIONS" % arg


def test_man_page_documents_the_specs_options():
    section = man_section("SPECS FILE DRIVER OPTIONS")
    options = specs_options()
    assert options == ["-fescape-report", "-fescape-stackify"]
    for option in options:
        assert re.search(r"^\.B %s$" % re.escape(option), section, re.M), \
            option


def test_man_page_renders_without_warnings(tmp_path):
    if not shutil.which("man"):
        pytest.skip("no man (package man-db)")
    # What lintian runs on a man page.
    env = dict(ENV, LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
    rc, out, err = run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8",
                        "-Z", MAN_PAGE], env=env, cwd=tmp_path)
    assert rc == 0 and err == "", err
    assert "escape" in out


def test_package_version_is_the_plugins():
    first = DEBIAN.joinpath("changelog").read_text().splitlines()[0]
    m = re.match(r"^(\S+) \(([^)]+)\) ", first)
    assert m, first
    assert m.group(1) == control_paragraphs()[0]["Source"]
    package_version = m.group(2)
    header = (ROOT / "plugin" / "escape-gcc.h").read_text()
    m = re.search(r'^#define ESCAPE_PLUGIN_VERSION "([^"]+)"$', header, re.M)
    assert m, "no ESCAPE_PLUGIN_VERSION in escape-gcc.h"
    assert package_version == m.group(1)
    assert '"escape %s"' % package_version in MAN_PAGE.read_text()


# ---- The package built, installed, used and removed (slow).

def copy_tree(dest):
    """The work tree's files (tracked, and new ones not ignored) into
    DEST, as git sees them; without git, everything but build products."""
    dest.mkdir()
    p = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached",
                        "--others", "--exclude-standard"],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if p.returncode != 0:
        shutil.copytree(ROOT, dest, dirs_exist_ok=True, symlinks=True,
                        ignore=shutil.ignore_patterns(
                            ".git", "build", "__pycache__", "*.so",
                            "escape.specs", ".pytest_cache"))
        return
    for name in p.stdout.decode().split("\0"):
        source = ROOT / name
        if name and source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Builds the binary packages in a copy of the tree; returns
    {'dir': where the .debs are, 'debs': {package: path}, 'log': ...}."""
    if shutil.which("dpkg-buildpackage") is None or \
            shutil.which("dh") is None or shutil.which("lintian") is None:
        pytest.skip("needs dpkg-dev, debhelper and lintian: run "
                    "'make check-debian', which installs them")
    top = tmp_path_factory.mktemp("deb")
    src = top / "src"
    copy_tree(src)
    rc, out, err = run(["dpkg-buildpackage", "-b", "-uc", "-us", "-J2"],
                       cwd=src, timeout=1800)
    log = out + err
    (top / "build.log").write_text(log)
    assert rc == 0, "dpkg-buildpackage failed:\n" + tail(log, 40)
    debs = {}
    for deb in top.glob("*.deb"):
        package = deb.name.split("_")[0]
        if not package.endswith("-dbgsym"):
            debs[package] = deb
    return {"dir": top, "debs": debs, "log": log}


def deb_field(deb, field):
    rc, out, err = run(["dpkg-deb", "-f", deb, field])
    assert rc == 0, err
    return out.strip()


def deb_files(deb):
    """The regular files a .deb installs, as absolute paths."""
    rc, out, err = run(["dpkg-deb", "-c", deb])
    assert rc == 0, err
    return [pathlib.Path(line.split()[-1][1:]) for line in out.splitlines()
            if line.startswith("-")]


def installed_version(package):
    """The installed version of PACKAGE, or None."""
    rc, out, _err = run(["dpkg-query", "-W", "-f=${db:Status-Status} "
                         "${Version}", package])
    status, _sp, version = out.partition(" ")
    return version if rc == 0 and status == "installed" else None


def plugin_dir(version):
    rc, out, err = run(["gcc-%s" % version, "-print-file-name=plugin"])
    assert rc == 0, err
    return pathlib.Path(out.strip())


@apply_marks(needs_debian)
def test_packages_built_and_tests_run(built):
    names = set(built["debs"])
    assert "gcc-plugin-escape-common" in names, names
    assert {"gcc-%s-plugin-escape" % v for v in compilers_packaged()} \
        <= names, names
    if "nocheck" not in os.environ.get("DEB_BUILD_OPTIONS", ""):
        # debian/rules ran the unit tests and loaded the plugin.
        assert re.search(r"^\S*/core-test$", built["log"], re.M)
        assert "demo.log" in built["log"]


@apply_marks(needs_debian)
def test_lintian_no_errors(built):
    changes = list(built["dir"].glob("*.changes"))
    assert len(changes) == 1, changes
    rc, out, err = run(["lintian", "--fail-on", "error", "--display-info",
                        changes[0]], timeout=600)
    tags = [l for l in out.splitlines() if re.match(r"^[EWIPX]: ", l)]
    assert rc == 0 and not [t for t in tags if t.startswith("E: ")], \
        out + err
    # What lintian says, in the test log.
    print("\n".join(tags))


@apply_marks(needs_debian)
def test_package_contents_and_depends(built):
    for v in compilers_packaged():
        deb = built["debs"]["gcc-%s-plugin-escape" % v]
        plugins = plugin_dir(v)
        files = deb_files(deb)
        assert plugins / "escape.so" in files, files
        assert plugins.parent / "escape.specs" in files, files
        # The plugin's own version of the compiler, exactly.
        gcc_version = installed_version("gcc-%s-plugin-dev" % v)
        depends = deb_field(deb, "Depends")
        for compiler_package in ("gcc-%s" % v, "cpp-%s" % v):
            assert "%s (= %s)" % (compiler_package, gcc_version) in depends
    common = deb_files(built["debs"]["gcc-plugin-escape-common"])
    assert pathlib.Path("/usr/share/man/man7/escape.7.gz") in common, common
    assert pathlib.Path("/usr/include/escape.h") in common, common


# A file whose notes are known: compiled from its own directory.
USE_SOURCE = """\
#include <stdlib.h>
int *keep;
int get (int *p) { return *p; }
void publish (void) { static int x; int y = 0; keep = &y; (void) x; }
int scratch (void)
{
  int *q = malloc (16);
  int r = get (q);
  free (q);
  return r;
}
"""
# A mark of the installed escape.h that fails with the plugin loaded (an
# error) and means nothing without it (not even a warning).
MARKED_SOURCE = """\
#include <escape.h>
void keep (int *);
void publish (void) { int y ESCAPE_ASSERT_NOESCAPE = 0; keep (&y); }
"""
MARKED_ERROR = ("marked.c:3:27: error: address of 'y' escapes: passed to "
                "'keep' (argument 1), which may keep it (marked "
                "escape_assert_noescape)")
USE_NOTES = [
    (3, 15, "parameter 'p' does not escape"),
    (4, 41, "address of 'y' escapes: stored in global 'keep'"),
    (7, 12, "allocation of 16 bytes does not escape"),
]


def drivers(version):
    """gcc-N, and gcc when it is gcc-N."""
    rc, out, _err = run(["gcc", "-dumpversion"])
    default = out.strip().split(".")[0] if rc == 0 else None
    return ["gcc-%s" % version] + (["gcc"] if default == version else [])


def check_installed_plugin(driver, cwd):
    """Both forms work from CWD with the installed plugin and specs."""
    compile = ["-O2", "-c", "use.c", "-o", "use.o"]
    rc, _out, direct = run([driver, "-fplugin=escape",
                            "-fplugin-arg-escape-report"] + compile, cwd=cwd)
    assert rc == 0, direct
    assert parse_notes(direct) == USE_NOTES, direct
    rc, _out, specs = run([driver, "-specs=escape.specs", "-fescape-report"]
                          + compile, cwd=cwd)
    assert rc == 0, specs
    assert specs == direct
    rc, _out, moved = run([driver, "-specs=escape.specs", "-fescape-report",
                           "-fescape-stackify"] + compile, cwd=cwd)
    assert rc == 0, moved
    assert (7, 12, "allocation of 16 bytes moved to stack") in \
        parse_notes(moved, plugin_only=False), moved
    marked = ["-c", "marked.c", "-o", "marked.o"]
    rc, _out, err = run([driver, "-fplugin=escape"] + marked, cwd=cwd)
    assert rc != 0 and MARKED_ERROR in err.splitlines(), err
    rc, _out, err = run([driver, "-Wall", "-Wattributes", "-Werror"] + marked,
                        cwd=cwd)
    assert rc == 0 and err == "", err


def apt_get(*args):
    env = dict(ENV, DEBIAN_FRONTEND="noninteractive")
    rc, out, err = run(["apt-get", "-y", "-q", "-o",
                        "DPkg::Lock::Timeout=600"] + list(args), env=env,
                       timeout=1200)
    return rc, out + err


def refuse_if_installed(packages):
    for package in packages:
        if installed_version(package):
            pytest.skip("%s is installed on this machine: this test would "
                        "replace it and then remove it; remove it first "
                        "(apt-get remove %s)" % (package, " ".join(packages)))


def back_up_unowned(paths, backup_dir):
    """Files at PATHS that no package owns ("make install" left them):
    {path: copy}.  dpkg overwrites such files, and the package's removal
    deletes them; restore() puts them back."""
    saved = {}
    for path in paths:
        if not path.exists():
            continue
        rc, out, _err = run(["dpkg-query", "-S", path])
        if rc == 0:
            pytest.skip("%s belongs to %s; this test would replace it"
                        % (path, out.split(":")[0]))
        copy = backup_dir / ("%d-%s" % (len(saved), path.name))
        shutil.copy2(path, copy)
        saved[path] = copy
    return saved


def restore(saved):
    for path, copy in saved.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(copy, path)


@apply_marks(needs_debian)
def test_install_use_and_remove(built, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("installing a package needs root")
    packages = sorted(built["debs"])
    refuse_if_installed(packages)
    files = [f for deb in built["debs"].values() for f in deb_files(deb)]
    backup = tmp_path / "backup"
    backup.mkdir()
    saved = back_up_unowned(files, backup)
    work = tmp_path / "work"
    work.mkdir()
    (work / "use.c").write_text(USE_SOURCE)
    (work / "marked.c").write_text(MARKED_SOURCE)
    try:
        rc, log = apt_get("install", "--no-install-recommends",
                          *[str(built["debs"][p]) for p in packages])
        assert rc == 0, log
        for v in compilers_packaged():
            for driver in drivers(v):
                check_installed_plugin(driver, work)
        rc, log = apt_get("purge", *packages)
        assert rc == 0, log
        for package in packages:
            assert installed_version(package) is None, package
        left = [f for f in files if f.exists()]
        assert left == [], left
        for v in compilers_packaged():
            rc, _out, err = run(["gcc-%s" % v, "-fplugin=escape", "-c",
                                 "use.c", "-o", "use.o"], cwd=work)
            assert rc != 0 and "escape.so" in err, err
    finally:
        installed = [p for p in packages if installed_version(p)]
        if installed:
            apt_get("purge", *installed)
        restore(saved)
