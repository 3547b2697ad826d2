#!/bin/sh
# lcsurvey field-report: per day and enumerator, interviews complete /
# partial / abandoned, the median duration, the slowest questions and the
# share of "don't know", with times set by hand (TZ=UTC for the day).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export TZ=UTC
db=$tmp/x.db
take() { printf "$2" | "$LCSURVEY" script surveys/example.yaml --db "$db" --enumerator "$1" >/dev/null; }
full='1\n12\n3\n\n2025-03-01\n\n1\nAmina\n2\n34\n1\n1 2\n5.5\n4\n\ncomplete\n'
take ann "$full"
take ann "$full"
take ann "$full"
take ann '1\n12\n4\n'
take bob '2\n7\n4\n\n2025-03-02\n\n:dk\ncomplete\n'
take bob '2\n7\n5\n'
sqlite3 "$db" "
UPDATE interviews SET status = 'abandoned', ended_at = started_at
    WHERE enumerator = 'bob' AND status = 'partial';
UPDATE interviews SET started_at = '2025-03-01T08:00:00.000Z';
UPDATE interviews SET ended_at = CASE (SELECT count(*) FROM interviews j
    WHERE j.rowid < interviews.rowid) WHEN 0 THEN '2025-03-01T08:10:00.000Z'
    WHEN 1 THEN '2025-03-01T08:20:00.000Z' ELSE '2025-03-01T08:40:00.000Z' END
    WHERE status = 'complete' AND enumerator = 'ann';
UPDATE interviews SET ended_at = '2025-03-02T08:05:00.000Z'
    WHERE status = 'complete' AND enumerator = 'bob';
UPDATE answers SET seconds = CASE question WHEN 'learned' THEN 40
    WHEN 'age' THEN 30 WHEN 'name' THEN 20 ELSE 2 END;
UPDATE interviews SET started_at = '2025-03-02T08:00:00.000Z'
    WHERE enumerator = 'bob';"
"$LCSURVEY" field-report --db "$db" --format csv >"$tmp/csv"
line() { grep "^$1,$2," "$tmp/csv" | tr -d '\r'; }
a=$(line 2025-03-01 ann)
case $a in
2025-03-01,ann,3,1,0,20.0,*,0,0.0,learned,40.0,age,30.0,name,20.0) ;;
*) fail "ann: $a" ;;
esac
b=$(line 2025-03-02 bob)
case $b in
2025-03-02,bob,1,0,1,5.0,*,1,*) ;;
*) fail "bob: $b" ;;
esac
[ "$(wc -l <"$tmp/csv")" -eq 3 ] || fail "rows: $(cat "$tmp/csv")"
"$LCSURVEY" field-report --db "$db" >"$tmp/table"
grep -q '^2025-03-01  ann  *3  *1  *0  *20.0m  *0.0%  learned 40s, age 30s, name 20s$' "$tmp/table" ||
    fail "table: $(cat "$tmp/table")"
set +e
"$LCSURVEY" field-report --db "$tmp/none.db" 2>"$tmp/err"
rc=$?
set -e
[ $rc -eq 66 ] || fail "missing database: status $rc"
grep -q "no such file" "$tmp/err" || fail "message: $(cat "$tmp/err")"
echo ok
