#!/bin/sh
# testsuite/harness-selftest.sh -- checks the DejaGnu harness itself.
#
# Usage: [CC=gcc-11] testsuite/harness-selftest.sh /path/to/fake/escape.so
#
# The fake plugin must be built for CC (default gcc), the compiler the
# tests run.
#
# The tests in harness.dg/ are written for a FAKE escape plugin, not the real
# one.  Whenever a function has a local variable whose address is taken, the
# fake plugin prints
#     note: address of 'NAME' does not escape
# at the variable's declaration.  It prints nothing when it gets
# -fplugin-arg-escape-report=escapes, and reports an error for any argument
# other than "report".  A variable named ice_me makes it call internal_error,
# exit_me makes it exit (3) without a message, and chatty makes it print a
# stray line on stderr.
# Many of these tests are meant to fail.  This script runs them and compares
# the results with the list below, line for line and in order, and it checks
# runtest's exit status for single tests.
#
# Prints one line per check and ends with "harness-selftest: N passed, M
# failed"; exits 0 only if every check passed.

set -u

if [ $# -ne 1 ]; then
    echo "usage: $0 /path/to/fake/escape.so" >&2
    exit 2
fi
case $1 in
    /*) plugin=$1 ;;
    *) plugin=$(pwd)/$1 ;;
esac
if [ ! -f "$plugin" ]; then
    echo "$0: no plugin at $plugin" >&2
    exit 2
fi
if ! command -v runtest >/dev/null 2>&1; then
    echo "$0: runtest not found (apt-get install dejagnu)" >&2
    exit 2
fi

cc=${CC:-gcc}
testsuite=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$testsuite")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/escape-selftest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
ok () {
    passed=$((passed + 1))
    echo "ok: $1"
}
not_ok () {
    failed=$((failed + 1))
    echo "FAILED: $1"
}

# The results of the whole of harness.dg, in the order of the .sum file.
cat >"$tmp/expected" <<'EOF'
UNRESOLVED: harness.dg/bad-directive.c: bad test directive (see ERROR above)
UNRESOLVED: harness.dg/bad-line-name.c: line 4: no { dg-line nowhere } for line argument nowhere
PASS: harness.dg/bogus.c no diagnostic at line 10 matching: address of 'n' does not escape
FAIL: harness.dg/bogus.c bogus note at line 11: 11:7 address of 'p' does not escape
PASS: harness.dg/bogus.c (test for excess errors)
UNRESOLVED: harness.dg/dg-do-run.c: bad test directive (see ERROR above)
PASS: harness.dg/dg-error.c error at line 7: 'undeclared' undeclared (first use in this function) (literal text)
PASS: harness.dg/dg-error.c note at line 7: each undeclared identifier is reported only once for each function it appears in
PASS: harness.dg/dg-error.c (test for excess errors)
PASS: harness.dg/escape-args.c (test for excess errors)
FAIL: harness.dg/exact-match.c missing note at line 12: address of 'a' (prefix only)
PASS: harness.dg/exact-match.c note at line 13: address of '.' does not escape (regexp)
PASS: harness.dg/exact-match.c note at line 14: address of 'c' does not (escape|leak) (braces)
PASS: harness.dg/exact-match.c note at line 21: address of 'x' does not escape
PASS: harness.dg/exact-match.c warning at line 22: function returns address of local variable (without the option tag)
PASS: harness.dg/exact-match.c note at line 28: address of 'y' does not escape
PASS: harness.dg/exact-match.c warning at line 29: function returns address of local variable \[-Wreturn-local-addr\] (with the option tag)
FAIL: harness.dg/exact-match.c excess note: 12:7 address of 'a' does not escape
PASS: harness.dg/excess-note.c note at line 9: address of 'a' does not escape
FAIL: harness.dg/excess-note.c excess note: 10:7 address of 'q' does not escape
PASS: harness.dg/gcc-notes.c note at line 11: shadowed declaration is here
PASS: harness.dg/gcc-notes.c warning at line 13: declaration of 'v' shadows a previous local
PASS: harness.dg/gcc-notes.c note at line 13: address of 'v' does not escape
PASS: harness.dg/gcc-notes.c (test for excess errors)
FAIL: harness.dg/ice.c internal compiler error: 9:1 fake escape plugin crashed on 'ice_me'
FAIL: harness.dg/kinds.c missing warning at line 9: address of 'a' does not escape
FAIL: harness.dg/kinds.c missing note at line 10: function returns address of local variable
FAIL: harness.dg/kinds.c excess warning: 10:10 function returns address of local variable [-Wreturn-local-addr]
FAIL: harness.dg/kinds.c excess note: 9:7 address of 'a' does not escape
PASS: harness.dg/line-forms.c note at line 10: address of 'a' does not escape (by name)
PASS: harness.dg/line-forms.c note at line 18: address of 'b' does not escape (forward name)
PASS: harness.dg/line-forms.c note at line 14: address of 'c' does not escape (relative +)
PASS: harness.dg/line-forms.c note at line 15: address of 'd' does not escape (relative -)
PASS: harness.dg/line-forms.c note at line 22: address of 'e' does not escape (absolute)
PASS: harness.dg/line-forms.c note at line 21: address of '[xy]' does not escape (either)
PASS: harness.dg/line-forms.c note at line 21: address of 'x' does not escape (only x)
PASS: harness.dg/line-forms.c (test for excess errors)
PASS: harness.dg/line-zero.c warning at line 0: command-line option '-Wctor-dtor-privacy' is valid for C++/ObjC++ but not for C
PASS: harness.dg/line-zero.c (test for excess errors)
PASS: harness.dg/matched-note.c note at line 10: address of 'a' does not escape
PASS: harness.dg/matched-note.c (test for excess errors)
FAIL: harness.dg/missing-note.c missing note at line 8: address of 'b' does not escape
PASS: harness.dg/missing-note.c (test for excess errors)
PASS: harness.dg/require-gcc-old.c note at line 10: address of 'a' does not escape
PASS: harness.dg/require-gcc-old.c (test for excess errors)
UNSUPPORTED: harness.dg/require-gcc.c: needs GCC 999
PASS: harness.dg/silent-exit.c (test for excess errors)
FAIL: harness.dg/silent-exit.c compiler exited with status 1
FAIL: harness.dg/stray-output.c excess output: fake escape plugin: debug output
FAIL: harness.dg/unexpected-error.c excess error: 8:10 'undeclared' undeclared (first use in this function)
FAIL: harness.dg/unexpected-error.c excess note: 8:10 each undeclared identifier is reported only once for each function it appears in
FAIL: harness.dg/unexpected-error.c compiler exited with status 1
FAIL: harness.dg/wrong-line.c missing note at line 13: address of 'a' does not escape (a line late)
FAIL: harness.dg/wrong-line.c missing note at line 7: address of 'a' does not escape (column as line)
FAIL: harness.dg/wrong-line.c excess note: 12:7 address of 'a' does not escape
XFAIL: harness.dg/xfail.c missing note at line 9: address of 'n' does not escape
XPASS: harness.dg/xfail.c note at line 10: address of 'p' does not escape
PASS: harness.dg/xfail.c (test for excess errors)
EOF

# The summary that goes with it.
printf '%s\n' \
    '# of expected passes		34' \
    '# of unexpected failures	18' \
    '# of unexpected successes	1' \
    '# of expected failures		1' \
    '# of unresolved testcases	3' \
    '# of unsupported tests		1' >"$tmp/expected-summary"

results='^(PASS|FAIL|XPASS|XFAIL|KPASS|KFAIL|UNRESOLVED|UNSUPPORTED|UNTESTED):'

# 1. All of harness.dg, run as documented: from the top of the repository
#    with a relative --srcdir, the object and log files elsewhere.
out=$tmp/full
mkdir -p "$out"
(cd "$top" && runtest --tool escape --srcdir testsuite --objdir "$out" \
    --outdir "$out" PLUGIN="$plugin" CC="$cc" harness.dg/dg.exp) \
    >"$out/stdout" 2>&1
status=$?
if [ $status -eq 1 ]; then
    ok "runtest on harness.dg exits with status 1"
else
    not_ok "runtest on harness.dg exits with status $status, not 1"
fi
grep -E "$results" "$out/escape.sum" >"$out/results"
if diff -u "$tmp/expected" "$out/results" >"$out/diff"; then
    ok "harness.dg results are as expected ($(wc -l <"$tmp/expected") lines)"
else
    not_ok "harness.dg results differ from the expected ones:"
    cat "$out/diff"
fi
grep '^# of ' "$out/escape.sum" >"$out/summary"
if diff -u "$tmp/expected-summary" "$out/summary" >"$out/diff"; then
    ok "harness.dg summary counts are as expected"
else
    not_ok "harness.dg summary counts differ:"
    cat "$out/diff"
fi
errors=$(grep -c '^ERROR: harness.dg/\(bad-directive\|dg-do-run\)\.c: ' \
	 "$out/escape.sum")
if [ "$errors" -eq 4 ]; then
    ok "bad directives are reported as ERRORs"
else
    not_ok "expected 4 ERROR lines for bad directives, got $errors"
fi
if [ -z "$(find "$out" -name '*.o')" ]; then
    ok "no object files are left behind"
else
    not_ok "object files left behind: $(find "$out" -name '*.o')"
fi

# 2. Single tests, through the default escape.dg/dg.exp driver: a copy of
#    the testsuite whose escape.dg holds the harness tests, so that runtest's
#    "dg.exp=FILE" selection works (DejaGnu ignores it for harness.dg/dg.exp).
tree=$tmp/tree/testsuite
mkdir -p "$tree/escape.dg"
cp -R "$testsuite/lib" "$testsuite/config" "$tree/"
cp "$testsuite/escape.dg/dg.exp" "$testsuite"/harness.dg/*.c "$tree/escape.dg/"

# run_one NAME EXPECTED-STATUS FILES...
run_one () {
    name=$1
    expected=$2
    shift 2
    out=$tmp/run-$name
    mkdir -p "$out"
    (cd "$tmp" && runtest --tool escape --srcdir "$tree" --objdir "$out" \
	--outdir "$out" PLUGIN="$plugin" CC="$cc" "dg.exp=$*") \
	>"$out/stdout" 2>&1
    status=$?
    count=$(grep -cE "$results" "$out/escape.sum")
    if [ $status -eq "$expected" ] && [ "$count" -gt 0 ]; then
	ok "$name: runtest exits with status $status ($count results)"
    else
	not_ok "$name: runtest exits with status $status (expected\
 $expected) with $count results"
	grep -E "$results|^ERROR" "$out/escape.sum"
    fi
}

run_one passing 0 matched-note.c gcc-notes.c line-forms.c line-zero.c \
    escape-args.c dg-error.c
for t in excess-note missing-note exact-match kinds wrong-line bogus ice \
	 silent-exit stray-output unexpected-error xfail bad-directive \
	 bad-line-name dg-do-run; do
    run_one "$t" 1 "$t.c"
done

# 3. Without a plugin every test is UNRESOLVED and runtest fails.
out=$tmp/no-plugin
mkdir -p "$out"
(cd "$tmp" && runtest --tool escape --srcdir "$tree" --objdir "$out" \
    --outdir "$out" PLUGIN="$tmp/no-such-plugin.so" CC="$cc" \
    "dg.exp=matched-note.c") \
    >"$out/stdout" 2>&1
status=$?
if [ $status -ne 0 ] \
   && grep -q '^ERROR: plugin .* does not exist' "$out/escape.sum" \
   && grep -q '^UNRESOLVED: escape.dg/matched-note.c: ' "$out/escape.sum"; then
    ok "a missing plugin is an ERROR and makes the tests UNRESOLVED"
else
    not_ok "a missing plugin is not reported (runtest status $status)"
    cat "$out/escape.sum"
fi

echo "harness-selftest: $passed passed, $failed failed"
[ $failed -eq 0 ]
