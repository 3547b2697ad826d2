#!/bin/sh
# `lcsurvey aggregate` on tests/aggregate/data.csv: the CSV and JSON
# outputs are byte for byte the golden files (whose numbers
# tests/unit/test_aggregate.c checks against R), the table is readable,
# and --by, --small-n and errors behave.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/t.db
y=tests/aggregate/survey.yaml

"$LCSURVEY" import --db "$db" "$y" tests/aggregate/data.csv >"$dir/out"
grep -q "imported 113 respondents" "$dir/out"

"$LCSURVEY" aggregate --db "$db" --format csv "$y" >"$dir/got.csv"
diff -u tests/aggregate/golden.csv "$dir/got.csv"
"$LCSURVEY" aggregate --db "$db" --format=json "$y" >"$dir/got.json"
diff -u tests/aggregate/golden.json "$dir/got.json"

# The table: a heading per indicator, the groups, the single-PSU design.
"$LCSURVEY" aggregate --db "$db" "$y" >"$dir/table"
grep -q "113 interviews, stratified cluster design" "$dir/table"
grep -q "^1.3.2 transport: Satisfaction with public transport" "$dir/table"
grep -q "^  sex=Female " "$dir/table"
# Percentages with one decimal, scores with two, a small ratio with about
# three significant digits (not 0.06 and a standard error of 0.01).
grep -q "^  Total  *277  *41\.1  *1\.8  " "$dir/table"
grep -q "^  Total  *mean  *271  *2\.98  *0\.10  " "$dir/table"
grep -q "^  Total  *254  *0\.0597  *0\.0073  \[ *0\.0431, *0\.0763\]" \
    "$dir/table"

# --by replaces the breakdowns; 'none' leaves the totals.
"$LCSURVEY" aggregate --db "$db" --format csv --by none "$y" >"$dir/none"
[ "$(grep -vc ',Total,' "$dir/none")" -eq 1 ]	# the header only
"$LCSURVEY" aggregate --db "$db" --format csv --by setting "$y" >"$dir/set"
grep -q '^learning,1.1.1,"Adults learning, last 12 months",setting=Rural,' \
    "$dir/set"
! grep -q 'sex=' "$dir/set"
# --small-n: every estimate is on fewer than 1000 rows.
"$LCSURVEY" aggregate --db "$db" --format csv --small-n 1000 "$y" |
    awk -F, 'NR > 1 && $NF != "small_n" { bad = 1 } END { exit bad }'

# Usage errors and a missing database.
rc=0; "$LCSURVEY" aggregate --db "$db" --by age "$y" 2>"$dir/err" || rc=$?
[ "$rc" -eq 64 ] && grep -q "cannot break down by 'age'" "$dir/err"
rc=0; "$LCSURVEY" aggregate --db "$db" --format xml "$y" 2>/dev/null || rc=$?
[ "$rc" -eq 64 ]
rc=0; "$LCSURVEY" aggregate --db "$dir/none.db" "$y" 2>/dev/null || rc=$?
[ "$rc" -eq 66 ] && [ ! -e "$dir/none.db" ]
"$LCSURVEY" aggregate --help | grep -q "^usage: lcsurvey aggregate --db DB"
echo "aggregate golden files match"
