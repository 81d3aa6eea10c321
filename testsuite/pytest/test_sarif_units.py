"""-fplugin-arg-escape-sarif=FILE with several units in one command,
with -flto (notes printed at link time), and FILE's patterns (%b, %%)."""

import json

from conftest import CC, run
from sarif_support import logged, sarif_notes, \
    text_notes  # noqa: F401 (fixtures)

UNIT_A = """#include <stdlib.h>
int sum (int *p, int n);
int *g;
int main (void)
{
  int *p = malloc (16);
  p[0] = 1;
  int s = sum (p, 4);
  free (p);
  int x;
  g = &x;
  return s;
}
"""
UNIT_B = "int sum (int *p, int n)\n{ int s = 0;\n" \
    "  for (int i = 0; i < n; i++) s += p[i];\n  return s; }\n"


def two_units(tmp_path):
    (tmp_path / "a.c").write_text(UNIT_A)
    (tmp_path / "b.c").write_text(UNIT_B)
    return tmp_path / "a.c", tmp_path / "b.c"


def driver(plugin, tmp_path, *args, sarif):
    a, b = two_units(tmp_path)
    cmd = CC + ["-O2", "-fdiagnostics-column-unit=byte",
                "-fplugin=%s" % plugin, "-fplugin-arg-escape-report",
                "-fplugin-arg-escape-stackify",
                "-fplugin-arg-escape-sarif=%s" % sarif] + list(args) + [a, b]
    return run(cmd, cwd=tmp_path)


def logs(tmp_path):
    return {p.name: json.loads(p.read_text())
            for p in sorted(tmp_path.glob("*.sarif"))}


def messages(log):
    return [r["message"]["text"] for r in log["runs"][0]["results"]]


def test_each_unit_writes_its_own_log_with_b(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-c", sarif="%b.sarif")
    assert rc == 0, err
    found = logs(tmp_path)
    assert sorted(found) == ["a.c.sarif", "b.c.sarif"]
    notes = text_notes(err, tmp_path)
    for name, log in found.items():
        unit = str(tmp_path / name[:-len(".sarif")])
        assert sarif_notes(log) == [
            (f, line, col, msg) for f, line, col, msg in notes if f == unit]
    assert not list(tmp_path.glob("*.tmp*"))


def test_one_log_for_several_units_is_the_last_units(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-c", sarif="both.sarif")
    assert rc == 0, err
    log = logs(tmp_path)["both.sarif"]
    assert messages(log) == ["parameter 'p' does not escape"]


def test_link_time_notes_go_to_the_link_time_log(plugin, tmp_path):
    rc, _out, err = driver(plugin, tmp_path, "-flto", "-o", "prog",
                           sarif="%b.sarif")
    assert rc == 0, err
    found = logs(tmp_path)
    # Compile time (cc1, per unit) and link time (one LTRANS unit); the
    # whole-program step writes none.
    assert sorted(found) == ["prog-a.c.sarif", "prog-b.c.sarif",
                             "prog.ltrans0.ltrans.sarif"], sorted(found)
    link = found["prog.ltrans0.ltrans.sarif"]
    assert messages(link) == ["allocation of 16 bytes moved to stack "
                              "(at link time, seeing the whole program)"]
    assert "escapes: passed to 'sum'" in messages(found["prog-a.c.sarif"])[0]
    # Every note printed is in one of the logs, once.
    in_logs = sorted(n for log in found.values() for n in sarif_notes(log))
    assert in_logs == sorted(text_notes(err, tmp_path))
    inv = link["runs"][0]["invocations"][0]
    assert not any(a.startswith("/tmp/cc") for a in inv["arguments"]), inv
    # And the same again.
    again = tmp_path / "again"
    again.mkdir()
    rc, _out, err = driver(plugin, again, "-flto", "-o", "prog",
                           sarif="%b.sarif")
    assert rc == 0, err
    second = (again / "prog.ltrans0.ltrans.sarif").read_text()
    assert second.replace(str(again), str(tmp_path)) == \
        (tmp_path / "prog.ltrans0.ltrans.sarif").read_text()


def test_percent_percent_is_a_percent(logged, tmp_path):
    # %b is GCC's dump base: with "-c -o DIR/out.o t.c", DIR/out.c.
    rc, err, _, _ = logged(UNIT_B, "-O2", log="%b.100%%.sarif")
    assert rc == 0, err
    assert [p.name for p in tmp_path.glob("*.sarif")] == \
        ["out.c.100%.sarif"]
