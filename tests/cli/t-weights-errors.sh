#!/bin/sh
# `lcsurvey weights` refuses bad totals and frames with FILE:LINE:COL (or
# the file and the interview at fault), exit 65, and leaves the database
# as it was: a population total of zero for a cell with respondents, a
# cell with respondents but no population, a cell with population but no
# respondents (unless --empty collapse, which merges it and says so),
# margins of different populations, a frame without the interview's
# cluster, a probability out of range.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
w=tests/weights
k=$w/kiosk.yaml
db=$dir/k.db
"$LCSURVEY" import --db "$db" "$k" "$w/kiosk.csv" >/dev/null
"$LCSURVEY" weights --db "$db" "$k" \
    --poststratify "$w/census-sex-age.csv" >/dev/null

sum() {
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$db" .dump | sha256sum
	else
		"$LCSURVEY" aggregate --db "$db" --format csv "$k" | sha256sum
	fi
}
before=$(sum)
fail=0

# expect NAME MESSAGE ARGS...: exit 65 and MESSAGE (a fixed string).
expect() {
	name=$1 msg=$2
	shift 2
	rc=0
	"$LCSURVEY" weights --db "$db" "$k" "$@" >"$dir/out" 2>&1 || rc=$?
	if [ "$rc" -ne 65 ]; then
		echo "$name: exit $rc, expected 65"; cat "$dir/out"; fail=1
	elif ! grep -qF "$msg" "$dir/out"; then
		echo "$name: expected '$msg'; got:"; cat "$dir/out"; fail=1
	fi
}

f=$dir/zero.csv
sed 's/^1,1,61000$/1,1,0/' "$w/census-sex-age.csv" >"$f"
expect zero-total "$f:2:3: error: population total 0 for cell sex=1, agegroup=1, which has 44 respondents" \
    --poststratify "$f"

f=$dir/missing.csv
grep -v '^2,4,' "$w/census-sex-age.csv" >"$f"
expect no-population "error: $f: interview " --poststratify "$f"
grep -qF "is in cell sex=2, agegroup=4, which has no row: respondents but no population" "$dir/out"

f=$dir/empty.csv
{ cat "$w/census-sex-age.csv"; echo "1,5,1000"; } >"$f"
expect no-respondents "$f:10:3: error: cell sex=1, agegroup=5 has a population of 1000 but no respondents (use --empty collapse" \
    --poststratify "$f"
expect no-respondents-stop "$f:10:3: error: cell sex=1, agegroup=5" \
    --poststratify "$f" --empty stop

f=$dir/notnum.csv
sed 's/^2,1,59000$/2,1,lots/' "$w/census-sex-age.csv" >"$f"
expect not-a-number "$f:3:3: error: total 'lots' is not a number" \
    --poststratify "$f"

f=$dir/nototal.csv
sed '1s/total/people/' "$w/census-sex-age.csv" >"$f"
expect no-total-column "$f:1:1: error: no 'total' column" --poststratify "$f"

f=$dir/unknown.csv
sed '1s/agegroup/age/' "$w/census-sex-age.csv" >"$f"
expect unknown-question "$f:1:2: error: unknown question 'age'" \
    --poststratify "$f"

f=$dir/district.csv
sed 's/^3,95000$/3,95001/' "$w/census-district.csv" >"$f"
expect margins-differ "error: $f: totals sum to 480001, but those of $w/census-sex.csv to 480000" \
    --rake "$w/census-sex.csv" --rake "$f"

[ "$(sum)" = "$before" ] || { echo "the database changed"; fail=1; }

# --empty collapse: the empty cell's population goes to its neighbour.
f=$dir/empty.csv
"$LCSURVEY" weights --db "$db" "$k" --poststratify "$f" --empty collapse \
    >"$dir/out" 2>"$dir/err"
grep -qF "$f:10: collapsed cell sex=1, agegroup=5 (population 1000, no respondents) into sex=2, agegroup=4" "$dir/err" ||
    { echo "no collapse note"; cat "$dir/err"; fail=1; }
grep -q "^weights: sum 481000," "$dir/out" || { cat "$dir/out"; fail=1; }

# Household frames.
h=$w/household.yaml
hdb=$dir/h.db
"$LCSURVEY" import --db "$hdb" "$h" "$w/household.csv" >/dev/null
f=$dir/frame.csv
grep -v '^2,12,' "$w/frame.csv" >"$f"
rc=0
"$LCSURVEY" weights --db "$hdb" "$h" --frame "$f" >"$dir/out" 2>&1 || rc=$?
[ "$rc" -eq 65 ] && grep -qF "error: $f: interview " "$dir/out" &&
    grep -qF "(stratum '2', cluster '12') has no row in the frame" "$dir/out" ||
    { echo "frame without a cluster: exit $rc"; cat "$dir/out"; fail=1; }
sed 's/^1,3,.*$/1,3,1.5/' "$w/frame.csv" >"$f"
rc=0
"$LCSURVEY" weights --db "$hdb" "$h" --frame "$f" >"$dir/out" 2>&1 || rc=$?
[ "$rc" -eq 65 ] && grep -qF "$f:4:3: error: prob 1.5 is out of range" "$dir/out" ||
    { echo "bad prob: exit $rc"; cat "$dir/out"; fail=1; }

# Usage errors.
rc=0
"$LCSURVEY" weights --db "$db" "$k" --poststratify "$w/census-sex-age.csv" \
    --rake "$w/census-sex.csv" 2>/dev/null || rc=$?
[ "$rc" -eq 64 ] || { echo "both methods: exit $rc"; fail=1; }
rc=0
"$LCSURVEY" weights --db "$db" "$k" --trim 5,1 2>/dev/null || rc=$?
[ "$rc" -eq 64 ] || { echo "bad trim: exit $rc"; fail=1; }
exit $fail
