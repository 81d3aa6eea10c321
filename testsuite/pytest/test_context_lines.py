"""The notes are printed at the end of the unit, but under GCC's usual
"In function 'f':" lines, in source order, and never under "At top
level:"."""

import re

from conftest import CC, plugin_flags, run

SRC = r"""
#include <stdlib.h>
int *keep;
static int *make (void)
{
  return malloc (8);
}
int first (int n)
{
  int *p = malloc (16);
  p[0] = n;
  int r = p[0];
  free (p);
  return r;
}
void second (int n)
{
  int x = n;
  keep = make ();
  keep[0] = x;
}
"""


def context_of_notes(stderr):
    """(function of the last "In function" line, note message) pairs."""
    fn, pairs = None, []
    for line in stderr.splitlines():
        m = re.search(r"In function .(\w+).:$", line)
        if m:
            fn = m.group(1)
        m = re.search(r":\d+:\d+: note: (.*)$", line)
        if m:
            pairs.append((fn, m.group(1)))
    return pairs


def test_notes_under_their_function(compile):
    for flags, args in ((("-O0",), ("report",)),
                        (("-O2",), ("report", "stackify"))):
        rc, _out, err = compile(SRC, *flags, args=args)
        assert rc == 0, err
        assert "At top level" not in err, err
        pairs = context_of_notes(err)
        assert pairs, err
        assert all(fn for fn, _ in pairs), err
        allocs = [(fn, msg) for fn, msg in pairs
                  if msg.startswith("allocation of 16")]
        assert allocs and all(fn == "first" for fn, _ in allocs), err


# box_new is kept out of line (it is not static) and inlined into use: its
# allocation is returned to box_new's caller, but moved to the stack in the
# copy inlined into use.  Line numbers below are those of INLINED.
INLINED = r"""#include <stdlib.h>
struct box { int v; };
struct box *box_new (int v)
{
  struct box *b = malloc (sizeof *b);
  if (b)
    b->v = v;
  return b;
}
int use (int v)
{
  struct box *b = box_new (v);
  int r = b ? b->v : 0;
  free (b);
  return r;
}
"""


def context_blocks(stderr):
    """(header lines joined, note message) for each note: the "In
    function" line before it and the "inlined from" lines under that."""
    header, pairs = [], []
    for line in stderr.splitlines():
        if re.search(r"In function .\w+.[:,]$", line):
            header = [re.sub(r"^.*?(In function)", r"\1", line)]
        elif line.startswith("    inlined from "):
            header.append(line.strip())
        else:
            m = re.search(r":(\d+):\d+: note: (.*)$", line)
            if m:
                pairs.append((" ".join(header), int(m.group(1)),
                              m.group(2)))
    return pairs


def expect_both_stories(pairs, err, callers=r"'use' at \S*t\.c:12:\d+",
                        moved_text="allocation of 4 bytes moved to stack"):
    """The out-of-line verdict and the inlined copy's move, each under its
    own function, not two contradicting notes under one; CALLERS is the
    "inlined from" chain, MOVED_TEXT the move's note."""
    assert (("In function 'box_new':", 5,
             "allocation of 4 bytes escapes: returned to caller") in pairs), err
    moved = [h for h, line, msg in pairs
             if line == 5 and msg == moved_text]
    assert len(moved) == 1, err
    assert re.fullmatch(r"In function 'box_new', inlined from " + callers
                        + ":", moved[0]), err


def test_inlined_copy_says_where_it_was_inlined(compile):
    rc, _out, err = compile(INLINED, "-O2", args=("report", "stackify"))
    assert rc == 0, err
    expect_both_stories(context_blocks(err), err)


def test_inlined_copy_at_link_time(compile, plugin, tmp_path):
    """With -flto the report speaks at compile time and stackify at link
    time (lto1): the link-time note tells the inlining too."""
    rc, _out, err = compile(INLINED, "-O2", "-flto", "-o", tmp_path / "t.o",
                            args=("report",))
    assert rc == 0, err
    rc, _out, main_err = compile(
        "int use (int);\nint main (void) { return use (1) != 1; }\n",
        "-O2", "-flto", "-o", tmp_path / "main.o", plugin=False,
        name="main.c")
    assert rc == 0, main_err
    rc, _out, link_err = run(
        CC + ["-O2", "-flto", tmp_path / "t.o", tmp_path / "main.o",
              "-o", tmp_path / "a.out"]
        + plugin_flags(plugin, ("report", "stackify")), cwd=tmp_path)
    assert rc == 0, link_err
    expect_both_stories(context_blocks(err) + context_blocks(link_err),
                        err + link_err,
                        r"'use' at \S*t\.c:12:\d+, "
                        r"inlined from 'main' at \S*main\.c:2:\d+",
                        # lto1 says its decision came at link time.
                        "allocation of 4 bytes moved to stack "
                        "(at link time, seeing the whole program)")
