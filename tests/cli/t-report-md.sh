#!/bin/sh
# `lcsurvey report --format md` on the aggregation test dataset (issue 5):
# byte for byte the golden files in tests/report/, for one survey with
# small-n flags and for two surveys on one database. Imported interviews
# are stamped with the time of the import, so the fieldwork dates are set
# to fixed days first. Regenerate a golden file after a deliberate change
# with REPORT_GOLDEN_UPDATE=1.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$dir/t.db
y=tests/aggregate/survey.yaml
srs=tests/aggregate/survey-srs.yaml

"$LCSURVEY" import --db "$db" "$y" tests/aggregate/data.csv >/dev/null
"$LCSURVEY" import --db "$db" "$srs" tests/aggregate/data.csv >/dev/null
# Fieldwork from 4 to 23 March 2024 (UTC), one interview a day in turn.
sqlite3 "$db" "UPDATE interviews SET
    started_at = printf('2024-03-%02dT08:%02d:00.000Z', 4 + rowid % 20,
        rowid % 60),
    ended_at = printf('2024-03-%02dT09:%02d:00.000Z', 4 + rowid % 20,
        rowid % 60),
    updated_at = printf('2024-03-%02dT09:%02d:00.000Z', 4 + rowid % 20,
        rowid % 60)"

golden() {
	name=$1; shift
	"$LCSURVEY" report --db "$db" --format md "$@" >"$dir/$name"
	if [ "${REPORT_GOLDEN_UPDATE:-}" = 1 ]; then
		cp "$dir/$name" "tests/report/$name"
		echo "updated tests/report/$name"
	fi
	diff -u "tests/report/$name" "$dir/$name" ||
	    fail "$name differs from tests/report/$name"
}
golden report.md --small-n 60 "$y"
golden report-two.md "$y" "$srs"

# -o writes the same bytes to a file, and nothing to standard output.
"$LCSURVEY" report --db "$db" --small-n 60 -o "$dir/o.md" "$y" >"$dir/stdout"
[ ! -s "$dir/stdout" ] || fail "-o also wrote to standard output"
cmp -s "$dir/o.md" tests/report/report.md || fail "-o FILE differs"
[ ! -e "$dir/o.md.tmp~" ] || fail "temporary file left behind"

# What a reader needs besides the figures.
grep -q '^| Aggregation test survey (`aggtest`) | 1 | 113 | 2024-03-04 to 2024-03-23 | Stratified cluster sample: 12 clusters' \
    tests/report/report.md || fail "survey, fieldwork and design line"
grep -q '^† Fewer than 60 respondents' tests/report/report.md ||
    fail "small-n footnote"
grep -q '| Rural | 42.6% | 20.5–68.2 | 39 † |$' tests/report/report.md ||
    fail "flagged row"
grep -q '^## 2. Major building blocks of a learning city$' \
    tests/report/report.md || fail "part heading from the seed"

# Usage errors and a missing database.
rc=0; "$LCSURVEY" report --db "$db" --format pdf "$y" 2>/dev/null || rc=$?
[ "$rc" -eq 64 ] || fail "unknown format: exit $rc"
rc=0; "$LCSURVEY" report --db "$db" 2>/dev/null || rc=$?
[ "$rc" -eq 64 ] || fail "no survey: exit $rc"
rc=0; "$LCSURVEY" report --db "$dir/none.db" "$y" 2>/dev/null || rc=$?
[ "$rc" -eq 66 ] && [ ! -e "$dir/none.db" ] || fail "missing database"
rc=0; "$LCSURVEY" report --db "$db" -o "$dir/no/such/dir/r.md" "$y" \
    2>/dev/null || rc=$?
[ "$rc" -eq 73 ] || fail "uncreatable output: exit $rc"
"$LCSURVEY" report --help | grep -q "^usage: lcsurvey report --db DB" ||
    fail "--help"
echo "report Markdown golden files match"
