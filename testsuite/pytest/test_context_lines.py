"""The notes are printed at the end of the unit, but under GCC's usual
"In function 'f':" lines, in source order, and never under "At top
level:"."""

import re

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
