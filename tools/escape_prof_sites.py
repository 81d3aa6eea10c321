"""The heap profile of escape-prof: the files libescape-prof.so writes,
their call sites placed in the source with addr2line (binutils), and
joined with the plugin's notes (escape_notes).  Standard library only.

API
  read_profiles(directory) -> Profile
      every PID*.prof file the processes of one run wrote there
  system_libraries(profile) -> {module, ...}
      the shared libraries of the system (/lib, /usr/lib): the notes are
      not about them, so their calls are shown by function, not by line
  locate(addresses, skip=()) -> {(module, offset): Place}
      where each call is in the source (addr2line -i: the innermost
      frame is the allocation call's line, the outermost the function
      it was inlined into); modules in SKIP are not looked up
  source_rows(profile, places) -> [Row, ...]
      the calls summed per source line, function and heap function,
      most calls first (ties in a fixed order)
  join(rows, sites) -> [Row, ...]   each row with its notes' Site
"""

import collections
import concurrent.futures
import os
import re
import shutil
import subprocess

import escape_notes

Profile = collections.namedtuple("Profile", "processes lost calls")
# processes: [(pid, exe)] sorted; lost: calls the table had no room for;
# calls: {(module, offset): CallSite}
CallSite = collections.namedtuple("CallSite", "kind calls bytes symbol")

Frame = collections.namedtuple("Frame", "function file line")
# frames: innermost first, [] when the module has no line information;
# symbol: the function addr2line names from the symbol table, or None
Place = collections.namedtuple("Place", "frames symbol")

Row = collections.namedtuple(
    "Row", "kind calls bytes file line function inlined_into module symbol"
    " addresses site")
# file, line, function: the allocation call (None without debug info);
# inlined_into: the function its code is in when that is another one;
# module, symbol: where the code is (symbol: for rows without a line);
# addresses: how many call instructions were summed; site: the notes'
# escape_notes.Site for the line, or None


class ProfileError(Exception):
    """A profile file that libescape-prof.so did not write."""


def _read_profile(path, processes, calls):
    """Adds the process and call sites of the profile file PATH to
    PROCESSES and CALLS; returns its lost calls."""
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    if lines[0] != "escape-prof 1":
        raise ProfileError("%s: not a profile of libescape-prof.so" % path)
    header = {}
    for line in lines[1:]:
        fields = line.split("\t")
        if fields[0] == "site" and len(fields) == 7:
            _tag, kind, count, size, offset, symbol, module = fields
            key = (module, int(offset, 16))
            old = calls.get(key)
            calls[key] = CallSite(
                old.kind if old else kind,
                int(count) + (old.calls if old else 0),
                int(size) + (old.bytes if old else 0),
                None if symbol == "-" else symbol)
        elif len(fields) == 2:
            header[fields[0]] = fields[1]
        elif line:
            raise ProfileError("%s: unexpected line %r" % (path, line))
    processes.append((int(header.get("pid", 0)), header.get("exe", "?")))
    return int(header.get("lost", 0))


def read_profiles(directory):
    """The Profile of the *.prof files in DIRECTORY."""
    processes, calls, lost = [], {}, 0
    for name in sorted(os.listdir(directory)):
        if name.endswith(".prof"):
            lost += _read_profile(os.path.join(directory, name), processes,
                                  calls)
    return Profile(sorted(processes), lost, calls)


# --- addr2line ----------------------------------------------------------------

_ADDRESS_RE = re.compile(r"^0x[0-9a-f]+$")
_DISCRIMINATOR_RE = re.compile(r" \(discriminator \d+\)$")


def addr2line():
    """The path of addr2line; raises OSError when binutils is missing."""
    path = shutil.which("addr2line")
    if path is None:
        raise OSError("addr2line not found: install binutils "
                      "(apt-get install binutils)")
    return path


def _frame(function, location):
    """A Frame from addr2line's two lines, or None for "??:0"."""
    file, _, line = _DISCRIMINATOR_RE.sub("", location).rpartition(":")
    if not file or file == "??" or not line.isdigit() or line == "0":
        return None
    return Frame(None if function == "??" else function, file, int(line))


def _parse_addr2line(text):
    """Per address of addr2line -a -i -f's TEXT, its frames as
    [(function line, location line), ...], innermost first."""
    groups = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if _ADDRESS_RE.match(lines[i]):
            groups.append([])
        elif groups and i + 1 < len(lines):
            groups[-1].append((lines[i], lines[i + 1]))
            i += 1
        i += 1
    return groups


def _locate_module(module, offsets):
    """{offset: Place} for the return addresses OFFSETS in MODULE."""
    unknown = {o: Place([], None) for o in offsets}
    if not os.path.isfile(module):
        return unknown
    # A return address is the instruction after the call: one byte back
    # is inside the call, whose line and inline chain are the ones wanted.
    query = "".join("%x\n" % (o - 1) for o in offsets)
    p = subprocess.run([addr2line(), "-a", "-i", "-f", "-e", module],
                       input=query, capture_output=True, text=True,
                       errors="replace")
    groups = _parse_addr2line(p.stdout)
    if p.returncode != 0 or len(groups) != len(offsets):
        return unknown
    places = {}
    for offset, pairs in zip(offsets, groups):
        frames = [_frame(f, loc) for f, loc in pairs]
        symbol = pairs[-1][0] if pairs and pairs[-1][0] != "??" else None
        # A chain with a frame of no line (rare) is not half used.
        places[offset] = Place(frames if all(frames) else [], symbol)
    return places


SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def system_libraries(profile):
    """The modules of PROFILE that are system libraries (not one of its
    processes' executables, which may live in /usr/lib too)."""
    exes = {exe for _pid, exe in profile.processes}
    return {module for module, _offset in profile.calls
            if module.startswith(SYSTEM_DIRS) and module not in exes}


def locate(addresses, skip=()):
    """{(module, offset): Place} for ADDRESSES, one addr2line per module,
    a few at a time (reading a large program's debug info takes a
    while).  The modules in SKIP get no line (their debug info, when
    installed, would cost as much to read for nothing the notes know)."""
    by_module = collections.defaultdict(list)
    for module, offset in addresses:
        if module in skip:
            continue
        by_module[module].append(offset)
    modules = sorted(by_module)
    workers = max(1, min(4, os.cpu_count() or 1, len(modules)))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        found = pool.map(lambda m: _locate_module(m, sorted(by_module[m])),
                         modules)
        return {(module, offset): place
                for module, places in zip(modules, found)
                for offset, place in places.items()}


# --- rows -----------------------------------------------------------------------

def _row_key(module, offset, call, place):
    """The source line, function and heap function of a call, or for a
    call without line information its module and symbol."""
    if place.frames:
        inner, outer = place.frames[0], place.frames[-1]
        inlined_into = outer.function if len(place.frames) > 1 else None
        return (call.kind, inner.file, inner.line, inner.function,
                inlined_into, module, None)
    symbol = place.symbol or call.symbol or "0x%x" % offset
    return (call.kind, None, None, None, None, module, symbol)


def _order(row):
    return (-row.calls, -row.bytes, row.file or "", row.line or 0,
            row.function or "", row.inlined_into or "", row.module,
            row.symbol or "", row.kind)


def source_rows(profile, places):
    """The Rows of PROFILE, calls summed per _row_key, most calls first."""
    sums = collections.OrderedDict()
    for (module, offset) in sorted(profile.calls):
        call = profile.calls[(module, offset)]
        key = _row_key(module, offset, call,
                       places.get((module, offset), Place([], None)))
        calls, size, addresses = sums.get(key, (0, 0, 0))
        sums[key] = (calls + call.calls, size + call.bytes, addresses + 1)
    rows = [Row(kind, calls, size, file, line, function, inlined_into,
                module, symbol, addresses, None)
            for (kind, file, line, function, inlined_into, module, symbol),
            (calls, size, addresses) in sums.items()]
    return sorted(rows, key=_order)


def join(rows, sites):
    """ROWS, each with the allocation Site of the notes SITES at its line
    (the notes of all allocations on that line, joined, when there are
    several)."""
    index = escape_notes.SiteIndex(
        [s for s in sites if s.kind == "allocation"])
    joined = []
    for row in rows:
        found = index.lookup(row.file, row.line) if row.file else []
        site = None
        if len(found) == 1:
            site = found[0]
        elif found:
            site = escape_notes.join_sites(
                [n._replace(column=0) for s in found for n in s.notes])[0]
        joined.append(row._replace(site=site))
    return joined
