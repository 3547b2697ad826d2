#!/bin/sh
# Every questionnaire shipped in surveys/ must pass `lcsurvey check`, and
# the GNLC instruments must do so without a single warning: a city starts
# collecting with them on day one.
set -eu
: "${LCSURVEY:=./lcsurvey}"
fail=0
for f in surveys/gnlc-household.yaml surveys/gnlc-educator.yaml \
    surveys/gnlc-enterprise.yaml; do
	[ -f "$f" ] || { echo "missing $f"; fail=1; }
done
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT

# All of them in one run, as the issue states it.
rc=0
"$LCSURVEY" check surveys/*.yaml >"$out" 2>"$err" || rc=$?
cat "$out" "$err"
if [ "$rc" -ne 0 ]; then
	echo "lcsurvey check surveys/*.yaml exited $rc"; fail=1
fi

# Then each GNLC file alone: nothing at all on stderr.
for f in surveys/gnlc-*.yaml; do
	rc=0
	"$LCSURVEY" check "$f" >"$out" 2>"$err" || rc=$?
	if [ "$rc" -ne 0 ] || [ -s "$err" ]; then
		echo "$f: exit $rc, diagnostics:"; cat "$err"; fail=1
	fi
	grep -q "^$f: ok: " "$out" || { echo "$f: no 'ok' summary"; fail=1; }
	grep -q "languages en, fr, es, zh\$" "$out" ||
	    { echo "$f: languages are not en, fr, es, zh"; cat "$out"; fail=1; }
done
exit $fail
