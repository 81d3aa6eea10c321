"""escape-prof's report: the top call sites as a table or as JSON, a
summary sentence, and what the user should know (no debug info, calls
made inside system libraries, a program killed by a signal).  Standard
library only.

API
  report_text(run, profile, rows, top) -> str
  report_json(run, profile, rows, top) -> str
RUN is {"command": [...], "status": int (negative: a signal), "notes":
bool}; PROFILE an escape_prof_sites.Profile; ROWS its rows, most calls
first, joined with the notes when RUN["notes"]; TOP how many rows to show
(0: all).
"""

import os
import signal

from escape_prof_sites import SYSTEM_DIRS, system_libraries

HEAD_SHARE = 0.8     # the summary is about the sites that make 80% of calls


def _shown(rows, top):
    return rows if top == 0 else rows[:top]


def _head(rows, total, top):
    """The first ROWS that make HEAD_SHARE of TOTAL calls (at most
    TOP)."""
    head, calls = [], 0
    for row in _shown(rows, top):
        if total and calls >= HEAD_SHARE * total:
            break
        head.append(row)
        calls += row.calls
    return head


def _how_moved(site):
    hows = [n.reason for n in site.stackify if n.verdict == "moved"
            and n.reason]
    return hows[0] if hows else None


def verdict_text(row, notes_given):
    """The VERDICT column: the row's notes in a few words."""
    if not notes_given:
        return "-"
    site = row.site
    if site is None:
        if row.file is None and not row.module.startswith(SYSTEM_DIRS):
            return "no line information"
        return "no note"
    if site.outcome == "stack":
        how = _how_moved(site)
        return "does not escape: moved to stack" + (
            " (%s)" % how if how else "")
    reasons = "; ".join(site.heap_reasons)
    return ("moved to stack in part; " + reasons if site.outcome == "mixed"
            else reasons)


def _category(row):
    """(singular, plural) of what the summary says about ROW."""
    site = row.site
    if site is None:
        return (("has no line information", "have no line information")
                if row.file is None else ("has no note", "have no notes"))
    if site.outcome == "stack":
        return ("does not escape and moves with stackify",
                "do not escape and move with stackify")
    first = site.heap_reasons[0] if site.heap_reasons else "no reason given"
    if site.outcome == "mixed":
        return ("moves with stackify in part (%s)" % first,
                "move with stackify in part (%s)" % first)
    if first.startswith("escapes: "):
        reason = first[len("escapes: "):]
        return ("escapes: " + reason, "escape: " + reason)
    if first.startswith("stays on heap: "):
        reason = first[len("stays on heap: "):]
        return ("stays on the heap: " + reason, "stay on the heap: " + reason)
    return ("does not escape, but stackify did not move it (were the notes "
            "built with stackify?)",
            "do not escape, but stackify did not move them (were the notes "
            "built with stackify?)")


def summary(rows, total, top, notes_given):
    """The sentence under the table."""
    head = _head(rows, total, top)
    if not head:
        return "no heap calls"
    share = 100.0 * sum(r.calls for r in head) / total
    if share < 100.0 * HEAD_SHARE:      # cut short by --top
        first = ("the top site makes" if len(head) == 1
                 else "the top %d sites make" % len(head))
    else:
        first = ("this site makes" if len(head) == 1
                 else "these %d sites make" % len(head))
    parts = ["%s %.1f%% of the heap calls" % (first, share)]
    if not notes_given:
        return parts[0] + " (give the build's notes with --notes to see " \
            "which can move to the stack)"
    counts = {}
    for row in head:
        category = _category(row)
        counts[category] = counts.get(category, 0) + 1
    for (one, many), n in counts.items():
        parts.append("%d %s" % (n, one if n == 1 else many))
    return "; ".join(parts)


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number


def _wrapper_hints(head, total):
    """For each of HEAD whose allocation is returned to its caller (an
    allocator of the program's own, which the notes judge at its calls
    only when it is named): what to do."""
    hints = []
    for row in head:
        if row.site and row.function and not row.inlined_into and any(
                r == "escapes: returned to caller"
                for r in row.site.heap_reasons):
            hints.append(
                "%s returns what it allocates: its %.1f%% of the heap calls "
                "are made for its callers, whose calls of it the notes judge "
                "(and stackify moves) once it, or the allocator they call, "
                "is named: -fplugin-arg-escape-allocator=%s:DEALLOCATOR"
                % (row.function, 100.0 * row.calls / total, row.function))
    return hints


def warnings(run, profile, rows, total, top):
    """What the user should know about this run, one sentence each."""
    said = []
    status = run["status"]
    if status < 0:
        said.append("%s was killed by %s: a process writes its counts when "
                    "it exits, so its own calls are not counted"
                    % (run["command"][0], _signal_name(-status)))
    if not profile.processes:
        said.append("no process wrote a profile: a static executable, or "
                    "one that ends by _exit, exec or a signal, is not "
                    "counted")
    if profile.lost:
        said.append("%d heap calls at sites beyond the profile's table are "
                    "not shown" % profile.lost)
    without_lines = {}
    for row in rows:
        if row.file is None:
            without_lines[row.module] = \
                without_lines.get(row.module, 0) + row.calls
    system = system_libraries(profile)
    for module in sorted(without_lines):
        share = 100.0 * without_lines[module] / total
        if module in system and share < 1.0:
            continue            # libc's stdio buffer and the like
        if module in system:
            said.append("%.1f%% of the heap calls are made inside %s (a "
                        "system library): they are shown by its function"
                        % (share, module))
        else:
            said.append("%s has no line information (no debug info) for "
                        "%.1f%% of the heap calls: build it with -g to see "
                        "their file:line and verdicts" % (module, share))
    said += _wrapper_hints(_head(rows, total, top), total)
    if run["notes"] and rows and all(r.site is None for r in rows
                                     if r.file):
        said.append("no site is in the notes given: are they the notes of "
                    "this build (-fplugin-arg-escape-report with "
                    "-fdiagnostics-format=json)?")
    return said


def short_names(paths):
    """{path: the shortest trailing part of it that no other of PATHS
    ends with}."""
    names = {}
    split = {p: p.split(os.sep) for p in set(paths)}
    for path, parts in split.items():
        n = 1
        while n < len(parts) and any(
                q != path and q_parts[-n:] == parts[-n:]
                for q, q_parts in split.items()):
            n += 1
        names[path] = os.sep.join(parts[-n:])
    return names


def site_text(row, names):
    if row.file is None:
        return "%s %s" % (os.path.basename(row.module), row.symbol)
    text = "%s:%d" % (names[row.file], row.line)
    if row.function:
        text += " " + row.function
    if row.inlined_into:
        text += " (inlined into %s)" % row.inlined_into
    return text


def _header(run, profile, rows, total):
    processes = len(profile.processes)
    return ("escape-prof: %s: %d heap calls (%d bytes) at %d sites in %d "
            "process%s, exit %d\n" % (
                " ".join(run["command"]), total,
                sum(r.bytes for r in rows), len(rows), processes,
                "" if processes == 1 else "es",
                128 - run["status"] if run["status"] < 0
                else run["status"]))


def report_text(run, profile, rows, top):
    total = sum(r.calls for r in rows)
    shown = _shown(rows, top)
    names = short_names([r.file for r in shown if r.file])
    table = [("CALLS", "SHARE", "BYTES", "CALL", "SITE", "VERDICT")]
    for row in shown:
        table.append((str(row.calls), "%.1f%%" % (100.0 * row.calls / total),
                      str(row.bytes), row.kind, site_text(row, names),
                      verdict_text(row, run["notes"])))
    widths = [max(len(line[i]) for line in table) for i in range(5)]
    out = [_header(run, profile, rows, total)]
    for line in table if shown else []:
        cells = [line[0].rjust(widths[0]), line[1].rjust(widths[1]),
                 line[2].rjust(widths[2]), line[3].ljust(widths[3]),
                 line[4].ljust(widths[4]) if run["notes"] else line[4]]
        if run["notes"]:
            cells.append(line[5])
        out.append("  ".join(cells).rstrip() + "\n")
    if len(shown) < len(rows):
        more = len(rows) - len(shown)
        out.append("(%d more site%s: --top 0 shows all)\n"
                   % (more, "" if more == 1 else "s"))
    out.append(summary(rows, total, top, run["notes"]) + "\n")
    out += ["escape-prof: %s\n" % w
            for w in warnings(run, profile, rows, total, top)]
    return "".join(out)


def _row_json(row, total, notes_given):
    site = row.site
    fields = {
        "calls": row.calls, "share": round(row.calls / total, 6),
        "bytes": row.bytes, "call": row.kind, "file": row.file,
        "line": row.line, "function": row.function,
        "inlined_into": row.inlined_into, "module": row.module,
        "symbol": row.symbol, "addresses": row.addresses,
    }
    if notes_given:
        stackify = {"stack": "moved", "heap": "not moved",
                    "mixed": "moved in part"}
        fields.update(
            verdict=None if site is None else
            "escapes" if any(n.verdict == "escapes" for n in site.report)
            else "does-not-escape",
            reason=None if site is None else
            (site.heap_reasons[0].split(": ", 1)[-1] if site.heap_reasons
             else _how_moved(site)),
            stackify=None if site is None else stackify[site.outcome],
            summary=verdict_text(row, True),
            notes=[] if site is None else [n.message for n in site.notes])
    return fields


def report_json(run, profile, rows, top):
    total = sum(r.calls for r in rows)
    document = {
        "command": run["command"],
        "status": 128 - run["status"] if run["status"] < 0
        else run["status"],
        "processes": [{"pid": pid, "exe": exe}
                      for pid, exe in profile.processes],
        "calls": total, "bytes": sum(r.bytes for r in rows),
        "sites": len(rows), "lost": profile.lost,
        "top": [_row_json(r, total, run["notes"])
                for r in _shown(rows, top)],
        "summary": summary(rows, total, top, run["notes"]),
        "warnings": warnings(run, profile, rows, total, top),
    }
    import json  # only for --json
    return json.dumps(document, indent=2) + "\n"
