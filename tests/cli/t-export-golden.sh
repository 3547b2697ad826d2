#!/bin/sh
# lcsurvey export microdata: the long CSV, the codebook and the Stata, SPSS
# and R scripts for two interviews of surveys/example.yaml (a household of
# three with a refusal and a "don't know", and one stopped after a "don't
# know" household size), compared with the golden files in tests/export/.
# UUIDs and times are set by hand so the output is the same every run.
# UPDATE_GOLDEN=1 rewrites the golden files instead.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$tmp/x.db
printf '1\n12\n3\n2.5\n2025-03-01\n\n3\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\nCy "the elder", Jr\n2\n70\n0\n3\n:refused\nall good\ncomplete\n' |
    "$LCSURVEY" script surveys/example.yaml --db "$db" --enumerator ann >/dev/null
printf '2\n7\n4\n\n2025-03-02\n\n:dk\ncomplete\n' |
    "$LCSURVEY" script surveys/example.yaml --db "$db" --enumerator bob >/dev/null
sqlite3 "$db" "
UPDATE interviews SET started_at = '2025-03-01T09:00:00.000Z',
    ended_at = '2025-03-01T09:30:00.000Z';
CREATE TEMP TABLE m AS SELECT uuid AS old, CASE enumerator
    WHEN 'ann' THEN '00000000-0000-4000-8000-000000000001'
    ELSE '00000000-0000-4000-8000-000000000002' END AS new FROM interviews;
UPDATE answers SET interview = (SELECT new FROM m WHERE old = interview);
UPDATE answer_log SET interview = (SELECT new FROM m WHERE old = interview);
UPDATE interviews SET uuid = (SELECT new FROM m WHERE old = uuid);"
[ "$(sqlite3 "$db" "SELECT count(*) FROM interviews WHERE status = 'complete'")" = 2 ] ||
    fail "setup: $(sqlite3 "$db" "SELECT uuid, status FROM interviews")"
cd "$tmp"
for f in stata spss r; do
	"$LCSURVEY" export microdata --db x.db "$OLDPWD/surveys/example.yaml" \
	    --format $f -o example >/dev/null
done
cd "$OLDPWD"
for f in example.csv example-codebook.csv example.do example.sps example.R; do
	if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$tmp/$f" "tests/export/$f"
	else
		diff -u "tests/export/$f" "$tmp/$f" || fail "$f differs from tests/export/$f"
	fi
done
# Every column of the CSV is in the codebook and in each script.
head -1 "$tmp/example.csv" | tr -d '\r' | tr ',' '\n' | while read -r v; do
	grep -q "^$v," "$tmp/example-codebook.csv" || fail "codebook lacks $v"
	grep -q "label variable $v " "$tmp/example.do" || fail ".do lacks $v"
	grep -q "^  $v " "$tmp/example.sps" || fail ".sps lacks $v"
	grep -q "d\[\[\"$v\"\]\], \"label\"" "$tmp/example.R" || fail ".R lacks $v"
done
echo ok
