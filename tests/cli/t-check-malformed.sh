#!/bin/sh
# Every file in tests/malformed/ must be refused by `lcsurvey check` with
# exit 65 and the error listed in tests/malformed/EXPECTED, at its exact
# LINE:COL; and every file there must have an expectation.
set -eu
dir=tests/malformed
fail=0 n=0
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for f in "$dir"/*.yaml; do
	name=$(basename "$f" .yaml)
	exp=$(awk -F '\t' -v n="$name" '$1 == n { print $2 "\t" $3 }' "$dir/EXPECTED")
	if [ -z "$exp" ]; then
		echo "no expectation for $f in $dir/EXPECTED"; fail=1; continue
	fi
	pos=${exp%%	*} msg=${exp#*	}
	rc=0
	"$LCSURVEY" check "$f" >"$out" 2>&1 || rc=$?
	n=$((n + 1))
	if [ "$rc" -ne 65 ]; then
		echo "$f: exit $rc, expected 65"; cat "$out"; fail=1; continue
	fi
	if ! grep -qF "$f:$pos: error: $msg" "$out"; then
		echo "$f: expected '$f:$pos: error: $msg'"; echo "got:"; cat "$out"
		fail=1
	fi
done
[ "$n" -ge 30 ] || { echo "only $n malformed files (want at least 30)"; fail=1; }
echo "checked $n malformed questionnaires"
exit $fail
