"""The pieces of make check-packages (testsuite/packages/) that can be
checked without building a Debian package: the heap counter and the
sorting of a build log's notes."""

import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "packages"))

import check_packages  # noqa: E402

PROGRAM = r"""
#include <stdlib.h>
#include <string.h>
int main (void)
{
  for (int i = 0; i < 10; i++)
    free (malloc (10));
  char *s = strdup ("x");
  s = realloc (s, 100);
  free (s);
  void *p;
  if (posix_memalign (&p, 64, 10) == 0)
    free (p);
  free (calloc (2, 3));
  return 0;
}
"""


def test_heap_counter_counts_programs_of_the_tree_only(tmp_path):
    counter = tmp_path / "heap-counter.so"
    assert check_packages.build_counter(counter, ["-Werror"]).returncode == 0
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "t.c").write_text(PROGRAM)
    subprocess.run(["gcc", "-O0", str(tree / "t.c"), "-o", str(tree / "t")],
                   check=True)
    out = tmp_path / "heap.txt"
    env = dict(os.environ, LD_PRELOAD=str(counter),
               ESCAPE_HEAP_ROOT=str(tree) + "/", ESCAPE_HEAP_FILE=str(out))
    subprocess.run([str(tree / "t")], env=env, check=True)
    subprocess.run(["true"], env=env, check=True)   # outside the tree
    lines = out.read_text().splitlines()
    assert len(lines) == 1, lines
    exe, allocs, frees = lines[0].split("\t")
    assert exe == str(tree / "t")
    # 10 malloc, strdup's malloc, realloc, posix_memalign, calloc.
    assert (int(allocs), int(frees)) == (14, 13)


LOG = """\
src/a.c:10:5: note: allocation of 16 bytes moved to stack
src/a.c:10:5: note: allocation of 16 bytes moved to stack
src/a.c:12:7: note: allocation of unknown size does not escape; stays on heap: resized by 'reallocarray'
src/a.c:20:3: note: allocation of unknown size escapes: returned to caller
src/b.c:4:9: note: allocation of 8 bytes does not escape
src/b.c:5:9: note: allocation of run-time size moved to stack when it fits 256 bytes (heap otherwise)
src/b.c:6:9: note: allocation of unknown size does not escape; grows a block moved to stack: in its slot up to 256 bytes, on the heap beyond
src/b.c:7:9: note: address of 'x' does not escape
src/c.c:1:1: warning: unused variable
"""


# An allocator wrapper (w.c:5) inlined into two callers: its stackify
# notes are about the calls of the wrapper, where the report put them.
WRAPPER_LOG = """\
In function 'wrap',
    inlined from 'one' at w.c:12:10:
w.c:5:15: note: allocation of run-time size moved to stack when it fits 256 bytes (heap otherwise)
In function 'wrap',
    inlined from 'two' at w.c:20:3,
    inlined from 'outer' at w.c:30:3:
w.c:5:15: note: allocation of unknown size does not escape; stays on heap: function may recurse (see stackify-recursive-max)
w.c: In function 'wrap':
w.c:5:15: note: allocation of unknown size escapes: returned to caller
w.c: In function 'one':
w.c:12:17: note: allocation of unknown size does not escape
w.c: In function 'two':
w.c:20:9: note: allocation of unknown size does not escape
w.c: In function 'ctor':
w.c:40:9: note: allocation of 8 bytes escapes: returned to caller
In function 'ctor',
    inlined from 'user' at w.c:50:3:
w.c:40:9: note: allocation of 8 bytes moved to stack
"""


def test_inlined_wrapper_notes_belong_to_its_calls():
    assert check_packages.classify(WRAPPER_LOG) == {
        "w.c:5:15": ("escapes", "returned to caller"),
        "w.c:12:17": ("moved", None),
        "w.c:20:9": ("stays", "function may recurse (see stackify-recursive-max)"),
        # not a wrapper's call: the inlined constructor's own site
        "w.c:40:9": ("moved", None),
    }


def test_notes_are_sorted_by_site():
    sites = check_packages.classify(LOG)
    assert sites == {
        "src/a.c:10:5": ("moved", None),
        "src/a.c:12:7": ("stays", "resized by 'reallocarray'"),
        "src/a.c:20:3": ("escapes", "returned to caller"),
        "src/b.c:4:9": ("not-judged", None),
        "src/b.c:5:9": ("moved", None),
        "src/b.c:6:9": ("grows-moved", None),
    }
    s = check_packages.summary(sites)
    assert (s["sites"], s["not_escaping"], s["moved"]) == (6, 5, 2)
    assert s["stays"] == {"resized by 'reallocarray'": 1}
    assert s["escapes"] == {"returned to caller": 1}
