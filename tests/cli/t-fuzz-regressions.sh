#!/bin/sh
# Every input the fuzzers ever crashed on (tests/fuzz/regressions/*.yaml)
# must now be checked cleanly: `lcsurvey check` exits 0 (valid) or 65
# (refused, with a located error), never a signal, another code or a
# sanitizer report. See tests/fuzz/README for how files get here.
set -eu
: "${LCSURVEY:=./lcsurvey}"
dir=tests/fuzz/regressions
fail=0 n=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in "$dir"/*.yaml; do
	[ -f "$f" ] || continue
	n=$((n + 1))
	rc=0
	"$LCSURVEY" check "$f" >"$out" 2>&1 || rc=$?
	if [ "$rc" -ne 0 ] && [ "$rc" -ne 65 ]; then
		echo "$f: exit $rc, expected 0 or 65"; head -c 4000 "$out"
		fail=1
		continue
	fi
	if grep -q -e 'Sanitizer' -e 'runtime error' "$out"; then
		echo "$f: sanitizer report"; head -c 4000 "$out"; fail=1
		continue
	fi
	if [ "$rc" -eq 65 ] && ! grep -q "^$f:[0-9]*:[0-9]*: error: \|^$f: error: " "$out"; then
		echo "$f: exit 65 without a located error:"; head -c 4000 "$out"
		fail=1
	fi
done
echo "checked $n fuzz regression inputs"
exit $fail
