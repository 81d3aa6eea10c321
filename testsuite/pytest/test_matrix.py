"""The notes do not depend on the optimization level, debug info,
sanitizers, -fPIC, LTO or the language standard: the analysis runs right
after the "ssa" pass, before any optimization.

data/verdicts.c has one of each verdict that does not depend on the
plugin's C library table beyond malloc, calloc and free, and an exact
expected list (below); the table's own reasons (thread, realloc, "which
keeps it" for a libc function) are escape.dg's business.  data/stability.c
and docs/demo.c use much more of the C library and are only checked for
stability.  SNIPPETS (at the end) are small programs for each way found so
far in which the notes do depend on the options."""

import pytest

from conftest import DATA, ROOT, parse_notes, ice

# The configurations of the matrix; each is compared with BASELINE.
BASELINE = ("-O0",)
CONFIGS = [
    ("-O1",), ("-O2",), ("-O3",), ("-Os",), ("-Og",),
    ("-O0", "-g"), ("-O2", "-g"), ("-O2", "-g3"),
    ("-O0", "-fsanitize=address"), ("-O2", "-fsanitize=address"),
    ("-O0", "-fPIC"), ("-O2", "-fPIC"),
    ("-O0", "-flto"), ("-O2", "-flto"),
    # Not asked for by the design, but the default of several distributions:
    # glibc's headers then wrap memcpy, printf... in extern inline functions.
    ("-O2", "-D_FORTIFY_SOURCE=2"),
] + [("-O2", "-std=" + std) for std in
     ("c89", "c99", "c11", "c17", "c2x", "gnu89", "gnu11", "gnu17")] + [
    ("-O0", "-std=c89"), ("-O0", "-std=gnu89"),
]

FILES = {
    "verdicts.c": DATA / "verdicts.c",
    "stability.c": DATA / "stability.c",
    "demo.c": ROOT / "docs" / "demo.c",
}
# Files that are not C89 (demo.c declares variables in for loops).
# demo.c has C99 declarations; stability.c a C99 inline definition, which
# -std=c89 and gnu89 turn into an ordinary external one (other code).
NOT_C89 = {"demo.c", "stability.c"}

# data/verdicts.c at -O0: (line, column, message).
EXPECTED_VERDICTS = [
    (19, 19, "parameter 'p' does not escape"),
    (25, 16, "parameter 'q' leaks to return value"),
    (31, 12, "parameter 'r' escapes: stored in global 'global_ptr'"),
    (37, 12, "parameter 'out' does not escape"),
    (37, 22, "parameter 'value' escapes: stored through parameter 'out'"),
    (45, 7, "address of 'ret' escapes: returned to caller"),
    (53, 16, "allocation of 16 bytes does not escape"),
    (54, 14, "allocation of 24 bytes escapes: returned to caller"),
    (55, 15, "allocation of unknown size does not escape"),
    (56, 15, "allocation of 1 byte does not escape"),
    (70, 15, "parameter 'slot' does not escape"),
    (72, 7, "address of 'stored' escapes: stored in global 'global_ptr'"),
    (73, 7, "address of 'through' escapes: stored through parameter 'slot'"),
    (74, 7, "address of 'deep' escapes: stored in memory that escapes"),
    (75, 21,
     "allocation of 16 bytes escapes: stored in global 'global_pair'"),
    (86, 7, "address of 'unknown' escapes: passed to 'sink' (argument 1), "
     "which may keep it"),
    (87, 7, "address of 'indirect' escapes: passed to a function through a "
     "pointer"),
    (88, 7, "address of 'cast' escapes: converted to an integer"),
    (89, 7, "address of 'in_asm' escapes: used by inline assembly"),
    (90, 7, "address of 'quiet' does not escape"),
    (101, 7,
     "address of 'captured' escapes: captured by nested function 'inner'"),
    (109, 21, "address of '<compound literal>' escapes: passed to 'keep' "
     "(argument 1), which keeps it"),
    (115, 13, "address of 'param' escapes: returned to caller"),
    (117, 7, "address of 'gone' escapes: returned to caller"),
    (126, 8, "address of 'slot' does not escape"),
]


def config_id(flags):
    return " ".join(flags)


_cache = {}


def notes_of(compile_, name, flags):
    """The plugin's notes on FILES[name] with FLAGS, sorted; fails the
    test if the compilation does."""
    key = (name, flags)
    if key not in _cache:
        rc, _out, err = compile_(FILES[name], *flags)
        assert not ice(err), err
        assert rc == 0, "%s %s failed:\n%s" % (name, " ".join(flags), err)
        _cache[key] = sorted(parse_notes(err, file=FILES[name]))
    return _cache[key]


def test_verdicts_exact(session_compile):
    assert notes_of(session_compile, "verdicts.c", BASELINE) == \
        EXPECTED_VERDICTS


def test_verdicts_has_every_kind():
    msgs = [m for _l, _c, m in EXPECTED_VERDICTS]
    for phrase in ("does not escape", "leaks to return value",
                   "returned to caller", "stored in global",
                   "stored through parameter", "stored in memory that escapes",
                   "which may keep it", "which keeps it",
                   "through a pointer", "converted to an integer",
                   "inline assembly", "captured by nested function",
                   "allocation of unknown size", "allocation of 1 byte ",
                   "'<compound literal>'"):
        assert any(phrase in m for m in msgs), phrase
    assert len(EXPECTED_VERDICTS) >= 12


@pytest.mark.parametrize("flags", CONFIGS, ids=config_id)
@pytest.mark.parametrize("name", sorted(FILES))
def test_same_notes(session_compile, name, flags):
    if name in NOT_C89 and any(f in ("-std=c89", "-std=gnu89")
                               for f in flags):
        pytest.skip("%s is not C89" % name)
    base = notes_of(session_compile, name, BASELINE)
    assert base, "no notes for %s at -O0" % name
    got = notes_of(session_compile, name, flags)
    missing = sorted(set(base) - set(got))
    extra = sorted(set(got) - set(base))
    assert got == base, (
        "notes of %s differ between %s and %s:\n  only at %s:\n    %s\n"
        "  only at %s:\n    %s" % (
            name, " ".join(BASELINE), " ".join(flags),
            " ".join(BASELINE), "\n    ".join(map(repr, missing)) or "-",
            " ".join(flags), "\n    ".join(map(repr, extra)) or "-"))


INTERPOSABLE = """\
int *g;
int *exported (int *p) { return p; }
static int *internal (int *p) { return p; }
int f (void)
{
  int a = 1, b = 2;
  exported (&a);
  internal (&b);
  return a + b;
}
"""


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_fpic_interposable_callee(compile, opt):
    """The one flag of the matrix that changes notes by design: with -fPIC
    a function with default visibility may be replaced at load time, so a
    call of it is a call of an unknown function (escape-extract.cc,
    analysable_callee); -fno-semantic-interposition or hidden visibility
    brings the summary back.  Static functions are never affected."""
    def notes(*flags):
        rc, _out, err = compile(INTERPOSABLE, opt, *flags)
        assert rc == 0, err
        return {(l, m) for l, _c, m in parse_notes(err)}
    plain = notes()
    pic = notes("-fPIC")
    assert (6, "address of 'a' does not escape") in plain
    assert (6, "address of 'a' escapes: passed to 'exported' (argument 1), "
            "which may keep it") in pic
    assert (6, "address of 'b' does not escape") in plain & pic
    assert notes("-fPIC", "-fno-semantic-interposition") == plain
    assert notes("-fPIC", "-fvisibility=hidden") == plain


# Small programs, each about one way the notes could depend on the options,
# compiled with each of its configurations and compared with the first.
SNIPPETS = {
    # GCC keeps the body of an "extern inline" (gnu_inline) function only
    # when optimizing.
    "gnu-inline": ("""\
int *g;
extern inline __attribute__ ((gnu_inline)) void keep (int *p) { g = p; }
void f (void) { int x; keep (&x); }
""", [("-O0",), ("-O2",), ("-Os",)]),
    # The same for a C99 inline definition (-std=gnu89 makes it an ordinary
    # external definition instead: other code, other notes).
    "c99-inline": ("""\
int *g;
inline void keep (int *p) { g = p; }
void f (void) { int x; keep (&x); }
""", [("-O0", "-std=c99"), ("-O2", "-std=c99")]),
    # A static function nobody calls.
    "unused-static": ("""\
int *g;
static void unused (int *p) { g = p; }
void f (int *q) { g = q; }
""", [("-O0",), ("-O2",)]),
    # The name of a nested function, with -flto (where the lang hooks of
    # the middle end print assembler names).
    "nested-lto": ("""\
int f (void) { int c = 1; int inner (void) { return c; } return inner (); }
""", [("-O0",), ("-O0", "-flto"), ("-O2", "-flto")]),
    # Calls of a static function, inlined or not.
    "static-callee": ("""\
int *g;
static void keep (int *p) { g = p; }
static int *id (int *p) { return p; }
int f (void) { int a = 1, b = 2; keep (&a); return *id (&b); }
""", [("-O0",), ("-O3",), ("-O2", "-fno-inline"), ("-O2", "-fPIC")]),
}


@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_same_notes(compile, name):
    src, configs = SNIPPETS[name]
    results = []
    for flags in configs:
        rc, _out, err = compile(src, *flags)
        assert rc == 0 and not ice(err), err
        results.append((flags, sorted((l, m) for l, _c, m in
                                      parse_notes(err))))
    base_flags, base = results[0]
    assert base, "no notes at %s" % " ".join(base_flags)
    bad = []
    for flags, got in results[1:]:
        if got != base:
            bad.append("  only at %s: %s\n  only at %s: %s" % (
                " ".join(base_flags), sorted(set(base) - set(got)),
                " ".join(flags), sorted(set(got) - set(base))))
    assert not bad, "%s: notes differ:\n%s" % (name, "\n".join(bad))
