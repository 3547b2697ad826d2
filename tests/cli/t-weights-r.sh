#!/bin/sh
# `lcsurvey weights` then `lcsurvey aggregate` reproduce R's survey package
# (tests/weights/reference.R, expected.csv): the kiosk post-stratified to
# sex x agegroup and raked to three margins, and the household sample
# weighted from its frame, non-response classes and selection factor, then
# raked. Estimates to 1e-6 (proportions, which aggregate gives in percent,
# to 1e-4 points), standard errors to 1e-4 relative.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
w=tests/weights
fail=0

# compare CASE CSV: the Total and sex=Female rows of both indicators.
compare() {
	awk -F, -v cas="$1" '
	FNR == NR { if ($1 == cas) want[$2] = $3; next }
	FNR == 1 { next }
	{
		# Quoted names hold commas: count fields from the end.
		ind = $1; grp = $(NF - 8); est = $(NF - 5); se = $(NF - 4)
		v = ind == "learning" ? "learned" : "hours"
		if (ind == "learning") { est /= 100; se /= 100 }
		if (grp == "Total") s = v; else if (grp == "sex=Female") s = v "_women"; else next
		e = want[s "_est"]; r = want[s "_se"]
		de = est - e; if (de < 0) de = -de
		ds = (se - r) / r; if (ds < 0) ds = -ds
		if (de > 1e-6 || ds > 1e-4) {
			printf "%s %s: estimate %s se %s, R %s %s\n", cas, s, est, se, e, r
			bad = 1
		}
		n++
	}
	END { if (n != 4) { print cas ": " n " rows compared"; bad = 1 }; exit bad }
	' "$w/expected.csv" "$2" || fail=1
}

k=$w/kiosk.yaml
"$LCSURVEY" import --db "$dir/k.db" "$k" "$w/kiosk.csv" >/dev/null
"$LCSURVEY" aggregate --db "$dir/k.db" --format csv "$k" >"$dir/none.csv"
compare kiosk_none "$dir/none.csv"
"$LCSURVEY" weights --db "$dir/k.db" "$k" \
    --poststratify "$w/census-sex-age.csv" >"$dir/out"
grep -q "^weights: 500 respondents, method poststratify (8 cells)" "$dir/out"
grep -q "^weights: sum 480000," "$dir/out"
"$LCSURVEY" aggregate --db "$dir/k.db" --format csv "$k" >"$dir/ps.csv"
compare kiosk_ps "$dir/ps.csv"
"$LCSURVEY" weights --db "$dir/k.db" "$k" --rake "$w/census-sex.csv" \
    --rake "$w/census-agegroup.csv" --rake "$w/census-district.csv" \
    >"$dir/out"
grep -q "method rake (3 margins, 24 cells): [0-9]* sweeps, .*, converged" \
    "$dir/out"
"$LCSURVEY" aggregate --db "$dir/k.db" --format csv "$k" >"$dir/rake.csv"
compare kiosk_rake "$dir/rake.csv"
if command -v sqlite3 >/dev/null 2>&1; then
	# Two runs recorded, with the inputs' hashes; the field weight kept.
	[ "$(sqlite3 "$dir/k.db" "select count(*) from weight_runs")" = 2 ]
	sqlite3 "$dir/k.db" "select inputs from weight_runs where id = 2" |
	    grep -q "^margin $w/census-sex.csv $(sha256sum <"$w/census-sex.csv" |
	    cut -d' ' -f1)\$"
	[ "$(sqlite3 "$dir/k.db" "select count(weight) from interviews")" = 0 ]
fi

# Household: respondents imported, non-respondents as partial interviews
# with their cover page (district, cluster, area) answered.
h=$w/household.yaml
"$LCSURVEY" import --db "$dir/h.db" "$h" "$w/household.csv" >/dev/null
tail -n +2 "$w/household-nonresp.csv" | while IFS=, read -r dis clu area; do
	printf '%s\n%s\n%s\n' "$dis" "$clu" "$area" |
	    "$LCSURVEY" script --db "$dir/h.db" "$h" >/dev/null
done
"$LCSURVEY" weights --db "$dir/h.db" "$h" --frame "$w/frame.csv" \
    --rake "$w/census-sex.csv" --rake "$w/census-agegroup.csv" \
    --rake "$w/census-district.csv" >"$dir/out"
grep -q "^weights: 221 respondents, method rake" "$dir/out"
"$LCSURVEY" aggregate --db "$dir/h.db" --format csv "$h" >"$dir/hh.csv"
compare hh_rake "$dir/hh.csv"
# Post-stratified from the same adjusted weights.
"$LCSURVEY" weights --db "$dir/h.db" "$h" --frame "$w/frame.csv" \
    --poststratify "$w/census-sex-age.csv" >/dev/null
"$LCSURVEY" aggregate --db "$dir/h.db" --format csv "$h" >"$dir/hhps.csv"
compare hh_ps "$dir/hhps.csv"
# Frame, non-response and selection alone: the uncalibrated design.
"$LCSURVEY" weights --db "$dir/h.db" "$h" --frame "$w/frame.csv" \
    >"$dir/out"
grep -q "^weights: 221 respondents, method base" "$dir/out"
"$LCSURVEY" aggregate --db "$dir/h.db" --format csv "$h" >"$dir/hh0.csv"
compare hh_none "$dir/hh0.csv"
exit $fail
