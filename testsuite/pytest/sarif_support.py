"""Helpers of the SARIF tests (test_sarif*.py): the plugin's notes in the
text output and in a log, the rule a message calls for, the validators.

The validators are npm packages that "make deps" installs into
testsuite/sarif (ci/install-sarif-validators.sh); without them the tests
that use the validators fixture are skipped."""

import json
import os
import pathlib
import re
import urllib.parse

import pytest

from conftest import NOTE_RE, PLUGIN_NOTE_RE, ROOT, run

SARIF_DIR = ROOT / "testsuite" / "sarif"
VALIDATE_JS = SARIF_DIR / "validate.js"
MULTITOOL = SARIF_DIR / "node_modules" / "@microsoft" / \
    "sarif-multitool-linux" / "Sarif.Multitool"


# The notes PLUGIN_NOTE_RE leaves out: the stackify pass's, and a
# parameter's whose contents escape.
OTHER_NOTE_RE = re.compile(
    r"^(?:allocation of .* (?:moved to stack.*|does not escape; "
    r"(?:stays on heap|grows a block moved to stack): .+)"
    r"|parameter '[^']*' (?:does not escape|leaks to return value); "
    r"its contents escape: .+)$")

# The rule a message's text says it has (the plugin never reads its own
# text back: it carries the kind; the test checks that both agree).
REASON_RULES = [
    (r"returned to caller$", "returned"),
    (r"stored in global '[^']*'$", "stored-in-global"),
    (r"stored through parameter '[^']*'$", "stored-through-parameter"),
    (r"stored in memory that escapes$", "stored-in-escaping-memory"),
    (r"passed to '[^']*' \(argument \d+\), which keeps it$",
     "passed-to-keeping-function"),
    (r"passed to '[^']*' \(argument \d+\), which may keep it$",
     "passed-to-unknown-function"),
    (r"passed to a function through a pointer$",
     "passed-through-function-pointer"),
    (r"handed to another thread by '[^']*'$", "handed-to-thread"),
    (r"converted to an integer$", "converted-to-integer"),
    (r"used by inline assembly$", "used-by-inline-asm"),
    (r"captured by nested function '[^']*'$",
     "captured-by-nested-function"),
    (r"unsupported construct \(.*\)$", "unsupported-construct"),
]

REFUSAL_RULES = [
    (r"only malloc, calloc, aligned_alloc", "not-movable-allocator"),
    (r"the size '[^']*' allocates is not known", "allocator-size-unknown"),
    (r"the allocator may throw", "allocator-may-throw"),
    (r"size is not a constant, and stackify-max is 0", "run-time-size"),
    (r"larger than stackify-max", "larger-than-stackify-max"),
    (r"alignment is not a constant", "alignment"),
    (r"function calls setjmp", "calls-setjmp"),
    (r"function may recurse", "may-recurse"),
    (r"resized by '", "resized"),
    (r"freed or used as heap memory", "freed-elsewhere"),
    (r"freed through a pointer that may hold another", "free-may-free-another"),
    (r"frame budget used up", "frame-budget"),
]


def reason_slug(reason):
    for pattern, slug in REASON_RULES:
        if re.match(pattern, reason):
            return slug
    raise AssertionError("no rule for reason %r" % reason)


def expected_rule(message):
    """The rule id the message's text calls for."""
    m = re.search(r"; stays on heap: (.*)$", message)
    if m:
        for pattern, slug in REFUSAL_RULES:
            if re.match(pattern, m.group(1)):
                return "escape/stays-on-heap/" + slug
        raise AssertionError("no rule for refusal %r" % message)
    if "grows a block moved to stack" in message:
        return "escape/grows-moved-block"
    if "moved to stack" in message:
        return "escape/moved-to-stack"
    m = re.search(r" escapes: (.*?)(?:; its contents escape: .*)?$", message)
    if m:
        return "escape/escapes/" + reason_slug(m.group(1))
    m = re.search(r"; its contents escape: (.*)$", message)
    if m:
        return "escape/contents-escape/" + reason_slug(m.group(1))
    if message.endswith("leaks to return value"):
        return "escape/leaks-to-return"
    assert message.endswith("does not escape"), message
    return "escape/does-not-escape"


def plugin_note(message):
    return PLUGIN_NOTE_RE.match(message) or OTHER_NOTE_RE.match(message)


MACRO_NOTE_RE = re.compile(r"^in expansion of macro '[^']*'$")
PATH_EVENT_RE = re.compile(r"^\(\d+\) ")


def text_notes(stderr, cwd, related=False):
    """The plugin's notes in the text output, as (absolute file, line,
    byte column, message), with RELATED a fifth member: the "in expansion
    of macro" notes that follow, each as (file, line, byte column,
    message)."""
    notes = []
    in_path = False  # the macro notes of a path's events are theirs
    for m in NOTE_RE.finditer(stderr):
        note = (os.path.normpath(os.path.join(cwd, m.group("file"))),
                int(m.group("line")), int(m.group("col")), m.group("msg"))
        if plugin_note(note[3]):
            notes.append(note + ((),) if related else note)
            in_path = False
        elif PATH_EVENT_RE.match(note[3]):
            in_path = True
        elif (related and notes and not in_path
              and MACRO_NOTE_RE.match(note[3])):
            notes[-1] = notes[-1][:4] + (notes[-1][4] + (note,),)
    return notes


def utf16_column(path, line, byte_column):
    """Byte column BYTE_COLUMN of LINE of PATH, in UTF-16 code units."""
    text = pathlib.Path(path).read_bytes().split(b"\n")[line - 1]
    before = text[:byte_column - 1].decode("utf-8", errors="replace")
    return len(before.encode("utf-16-le")) // 2 + 1


def artifact_path(run_, location):
    """The absolute file path of LOCATION's artifact."""
    art = location["physicalLocation"]["artifactLocation"]
    uri = art["uri"]
    if "uriBaseId" in art:
        uri = run_["originalUriBaseIds"][art["uriBaseId"]]["uri"] + uri
    parsed = urllib.parse.urlparse(uri)
    assert parsed.scheme == "file", uri
    return urllib.parse.unquote(parsed.path)


def place(run_, location, message):
    region = location["physicalLocation"]["region"]
    return (artifact_path(run_, location), region["startLine"],
            region["startColumn"], message["text"])


def sarif_notes(log, related=False):
    """The results of LOG as (absolute file, line, UTF-16 column,
    message), with RELATED their relatedLocations as a fifth member."""
    run_ = log["runs"][0]
    notes = []
    for result in run_["results"]:
        note = place(run_, result["locations"][0], result["message"])
        if related:
            note += (tuple(place(run_, r, r["message"]) for r in
                           result.get("relatedLocations", ())),)
        notes.append(note)
    return notes


def in_utf16(note):
    """NOTE from text_notes with its columns in UTF-16 code units."""
    f, line, col, msg = note[:4]
    converted = (f, line, utf16_column(f, line, col), msg)
    if len(note) > 4:
        converted += (tuple(in_utf16(r) for r in note[4]),)
    return converted


def compile_with_log(compile, src, *flags, args=("report",),
                     log="out.sarif", **kw):
    """Compiles SRC with -fplugin-arg-escape-sarif=LOG (in the test's
    directory); returns (returncode, stderr, the log's bytes or None)."""
    cwd = kw.pop("cwd", None)
    rc, _out, err = compile(src, "-fdiagnostics-column-unit=byte", *flags,
                            args=tuple(args) + ("sarif=" + log,), cwd=cwd,
                            **kw)
    return rc, err, log


@pytest.fixture
def logged(compile, tmp_path):
    """logged(src, *flags, args=..., log='out.sarif') -> (rc, stderr,
    log as JSON or None, log's bytes or None), compiled in tmp_path."""
    def logged(src, *flags, args=("report",), log="out.sarif", **kw):
        rc, err, name = compile_with_log(compile, src, *flags, args=args,
                                         log=log, cwd=tmp_path, **kw)
        path = tmp_path / name
        data = path.read_bytes() if path.is_file() else None
        return rc, err, json.loads(data) if data else None, data
    return logged


@pytest.fixture(scope="session")
def validators():
    if not (SARIF_DIR / "node_modules").is_dir() or not MULTITOOL.is_file():
        pytest.skip("the SARIF validators are not installed: run "
                    "'make deps' (ci/install-sarif-validators.sh)")
    return SARIF_DIR


def schema_errors(paths):
    """Ajv's complaints about the logs at PATHS against the SARIF 2.1.0
    schema ('' if they are valid)."""
    rc, out, err = run(["node", VALIDATE_JS] + [str(p) for p in paths])
    assert rc in (0, 1), out + err
    return "" if rc == 0 else out + err


def multitool_findings(path):
    """The SARIF Multitool's errors and warnings on the log at PATH, with
    GitHub Advanced Security's rules."""
    env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1",
               DOTNET_SYSTEM_GLOBALIZATION_INVARIANT="1")
    rc, out, err = run([MULTITOOL, "validate", "--rule-kind", "Sarif;Ghas",
                        path], env=env)
    assert "Analysis completed successfully" in out, out + err
    return [line for line in out.splitlines()
            if re.search(r": (error|warning) [A-Z]+\d+:", line)]
