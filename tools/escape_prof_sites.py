"""The heap profile of escape-prof: the files libescape-prof.so writes,
their call sites placed in the source with escape-prof-lines
(tools/heapprof/lines.c), and joined with the plugin's notes
(escape_notes).  Standard library only.

API
  read_profiles(directory) -> Profile
      every PID*.prof file the processes of one run wrote there
  system_libraries(profile) -> {module, ...}
      the shared libraries of the system (/lib, /usr/lib): the notes are
      not about them, so their calls are shown by function, not by line
  locate(helper, addresses, skip=()) -> {(module, offset): Place}
      where each call is in the source (the path of escape-prof-lines,
      then the calls; the innermost frame is the allocation call's line,
      the outermost the function it was inlined into); modules in SKIP
      are not looked up; the places found are kept per module in
      cache_dir() for the next run
  source_rows(profile, places) -> [Row, ...]
      the calls summed per source line, function and heap function,
      most calls first (ties in a fixed order)
  join(rows, sites) -> [Row, ...]   each row with its notes' Site
"""

import collections
import os
import subprocess
import tempfile

Profile = collections.namedtuple("Profile", "processes lost calls")
# processes: [(pid, exe)] sorted; lost: calls the table had no room for;
# calls: {(module, offset): CallSite}
CallSite = collections.namedtuple("CallSite", "kind calls bytes symbol")

Frame = collections.namedtuple("Frame", "function file line")
# frames: innermost first, [] when the module has no line information;
# symbol: the function the symbol table names, or None
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


# --- escape-prof-lines -------------------------------------------------------

def _frames(fields):
    """The Frames of escape-prof-lines' FIELDS (function, file, line,
    ...), or None if they are not whole."""
    if len(fields) % 3:
        return None
    frames = []
    for i in range(0, len(fields), 3):
        function, file, line = fields[i:i + 3]
        if not line.isdigit():
            return None
        frames.append(Frame(None if function == "-" else function, file,
                            int(line)))
    return frames


def _parse_place(line):
    """(offset, Place) of a line of escape-prof-lines, or None."""
    fields = line.split("\t")
    frames = _frames(fields[2:])
    if len(fields) < 2 or frames is None:
        return None
    try:
        offset = int(fields[0], 16)
    except ValueError:
        return None
    return offset, Place(frames, None if fields[1] == "-" else fields[1])


def _format_place(offset, place):
    """The line of escape-prof-lines that gives PLACE for OFFSET."""
    return "\t".join(["%x" % offset, place.symbol or "-"] + [
        "%s\t%s\t%d" % (f.function or "-", f.file, f.line)
        for f in place.frames])


def _parse_lines(text, offsets):
    """{offset: Place} from escape-prof-lines' TEXT, its answer to
    OFFSETS, or None if it is not one."""
    lines = text.split("\n")
    if lines[-1] != "" or len(lines) - 1 != len(offsets):
        return None
    places = {}
    for offset, line in zip(offsets, lines):
        parsed = _parse_place(line)
        if parsed is None or parsed[0] != offset:
            return None
        places[offset] = parsed[1]
    return places


def _start_lines(helper, module, offsets):
    """escape-prof-lines (HELPER) started on the return addresses OFFSETS
    of MODULE, with its input and output in files (so that several run at
    once, none waiting for its reader): (process, output file), or None."""
    if not os.path.isfile(module):
        return None
    query = tempfile.TemporaryFile()
    query.write("".join("%x\n" % o for o in offsets).encode())
    query.seek(0)
    out = tempfile.TemporaryFile()
    with query:
        p = subprocess.Popen([helper, module], stdin=query, stdout=out,
                             stderr=subprocess.DEVNULL)
    return p, out


def _places(offsets, running):
    """({offset: Place} for OFFSETS from the escape-prof-lines RUNNING
    (see _start_lines), once it is done; whether it answered)."""
    unknown = {o: Place([], None) for o in offsets}
    if running is None:
        return unknown, False
    p, out = running
    with out:
        p.wait()
        out.seek(0)
        places = _parse_lines(
            out.read().decode("utf-8", errors="surrogateescape"), offsets)
    if p.returncode != 0 or places is None:
        return unknown, False
    return places, True


SYSTEM_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/")


def system_libraries(profile):
    """The modules of PROFILE that are system libraries (not one of its
    processes' executables, which may live in /usr/lib too)."""
    exes = {exe for _pid, exe in profile.processes}
    return {module for module, _offset in profile.calls
            if module.startswith(SYSTEM_DIRS) and module not in exes}


# --- the places already found ------------------------------------------------
#
# Reading a large program's debug info is most of what placing its calls
# costs (SQLite's: 5 ms), and a program is often profiled again as it is.
# So the places found are kept per module, in a file named after the
# module's identity (path, size, modification time, inode): a rebuilt
# module is another file, and placed anew.  The file holds the lines
# escape-prof-lines wrote for them.


def cache_dir():
    """The directory of the places found: $ESCAPE_PROF_CACHE (empty: keep
    none), else $XDG_CACHE_HOME/escape-prof or ~/.cache/escape-prof."""
    if "ESCAPE_PROF_CACHE" in os.environ:
        return os.environ["ESCAPE_PROF_CACHE"] or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache")
    return os.path.join(base, "escape-prof")


def _cache_file(directory, module):
    """The file of MODULE's places in DIRECTORY, or None."""
    try:
        st = os.stat(module)
    except OSError:
        return None
    import zlib  # a checksum of the path: hashlib takes longer to load
    path = os.path.realpath(module).encode(errors="surrogateescape")
    return os.path.join(directory, "%s-%08x-%d-%d-%d.places" % (
        os.path.basename(module), zlib.crc32(path), st.st_size,
        st.st_mtime_ns, st.st_ino))


def _load_places(path):
    """{offset: Place} kept in PATH ({} if none or unreadable)."""
    try:
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            parsed = [_parse_place(line) for line in f.read().splitlines()]
    except OSError:
        return {}
    return dict(p for p in parsed if p is not None)


def _keep_places(path, places):
    """Writes PLACES to PATH (whole, or not at all)."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        temp = "%s.%d.tmp" % (path, os.getpid())
        with open(temp, "w", encoding="utf-8",
                  errors="surrogateescape") as f:
            f.write("".join(_format_place(offset, place) + "\n"
                            for offset, place in sorted(places.items())))
        os.replace(temp, path)
    except OSError:
        pass


def locate(helper, addresses, skip=()):
    """{(module, offset): Place} for ADDRESSES, one escape-prof-lines
    (HELPER) per module, all running at once, for the calls not placed
    before (cache_dir).
    The modules in SKIP get no line (their debug info, when installed,
    would cost as much to read for nothing the notes know)."""
    by_module = collections.defaultdict(list)
    for module, offset in addresses:
        if module in skip:
            continue
        by_module[module].append(offset)
    directory = cache_dir()
    modules = sorted(by_module)
    files = [directory and _cache_file(directory, m) for m in modules]
    kept = [_load_places(f) if f else {} for f in files]
    wanted = [sorted(set(by_module[m]) - set(k))
              for m, k in zip(modules, kept)]
    running = [_start_lines(helper, m, w) if w else None
               for m, w in zip(modules, wanted)]
    found = {}
    for module, file, places, offsets, r in zip(modules, files, kept, wanted,
                                                running):
        if offsets:
            new, complete = _places(offsets, r)
            places = dict(places)
            places.update(new)
            if file and complete:
                _keep_places(file, places)
        for offset in by_module[module]:
            found[(module, offset)] = places[offset]
    return found


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
    import escape_notes  # only with --notes: it takes a while to load
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
