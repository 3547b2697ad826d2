#!/bin/sh
# `lcsurvey import` refuses bad CSV (wrong type, unknown choice code,
# ragged row, invalid UTF-8, malformed quoting, unknown column, answers
# beyond the roster, an answer where the question does not apply) with
# FILE:LINE:COLUMN and exit 65, and leaves the database exactly as it was
# (one transaction); a database it created is removed again.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db=$dir/t.db
y=tests/aggregate/survey.yaml
"$LCSURVEY" import --db "$db" "$y" tests/aggregate/data.csv >/dev/null

sum() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$db" .dump | sha256sum
	else
		"$LCSURVEY" aggregate --db "$db" --format csv "$y" | sha256sum
	fi
}
before=$(sum)

H=district,cluster,weight,setting,hh_size,income,spend,library,sex.1,age.1,learned.1,transport.1
OK=1,2,100.5,1,1,1000,50,1,2,40,1,4
fail=0
# expect NAME LINE:COL MESSAGE-PART FORMAT [ARG...]: writes the CSV with
# printf FORMAT ARG... and checks the refusal (no pipeline into this
# function: fail must be set in this shell).
expect() {
	f=$dir/$1.csv name=$1 pos=$2 msg=$3
	shift 3
	# shellcheck disable=SC2059
	printf "$@" >"$f"
	rc=0
	"$LCSURVEY" import --db "$db" "$y" "$f" >"$dir/out" 2>&1 || rc=$?
	if [ "$rc" -ne 65 ]; then
		echo "$name: exit $rc, expected 65"; cat "$dir/out"; fail=1
	elif ! grep -qF "$f:$pos: error: $msg" "$dir/out"; then
		echo "$name: expected '$f:$pos: error: $msg'; got:"
		cat "$dir/out"; fail=1
	fi
	if [ "$(sum)" != "$before" ]; then
		echo "$name: the database changed"; fail=1
	fi
}

expect wrong-type 3:10 "column 'age': 'abc' is not a whole number" \
    '%s\n%s\n1,3,80,2,1,900,10,0,1,abc,0,3\n' "$H" "$OK"
expect unknown-choice 3:1 "column 'district': '9' is not one of the choices" \
    '%s\n%s\n9,3,80,2,1,900,10,0,1,33,0,3\n' "$H" "$OK"
expect ragged-short 4:7 "too few fields: 6 of the header's 12" \
    '%s\n%s\n%s\n1,3,80,2,1,900\n' "$H" "$OK" "$OK"
expect ragged-long 3:13 "too many fields: the header has 12" \
    '%s\n%s\n%s,7\n' "$H" "$OK" "$OK"
expect invalid-utf8 3:6 "column 'income': invalid UTF-8" \
    '%s\n%s\n1,3,80,2,1,9\377\376,10,0,1,33,0,3\n' "$H" "$OK"
expect bad-quote 3:4 "malformed CSV" \
    '%s\n%s\n1,3,80,"2"x,1,900,10,0,1,33,0,3\n' "$H" "$OK"
expect unknown-column 1:13 "unknown column 'colour'" \
    '%s,colour\n%s,red\n' "$H" "$OK"
expect beyond-roster 3:7 "column 'sex.2': the roster has 1 member" \
    'district,cluster,weight,hh_size,sex.1,age.1,sex.2\n1,1,5,1,1,30,\n1,1,5,1,1,30,2\n'
expect not-relevant 2:6 \
    "column 'learned': answered, but the question does not apply" \
    'district,cluster,weight,hh_size,age.1,learned.1\n1,1,5,1,7,1\n'
expect below-min 3:6 "column 'income': -5 is below the minimum 0" \
    '%s\n%s\n1,3,80,2,1,-5,10,0,1,33,0,3\n' "$H" "$OK"

# Several problems are all listed, and a new database is not left behind.
printf '%s\n1,3,80,2,1,x,10,0,1,33,0,3\n1,3,80,2,1,900,10,0,7,33,0,3\n' "$H" \
    >"$dir/two.csv"
rc=0
"$LCSURVEY" import --db "$dir/new.db" "$y" "$dir/two.csv" 2>"$dir/out" || rc=$?
[ "$rc" -eq 65 ] || { echo "two: exit $rc"; fail=1; }
grep -qF "two.csv:2:6:" "$dir/out" && grep -qF "two.csv:3:9:" "$dir/out" ||
    { echo "two: both errors expected"; cat "$dir/out"; fail=1; }
[ ! -e "$dir/new.db" ] || { echo "new.db left behind"; fail=1; }

# A good file after all that still imports, in addition.
printf '%s\n%s\n' "$H" "$OK" >"$dir/good.csv"
"$LCSURVEY" import --db "$db" "$y" "$dir/good.csv" | grep -q "imported 1 respondent "
[ "$(sum)" != "$before" ] || { echo "good import changed nothing"; fail=1; }
exit $fail
