#!/bin/sh
# Concurrency (issue 9): one writer and three kinds of reader on one
# database for CONC_SECONDS (default 15) seconds.
#
# The writer is the scripted driver (`lcsurvey script`, which goes through
# the same session/store path as the kiosk and the screens; the kiosk in
# tmux was not used, to keep the test quick and free of screen timing):
# full interviews of surveys/example.yaml, one after another, the answers
# of t-script.sh (with a sampling weight of 2, so that aggregate has no
# warning to give). Meanwhile, in loops on the same live file:
# `aggregate --format csv`, `export microdata`, and `merge --into` a
# central database.
#
# Asserted: nothing at all on any stderr (no "database is locked", no
# "busy", no warning, no sanitizer report) and every run exits 0; the
# Total n of the indicator "volunteering" (one adult per interview) never
# decreases from one aggregate run to the next and never exceeds the final
# count; once the writer stops, the complete interviews are exactly the
# ones the writer saw completed (plus the first), aggregate's n equals
# them, integrity_check is ok, and one more merge leaves central with the
# same interviews, all complete (plus any partial conflict copies left by
# merging an interview in progress: a known XFAIL, see below).
set -eu
secs=${CONC_SECONDS:-15}
tmp=$(mktemp -d)
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null || :; done
	wait 2>/dev/null || :
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM
fail() { echo "FAIL: $*"; exit 1; }
db=$tmp/live.db
central=$tmp/central.db
answers='1\n12\n3\n2\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n'

# A first interview, so that the readers start on a database.
printf "$answers" | "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/first.out"
grep -q '^complete ' "$tmp/first.out" || fail "first interview: $(cat "$tmp/first.out")"

# reader NAME CMD...: runs CMD until $tmp/stop exists; its stdout to
# $tmp/NAME.out (one run), stderr to $tmp/NAME.err (all runs), a line per
# failed run to $tmp/NAME.fail, a line per run to $tmp/NAME.runs.
reader() {
	_name=$1
	shift
	while [ ! -e "$tmp/stop" ]; do
		_st=0
		"$@" >"$tmp/$_name.out" 2>>"$tmp/$_name.err" || _st=$?
		echo run >>"$tmp/$_name.runs"
		[ "$_st" -eq 0 ] || echo "exit $_st" >>"$tmp/$_name.fail"
		if [ "$_name" = aggregate ] && [ "$_st" -eq 0 ]; then
			awk -F, '$1 == "volunteering" && $4 == "Total" { print $6 }' \
			    "$tmp/$_name.out" >>"$tmp/agg.n"
		fi
	done
}

reader aggregate "$LCSURVEY" aggregate --db "$db" surveys/example.yaml --format csv &
pids="$pids $!"
reader export "$LCSURVEY" export microdata --db "$db" surveys/example.yaml --output "$tmp/mic" &
pids="$pids $!"
reader merge "$LCSURVEY" merge --into "$central" "$db" &
pids="$pids $!"

# The writer, in the foreground, until the time is up.
end=$(($(date +%s) + secs))
written=0 started=0
while [ "$(date +%s)" -lt "$end" ]; do
	started=$((started + 1))
	st=0
	printf "$answers" | "$LCSURVEY" script surveys/example.yaml --db "$db" \
	    >"$tmp/w.out" 2>>"$tmp/writer.err" || st=$?
	[ "$st" -eq 0 ] || echo "exit $st" >>"$tmp/writer.fail"
	if grep -q '^complete ' "$tmp/w.out"; then
		written=$((written + 1))
	fi
	# A refusal means an answer was not saved.
	grep '^! ' "$tmp/w.out" >>"$tmp/writer.err" || :
done
touch "$tmp/stop"
for p in $pids; do wait "$p" || fail "a reader loop failed"; done
pids=

# Nothing on any stderr, no failed run.
for f in writer aggregate export merge; do
	if [ -s "$tmp/$f.err" ]; then
		head -5 "$tmp/$f.err"
		fail "$f wrote to stderr ($(wc -l <"$tmp/$f.err") lines)"
	fi
	[ ! -s "$tmp/$f.fail" ] || fail "$f: $(sort "$tmp/$f.fail" | uniq -c | tr '\n' ' ')"
done
[ "$written" -eq "$started" ] || fail "the writer completed $written of $started interviews"
total=$((written + 1))
runs_a=$(wc -l <"$tmp/aggregate.runs")
runs_e=$(wc -l <"$tmp/export.runs")
runs_m=$(wc -l <"$tmp/merge.runs")
[ "$written" -ge 5 ] && [ "$runs_a" -ge 3 ] && [ "$runs_e" -ge 3 ] && [ "$runs_m" -ge 3 ] ||
    fail "too little ran: $written interviews, $runs_a aggregate, $runs_e export, $runs_m merge"

# Aggregate's n: one number per run, never down, never past the total.
[ "$(wc -l <"$tmp/agg.n")" -eq "$runs_a" ] || fail "an aggregate run had no volunteering Total"
awk -v max="$total" 'NR > 1 && $1 < prev { print "n went down: " prev " -> " $1; bad = 1 }
    $1 > max { print "n " $1 " exceeds the final count " max; bad = 1 }
    { prev = $1 } END { exit bad }' "$tmp/agg.n" || fail "aggregate's n"

# After the writer: the counts are exact.
q() { sqlite3 "$db" "$1"; }
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"
[ "$(q "select count(*) from interviews where status='complete'")" = "$total" ] ||
    fail "complete interviews: $(q "select status, count(*) from interviews group by 1" | tr '\n' ' '), expected $total"
[ "$(q "select count(*) from interviews")" = "$total" ] || fail "interviews that are not complete"
[ "$(q "select count(*) from answers where question = 'volunteer'")" = "$total" ] || fail "volunteer answers"
"$LCSURVEY" aggregate --db "$db" surveys/example.yaml --format csv >"$tmp/final.csv"
n=$(awk -F, '$1 == "volunteering" && $4 == "Total" { print $6 }' "$tmp/final.csv")
[ "$n" = "$total" ] || fail "final aggregate n $n, expected $total"

# One more merge: central has the same interviews, all complete.
"$LCSURVEY" merge --into "$central" "$db" >"$tmp/merge.last" 2>"$tmp/merge.last.err" ||
    fail "last merge: $(cat "$tmp/merge.last.err")"
[ ! -s "$tmp/merge.last.err" ] || fail "last merge: $(cat "$tmp/merge.last.err")"
[ "$(sqlite3 "$central" "select count(*) from interviews where status='complete'")" = "$total" ] ||
    fail "central: $(sqlite3 "$central" "select status, count(*) from interviews group by 1" | tr '\n' ' '), expected $total complete"
# Merging a live file while an interview is in progress, then again after
# it gained answers (still partial), is a conflict under merge's rule (only
# a complete version that includes the other wins): central keeps a copy
# of the older partial version under a derived UUID. Known, reported with
# issue 9: said as XFAIL, a failure with LCSURVEY_STRICT=1.
extra=$(sqlite3 "$central" "attach '$db' as live; select count(*) from interviews
    where uuid not in (select uuid from live.interviews)")
if [ "$extra" -gt 0 ]; then
	[ "$(sqlite3 "$central" "attach '$db' as live; select count(*) from interviews
	    where uuid not in (select uuid from live.interviews) and status = 'partial'")" = "$extra" ] ||
	    fail "central has extra interviews that are not partial conflict copies"
	msg="central keeps $extra conflict copies of interviews merged while in progress"
	[ "${LCSURVEY_STRICT:-0}" = 1 ] && fail "$msg"
	echo "XFAIL: $msg"
fi
[ "$(sqlite3 "$central" "select count(*) from interviews")" = "$((total + extra))" ] ||
    fail "central has extra interviews"
[ "$(sqlite3 "$central" "select count(*) from answers where interview in
    (select uuid from interviews where status = 'complete')")" = "$(q 'select count(*) from answers')" ] ||
    fail "central's answers differ in number"
[ "$(sqlite3 "$central" 'PRAGMA integrity_check')" = ok ] || fail "central integrity_check"
echo "ok: ${secs}s, $total interviews written, $runs_a aggregate, $runs_e export, $runs_m merge runs, no error; $(cat "$tmp/merge.last")"
