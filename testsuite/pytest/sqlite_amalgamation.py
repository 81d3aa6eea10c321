"""The SQLite amalgamation (sqlite3.c, sqlite3.h) of the npm package
better-sqlite3@12.4.1, fetched with "npm pack" and extracted once into
build/sqlite.  Shared by the SQLite test (test_sqlite.py) and the compile
benchmark (bench/compile.py), which each turn its errors into their own
kind of failure."""

import fcntl
import pathlib
import shutil
import subprocess
import tempfile

PACKAGE = "better-sqlite3@12.4.1"
MEMBERS = ["package/deps/sqlite3/sqlite3.c", "package/deps/sqlite3/sqlite3.h"]


class Unavailable(Exception):
    """npm is missing, or could not fetch the package (offline?)."""


class Broken(Exception):
    """The package came, but its archive could not be extracted."""


def _last_lines(text, n):
    return "\n".join(text.strip().splitlines()[-n:])


def _pack(cache, tgz):
    npm = shutil.which("npm")
    if npm is None:
        raise Unavailable("npm is needed to fetch %s (apt-get install npm)"
                          % PACKAGE)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="pack.", dir=cache))
    try:
        p = subprocess.run([npm, "pack", PACKAGE], cwd=tmp,
                           capture_output=True, text=True, timeout=300)
        got = list(tmp.glob("*.tgz"))
        if p.returncode != 0 or len(got) != 1:
            raise Unavailable("'npm pack %s' failed (offline?): %s"
                              % (PACKAGE, _last_lines(p.stderr or p.stdout,
                                                      5)))
        got[0].rename(tgz)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _extract(cache, tgz, source):
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="extract.", dir=cache))
    try:
        p = subprocess.run(["tar", "xzf", tgz, "-C", tmp] + MEMBERS,
                           capture_output=True, text=True)
        if p.returncode != 0:
            raise Broken("could not extract sqlite3.c from %s:\n%s"
                         % (tgz, p.stderr))
        shutil.rmtree(source, ignore_errors=True)
        (tmp / "package" / "deps" / "sqlite3").rename(source)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def fetch(cache):
    """The directory of sqlite3.c and sqlite3.h under CACHE, fetched and
    extracted once (under a lock, through temporary names, so that
    concurrent runs do it once)."""
    cache = pathlib.Path(cache)
    source = cache / "better-sqlite3-12.4.1"
    if (source / "sqlite3.c").is_file() and (source / "sqlite3.h").is_file():
        return source
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if (source / "sqlite3.c").is_file():
            return source
        tgz = cache / "better-sqlite3-12.4.1.tgz"
        if not tgz.is_file():
            _pack(cache, tgz)
        _extract(cache, tgz, source)
    return source
