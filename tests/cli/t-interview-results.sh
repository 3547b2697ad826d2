#!/bin/sh
# t-interview-results.sh: the results screen (issue 8). On 200 simulated
# complete interviews of surveys/example.yaml, r on the start screen
# shows every indicator, grouped by Key Feature; every figure on screen
# (estimate, interval, n) equals `lcsurvey aggregate --format csv`
# rounded to the decimals shown, and every CSV row of the view is on
# screen once (tests/report/compare.awk) — for the Total, then for
# Female after Tab. The screen survives a resize to 40x12 and back,
# scrolls, follows F2 (language) and Esc leaves it.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

"$LCSURVEY" simulate "$TOP/surveys/example.yaml" --n 200 --seed 3 \
    --db "$T/db" >/dev/null 2>&1 || fail "simulate failed"
"$LCSURVEY" aggregate --db "$T/db" "$TOP/surveys/example.yaml" \
    --format csv >"$T/csv" 2>/dev/null || fail "aggregate failed"

# compare GROUP: the pane's figures against the CSV rows of GROUP
# ("Total", "sex=Female").
compare() {
	capture >"$T/pane"
	grep -q '▼' "$T/pane" && fail "the results do not fit at 120x40"
	LC_ALL=C awk -F, -v g="$1" 'NR > 1 && $4 == g { print "example\t" $0 }' \
	    "$T/csv" >"$T/want"
	[ -s "$T/want" ] || fail "no CSV rows for '$1'"
	# Indicator lines name the indicator (its name in the CSV begins
	# the line); estimate lines end in n=N; fields are 2+ spaces apart.
	LC_ALL=C awk -v g="$1" -F, '
	FNR == NR {
		if (FNR > 1) name[$3] = $1
		next
	}
	{ sub(/ [▲▼]$/, ""); sub(/ +$/, "") }
	/n=[0-9]+( †)?$/ && ind != "" {
		s = $0; sub(/^ +/, "", s)
		n = split(s, f, /  +/)
		cat = f[1] ~ /^Mean score/ ? "mean" : \
		    f[1] ~ /^[1-5] / ? substr(f[1], 1, 1) : ""
		nn = f[n]; sub(/^n=/, "", nn)
		print "example/" ind "\t" g "\t" cat "\t" f[n - 2] "\t" \
		    f[n - 1] "\t" nn
		next
	}
	/^    [^ ]/ {
		s = $0; sub(/^ +/, "", s)
		best = ""
		for (k in name)
			if (index(s, k) == 1 && length(k) > length(best))
				best = k
		if (best != "") ind = name[best]
	}' "$T/csv" "$T/pane" >"$T/shown"
	LC_ALL=C awk -f "$TOP/tests/report/compare.awk" csv=1 "$T/want" \
	    csv=0 "$T/shown" >"$T/cmp" || {
		cat "$T/cmp"
		fail "the screen's figures for '$1' differ from the CSV"
	}
	cat "$T/cmp"
}

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
    --db "$T/db"
wait_for 'Interviews on this device \(200\)'
wait_for ' r results '
keys r
wait_for '^ Results · Learning city example survey +Total *$'
wait_for '200 complete interviews'
wait_for '^  1\.1\.2  '
wait_for '^    Participation in volunteering *$'
wait_for '^      Total .* n=1865$'
wait_for 'Mean score \(1–5\)'
compare Total

# Tab: the next group of the first breakdown (sex): Male, then Female.
keys Tab
wait_for '^ Results .* Male *$'
keys Tab
wait_for '^ Results .* Female *$'
wait_for '^      Female .* n=934$'
# An indicator without a breakdown says so.
wait_for 'not broken down \(Total only\)'
compare sex=Female

# Small, then back: nothing wider than the window, the figures readable.
resize 40 12
wait_for '^ Results · Learning city example survey *$'
wait_for '^   Female  .*n=934 *$'
capture >"$T/small"
while IFS= read -r line; do
	n=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)
	[ "$n" -le 40 ] || fail "a line of $n characters at 40 columns"
done <"$T/small"
grep -q '▼' "$T/small" || fail "no scroll mark at 40x12"
keys End
wait_for '^   Hours online per adult'
wait_for '▲'
keys Home
wait_for '^ 1\.1\.2  '
resize 120 40
wait_for '^      Female .* n=934$'
compare sex=Female

# The language switch reaches the indicator names; Tab wraps to Total.
keys F2
wait_for '^    Participation au bénévolat *$'
keys F2 Tab
wait_for '^ Results .* Total *$'
compare Total

# Esc goes back to the start screen; r computes afresh.
keys Escape
wait_for 'Interviews on this device \(200\)'
keys r
wait_for '^ Results .* Total *$'
keys q
wait_for 'Interviews on this device \(200\)'
quit_ok
echo "ok: results screen"
