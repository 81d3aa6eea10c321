"""escape-summary's --html page: one self-contained file (inline CSS and
JavaScript, no network) with every site of the notes in a table that sorts
by any column (click its heading; again to reverse) and filters by text,
kind, verdict and outcome.

API:
  page(records, summary) -> the HTML text
      RECORDS: escape-summary's site records (site_record, with "source");
      SUMMARY: its summary (for the totals in the heading).

The page's elements have ids the browser test (testsuite/pytest/
test_escape_summary.py) drives: #filter, #kind, #verdict, #outcome (the
controls), #shown (the count of rows shown), #sites (the table; each
heading has data-key, and aria-sort once sorted by it)."""

import html
import json

COLUMNS = [("location", "Location"), ("functions", "Function"),
           ("kind", "Kind"), ("subject", "Subject"),
           ("verdicts", "Verdicts"), ("outcome", "Outcome"),
           ("reasons", "Reasons"), ("source", "Source line"),
           ("path", "Path")]

_STYLE = """
body { font: 14px/1.4 system-ui, sans-serif; margin: 1em 2em; }
h1 { font-size: 1.3em; }
#controls { margin: 0.5em 0; display: flex; gap: 1em; flex-wrap: wrap; }
#controls input[type=search] { width: 24em; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 2px 6px; text-align: left;
         vertical-align: top; }
th { background: #f0f0f0; cursor: pointer; user-select: none;
     position: sticky; top: 0; }
th[aria-sort=ascending]::after { content: " \\25B2"; }
th[aria-sort=descending]::after { content: " \\25BC"; }
td.source { font-family: monospace; white-space: pre-wrap; }
td.location, td.kind, td.verdicts, td.outcome { white-space: nowrap; }
td.outcome-heap { color: #a00; } td.outcome-mixed { color: #a60; }
td.outcome-stack { color: #070; }
"""

# Sites come from the JSON in #data; rows are built once and re-ordered
# and hidden, not rebuilt, so filtering thousands of sites stays quick.
_SCRIPT = r"""
"use strict";
const sites = JSON.parse(document.getElementById("data").textContent);
const tbody = document.querySelector("#sites tbody");
const columns = [...document.querySelectorAll("#sites th")]
  .map(th => th.dataset.key);

function describe(site) {
  const verdicts = [...new Set(site.notes.map(n => n.verdict))];
  const reasons = site.kind === "allocation" && site.heap_reasons.length
    ? site.heap_reasons
    : site.notes.flatMap(n => [n.reason && n.verdict + ": " + n.reason,
        n.contents_reason && "contents escape: " + n.contents_reason])
      .filter(Boolean);
  return {
    location: site.file + ":" + site.line + ":" + site.column,
    functions: site.functions.join(", "),
    kind: site.kind, subject: site.subject,
    verdicts: verdicts.join(", "), verdictList: verdicts,
    outcome: site.outcome || "",
    reasons: [...new Set(reasons)].join("; "),
    source: site.source == null ? "" : site.source.trim(),
    path: site.notes.flatMap(n => n.path).join("\n"),
  };
}

const rows = sites.map(site => {
  const cells = describe(site);
  const tr = document.createElement("tr");
  for (const key of columns) {
    const td = document.createElement("td");
    td.className = key + (key === "outcome" ? " outcome-" + cells.outcome : "");
    td.textContent = cells[key];
    tr.appendChild(td);
  }
  return { site, cells, tr,
           text: columns.map(k => cells[k]).join("\t").toLowerCase() };
});

function compare(a, b, key) {
  if (key === "location") {
    return a.site.file < b.site.file ? -1 : a.site.file > b.site.file ? 1
      : a.site.line - b.site.line || a.site.column - b.site.column;
  }
  const x = a.cells[key], y = b.cells[key];
  return x < y ? -1 : x > y ? 1 : compare(a, b, "location");
}

let sortKey = "location", direction = 1;

function show() {
  const text = document.getElementById("filter").value.toLowerCase();
  const kind = document.getElementById("kind").value;
  const verdict = document.getElementById("verdict").value;
  const outcome = document.getElementById("outcome").value;
  rows.sort((a, b) => direction * compare(a, b, sortKey));
  let shown = 0;
  const fragment = document.createDocumentFragment();
  for (const row of rows) {
    const visible = (!text || row.text.includes(text))
      && (!kind || row.cells.kind === kind)
      && (!verdict || row.cells.verdictList.includes(verdict))
      && (!outcome || row.cells.outcome === outcome);
    row.tr.hidden = !visible;
    shown += visible;
    fragment.appendChild(row.tr);
  }
  tbody.appendChild(fragment);
  document.getElementById("shown").textContent =
    shown + " of " + rows.length + " sites";
  for (const th of document.querySelectorAll("#sites th")) {
    if (th.dataset.key === sortKey)
      th.setAttribute("aria-sort", direction > 0 ? "ascending" : "descending");
    else
      th.removeAttribute("aria-sort");
  }
}

for (const th of document.querySelectorAll("#sites th")) {
  th.addEventListener("click", () => {
    direction = th.dataset.key === sortKey ? -direction : 1;
    sortKey = th.dataset.key;
    show();
  });
}
for (const id of ["filter", "kind", "verdict", "outcome"]) {
  document.getElementById(id).addEventListener("input", show);
  document.getElementById(id).addEventListener("change", show);
}
show();
"""


def _options(element_id, label, values):
    options = ['<option value="">all</option>'] + [
        '<option value="%s">%s</option>' % (html.escape(v), html.escape(v))
        for v in values]
    return ('<label>%s <select id="%s">%s</select></label>'
            % (label, element_id, "".join(options)))


def _data_script(records):
    """RECORDS as JSON inside a script element: "</" cannot end it."""
    text = json.dumps(records, sort_keys=True).replace("</", "<\\/")
    return '<script id="data" type="application/json">%s</script>' % text


def page(records, summary):
    """The HTML page of RECORDS (see the module's docstring)."""
    verdicts = [v for v, n in summary["verdicts"].items() if n]
    counts = summary["counts"]
    heading = ("%d notes at %d source positions in %d files; %d allocation "
               "sites left on the heap" % (counts["notes"], counts["sites"],
                                           counts["files"],
                                           len(summary["heap"])))
    headings = "".join('<th data-key="%s">%s</th>' % (key, title)
                       for key, title in COLUMNS)
    return """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>escape-summary</title><style>%s</style></head>
<body>
<h1>Escape analysis: the notes of a build</h1>
<p>%s</p>
<div id="controls">
<label>Filter <input type="search" id="filter" placeholder="text in any column"></label>
%s %s %s <span id="shown"></span>
</div>
<table id="sites"><thead><tr>%s</tr></thead><tbody></tbody></table>
%s
<script>%s</script>
</body></html>
""" % (_STYLE, html.escape(heading),
       _options("kind", "Kind", ["local", "allocation", "parameter"]),
       _options("verdict", "Verdict", verdicts),
       _options("outcome", "Outcome", ["stack", "heap", "mixed"]),
       headings, _data_script(records), _SCRIPT)
