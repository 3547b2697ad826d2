#!/bin/sh
# Runs every unit test binary and every command-line test against one build.
# usage: tests/run-all.sh LABEL LCSURVEY_BINARY UNIT_DIR
# Ends with the plain closing line "LABEL: N passed, N failed".
set -u
label=$1 bin=$2 unitdir=$3
LCSURVEY=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
export LCSURVEY
LCSURVEY_LABEL=$label
export LCSURVEY_LABEL
TOP=$(pwd)
export TOP
passed=0 failed=0 failures=""

for t in "$unitdir"/test_*; do
	[ -x "$t" ] || continue
	if "$t" >"$t.log" 2>&1; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1)); failures="$failures $t"
		cat "$t.log"
	fi
	grep -E '^\[  (PASSED|FAILED) \]' "$t.log" | sed "s|^|$(basename "$t"): |"
done

for t in tests/cli/t-*.sh; do
	[ -f "$t" ] || continue
	log="build/$label-$(basename "$t" .sh).log"
	if sh "$t" >"$log" 2>&1; then
		passed=$((passed + 1)); echo "ok   $t"
	else
		failed=$((failed + 1)); failures="$failures $t"
		echo "FAIL $t"; sed 's/^/    /' "$log" | tail -40
	fi
done

[ -n "$failures" ] && echo "$label: failed:$failures"
echo "$label: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
