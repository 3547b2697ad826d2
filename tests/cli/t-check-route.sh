#!/bin/sh
# Route analysis in `lcsurvey check`: a question that can never be asked
# gets a located warning, and a warning alone does not fail the check.
set -eu
: "${LCSURVEY:=./lcsurvey}"
f=tests/route/unreachable.yaml
err=$(mktemp)
trap 'rm -f "$err"' EXIT

rc=0
"$LCSURVEY" check "$f" >/dev/null 2>"$err" || rc=$?
if [ "$rc" -ne 0 ]; then
	echo "lcsurvey check $f exited $rc (warnings only: want 0)"
	cat "$err"
	exit 1
fi
want="$f:20:9: warning: question 'centenarian_plus' can never be asked: 'age > 150' is never true ('age' is at most 120)"
if ! grep -qxF "$want" "$err"; then
	echo "want: $want"
	echo "got:"
	cat "$err"
	exit 1
fi
# Nothing else: the rest of the file is fine.
if [ "$(wc -l <"$err")" -ne 1 ]; then
	echo "more than one diagnostic:"
	cat "$err"
	exit 1
fi
