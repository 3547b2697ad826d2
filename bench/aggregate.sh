#!/bin/sh
# aggregate.sh: `lcsurvey aggregate` on the synthetic city survey (issue
# 5), against in the same run: a bare sqlite3 scan of the same answers
# (the floor: the same join and columns, no per-row work), and R's survey
# package on the same data when Rscript is installed; peak memory at
# 100,000 and 1,000,000 respondents (same ~50,000 clusters).
#
# usage: bench/aggregate.sh     (env: N_SMALL, N_LARGE, RUNS, BENCH_DIR)
# Times are the best of RUNS (default 3) runs. The targets are judged on
# CPU time (user + system), which other load on a shared machine disturbs
# less than wall time; both are shown. Exit status: 0 targets met, 1 not.
set -eu
cd "$(dirname "$0")/.."
. bench/lib-city.sh
N_SMALL=${N_SMALL:-100000}
N_LARGE=${N_LARGE:-1000000}
RUNS=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

SCAN="SELECT count(*), total(a.member), total(length(a.question)),
    count(a.value), count(a.missing), count(i.stratum), count(i.cluster),
    total(i.weight)
    FROM interviews i JOIN answers a ON a.interview = i.uuid
    WHERE i.questionnaire = 1 AND i.status = 'complete'"

for n in $N_SMALL $N_LARGE; do
	db=$(city_db "$n")
	cat "$db" >/dev/null	# the same warm page cache for both
	best "$tmp/scan-$n" "$RUNS" sqlite3 "$db" "$SCAN"
	best "$tmp/agg-$n" "$RUNS" "$LCSURVEY" aggregate --db "$db" \
	    bench/city.yaml --format csv
	read -r sw sc sm <"$tmp/scan-$n"
	read -r aw ac am <"$tmp/agg-$n"
	printf '%8d respondents: bare scan %6.2fs wall %6.2fs cpu; aggregate %6.2fs wall %6.2fs cpu, peak %d KB; ratio %s (cpu) %s (wall)\n' \
	    "$n" "$sw" "$sc" "$aw" "$ac" "$am" "$(ratio "$ac" "$sc")" \
	    "$(ratio "$aw" "$sw")"
done

ok=0
read -r sw sc sm <"$tmp/scan-$N_LARGE"
read -r aw ac am <"$tmp/agg-$N_LARGE"
read -r x1 x2 am_small <"$tmp/agg-$N_SMALL"
r=$(ratio "$ac" "$sc")
echo "aggregate / bare scan (cpu, $N_LARGE): $r   target <= 1.5"
awk -v r="$r" 'BEGIN { exit !(r <= 1.5) }' || ok=1
m=$(ratio "$am" "$am_small")
echo "peak memory $N_LARGE / $N_SMALL respondents: $m ($am KB / $am_small KB)   target: flat (<= 1.25)"
awk -v r="$m" 'BEGIN { exit !(r <= 1.25) }' || ok=1

if command -v Rscript >/dev/null 2>&1 &&
    Rscript -e 'library(survey)' >/dev/null 2>&1; then
	csv=$(city_csv "$N_LARGE")
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %M" -o "$tmp/r.t" Rscript bench/aggregate.R \
		    "$csv" >"$tmp/r.out" 2>/dev/null
		read -r rt rm <"$tmp/r.t"
	else
		Rscript bench/aggregate.R "$csv" >"$tmp/r.out" 2>/dev/null
		rt="?" rm="?"
	fi
	read -r rs rn <<EOF
$(tail -1 "$tmp/r.out")
EOF
	rr=$(ratio "$rs" "$aw")
	echo "R survey: ${rs}s estimating from a data frame in memory, ${rt}s with reading the CSV (wall), peak $rm KB"
	echo "R (estimation only) / aggregate (wall): $rr; R (with reading) / aggregate: $(ratio "$rt" "$aw")   target >= 20"
	awk -v r="$rr" 'BEGIN { exit !(r >= 20) }' || ok=1
else
	echo "R survey: Rscript or the survey package not installed, skipped"
fi
exit $ok
