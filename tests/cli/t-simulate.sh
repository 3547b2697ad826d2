#!/bin/sh
# lcsurvey simulate: reproducible from its seed, lists the questions never
# reached, and with --db stores interviews like typed ones (same tables,
# status complete, design fields, mode 'simulate').
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$LCSURVEY" simulate surveys/example.yaml --n 300 --seed 7 >"$tmp/a"
"$LCSURVEY" simulate surveys/example.yaml --n 300 --seed 7 >"$tmp/b"
"$LCSURVEY" simulate surveys/example.yaml --n 300 --seed 8 >"$tmp/c"
cmp -s "$tmp/a" "$tmp/b" || fail "same seed, different runs"
cmp -s "$tmp/a" "$tmp/c" && fail "different seeds, same run"
head -1 "$tmp/a" | grep -q '^300 interviews: 300 completed, 0 abandoned' ||
    fail "$(head -1 "$tmp/a")"
grep -q '^district  *300 ' "$tmp/a" || fail "district not reached 300 times"
grep -q 'never reached' "$tmp/a" && fail "example has unreachable questions"

"$LCSURVEY" simulate tests/simulate/unreachable.yaml --n 500 >"$tmp/u"
grep -A1 '^never reached in 500 interviews:' "$tmp/u" | grep -q '^  later (line 9)$' ||
    fail "unreachable question not listed: $(cat "$tmp/u")"

db=$tmp/sim.db
"$LCSURVEY" simulate surveys/example.yaml --n 50 --seed 3 --db "$db" >/dev/null
[ "$(sqlite3 "$db" "select count(*) from interviews where mode='simulate' and status='complete'")" = 50 ] ||
    fail "50 complete simulated interviews"
[ "$(sqlite3 "$db" "select count(*) from interviews where stratum is null or cluster is null")" = 0 ] ||
    fail "design fields"
[ "$(sqlite3 "$db" "select count(distinct interview) from answers where question='district'")" = 50 ] ||
    fail "answers"
# A typed interview in the same database has the same shape.
printf '1\n12\n3\n\n2025-03-01\n\n1\nA\n1\n40\n1\n1\n4\n\ncomplete\n' |
    "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/typed"
grep -q '^complete ' "$tmp/typed" || fail "typed: $(cat "$tmp/typed")"
[ "$(sqlite3 "$db" "select count(distinct questionnaire) from interviews")" = 1 ] ||
    fail "same questionnaire row"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail integrity
echo ok
