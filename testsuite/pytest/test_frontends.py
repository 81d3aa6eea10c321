"""The plugin with the report on, loaded by other front ends: C++,
Fortran and Objective-C compile as before, without a crash."""

import os
import shutil

import pytest

from conftest import CC, CXX as GXX, ENV, driver, ice, parse_notes, run

CXX = r"""
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

int *global_ptr;

struct Base
{
  virtual ~Base () {}
  virtual int get () const = 0;
};

struct Derived : Base
{
  int *p;
  explicit Derived (int *q) : p (q) {}
  int get () const override { return *p; }
};

template <typename T> T *
keep (T &ref)
{
  static T *last;
  last = &ref;
  return last;
}

template <typename T> struct Box
{
  T value;
  T *addr () { return &value; }
};

static int
sum (const std::vector<int> &v)
{
  int s = 0;
  for (int x : v)
    s += x;
  return s;
}

int &
ref_to_global (int &r)
{
  global_ptr = &r;
  return r;
}

int
thrower (int n)
{
  int local = n;
  if (n < 0)
    throw std::runtime_error ("negative");
  try
    {
      std::unique_ptr<Base> b (new Derived (&local));
      std::vector<int> v{1, 2, 3};
      std::map<std::string, int> m;
      m["x"] = b->get ();
      keep (local);
      Box<long> box{4};
      auto lam = [&local] (int k) { return local + k; };
      int &r = ref_to_global (local);
      return sum (v) + m["x"] + lam (1) + r + (int) *box.addr ();
    }
  catch (const std::exception &e)
    {
      return -1;
    }
}
"""

FORTRAN = """\
module m
  implicit none
  integer, pointer :: gp(:)
contains
  subroutine keep(a)
    integer, target, intent(in) :: a(:)
    gp => a
  end subroutine
  function total(a) result(s)
    integer, intent(in) :: a(:)
    integer :: s
    s = sum(a)
  end function
end module
program p
  use m
  integer, target :: x(10)
  integer, allocatable :: y(:)
  allocate(y(5))
  x = 1
  y = 2
  call keep(x)
  print *, total(x) + total(y)
end program
"""

OBJC = r"""
#include <objc/objc.h>
#include <stdlib.h>

int *global_ptr;

__attribute__ ((objc_root_class))
@interface Counter
{
  Class isa;
  int count;
}
- (int *) slot;
- (void) keep: (int *) p;
@end

@implementation Counter
- (int *) slot { return &count; }
- (void) keep: (int *) p { global_ptr = p; }
@end

int
use (Counter *c)
{
  int local = 1;
  int *heap = malloc (sizeof (int));
  [c keep: &local];
  *heap = *[c slot];
  free (heap);
  return local;
}
"""


def have(command):
    return shutil.which(command[-1]) is not None


def prog_name(command, prog):
    rc, out, _err = run(command + ["-print-prog-name=%s" % prog])
    path = out.strip()
    if rc != 0 or not os.path.isabs(path) or not os.path.exists(path):
        return None
    return path


def check(compile, src, cc, flags, name=None):
    rc, _out, err = compile(src, *flags, cc=cc, name=name)
    assert not ice(err), err
    assert rc == 0, err
    # Nothing but notes (and GCC's own context lines) from the plugin.
    for line in err.splitlines():
        assert "error:" not in line and "warning:" not in line, line
    return err


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
@pytest.mark.parametrize("args", [("report",), ("report=escapes",)],
                         ids=["report", "report=escapes"])
def test_cxx(compile, opt, args):
    if not have(GXX):
        pytest.skip("%s is not installed" % GXX[-1])
    err = check(compile, CXX, GXX, [opt, "-std=gnu++17"])
    # g++ with the plugin: it does run, and reports.
    if args == ("report",):
        assert parse_notes(err), err


def test_cxx_exceptions_off_and_lto(compile):
    if not have(GXX):
        pytest.skip("%s is not installed" % GXX[-1])
    check(compile, CXX.replace("throw std::runtime_error (\"negative\")",
                               "return -2").replace("try", "").replace(
        "catch (const std::exception &e)\n    {\n      return -1;\n    }",
        ""), GXX, ["-O2", "-fno-exceptions"])
    check(compile, CXX, GXX, ["-O2", "-flto", "-fsanitize=address"])


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_fortran(compile, opt):
    gfortran = driver("gfortran")
    if not have(gfortran) or not prog_name(gfortran, "f951"):
        pytest.skip("%s is not installed" % gfortran[-1])
    check(compile, FORTRAN, gfortran, [opt])


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_objective_c(compile, opt):
    if not prog_name(CC, "cc1obj"):
        pytest.skip("cc1obj is not installed (Debian package gobjc-%s)"
                    % run(CC + ["-dumpversion"])[1].split(".")[0].strip())
    check(compile, OBJC, CC, ["-x", "objective-c", opt], name="t.m")
