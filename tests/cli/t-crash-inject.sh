#!/bin/sh
# Crash injection: scripted interviews of surveys/example.yaml killed with
# SIGKILL at seeded random points (CRASH_KILLS of them: default 200, and 40
# for the sanitizer build, whose every start is slower; seed CRASH_SEED,
# default 1). After each kill: every answer whose next question
# had been shown is in the database with its value, the interview resumes
# at the question after the last of them (or the one after, if the answer
# in flight was committed), and PRAGMA integrity_check is ok.
set -eu
default=200
[ "${LCSURVEY_LABEL:-}" = asan ] && default=40
kills=${CRASH_KILLS:-$default}
seed=${CRASH_SEED:-1}
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$tmp"' EXIT
db=$tmp/crash.db
fail() { echo "FAIL (kill $i, seed $seed): $*"; exit 1; }

# The answers of one full interview, and the question each answers.
answers='1 12 3 - 2025-03-01 - 2 Amina 2 34 1 2 5.5 4 Bo 1 9 fine'
questions='district cluster household weight visit_date intro hh_size name sex age volunteer learned hours_online transport name sex age comment'
nans=18

# Waits until $1 holds at least $2 lines starting with "? ".
wait_prompts() {
	t=0
	while [ "$(grep -c -e '^? ' -e '^end$' "$1" || true)" -lt "$2" ]; do
		t=$((t + 1))
		[ $t -lt 600 ] || fail "no prompt $2 in: $(cat "$1")"
		sleep 0.01
	done
}

# Random numbers from awk, reproducible from the seed.
awk -v s="$seed" -v n="$kills" -v m="$nans" 'BEGIN { srand(s);
    for (i = 0; i < n; i++) print 1 + int(rand() * m), int(rand() * 2) }' >"$tmp/plan"

i=0
while read -r k inflight; do
	i=$((i + 1))
	rm -f "$tmp/fifo" "$tmp/out"
	mkfifo "$tmp/fifo"
	"$LCSURVEY" script surveys/example.yaml --db "$db" <"$tmp/fifo" >"$tmp/out" 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo"
	wait_prompts "$tmp/out" 1
	j=0
	for a in $answers; do
		j=$((j + 1))
		[ $j -le $k ] || break
		[ "$a" = - ] && a=
		echo "$a" >&3
		# Answer j is durable once prompt j+1 is shown.
		[ $j -lt $k ] || [ "$inflight" = 1 ] || wait_prompts "$tmp/out" $((j + 1))
		[ $j -lt $k ] && wait_prompts "$tmp/out" $((j + 1))
	done
	kill -9 $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	pid=
	exec 3>&-
	uuid=$(sed -n 's/^interview //p' "$tmp/out")
	[ -n "$uuid" ] || fail "no interview started: $(cat "$tmp/out")"
	confirmed=$(( $(grep -c -e '^? ' -e '^end$' "$tmp/out") - 1 ))
	# An interview's row is made with its first answer: killed before
	# one was confirmed, there may be nothing to find, which is right.
	if [ "$(sqlite3 "$db" "select count(*) from interviews where uuid='$uuid'")" = 0 ]; then
		[ "$confirmed" -eq 0 ] || fail "no interview row after $confirmed answers"
		continue
	fi
	# Every confirmed answer (non-empty ones are stored) is there.
	j=0
	set -- $questions
	for a in $answers; do
		j=$((j + 1))
		q=$1; shift
		[ $j -le $confirmed ] || break
		[ "$a" = - ] && continue
		m=0
		[ $j -ge 8 ] && m=1
		[ $j -ge 15 ] && m=2
		[ $j -ge 18 ] && m=0
		got=$(sqlite3 "$db" "select value from answers where interview='$uuid' and member=$m and question='$q'")
		[ "$got" = "$a" ] || fail "answer $j ($q#$m) is '$got', expected '$a'"
	done
	[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || fail "integrity"
	[ "$(sqlite3 "$db" "select status from interviews where uuid='$uuid'")" = partial ] ||
	    fail "status"
	# Resume: the first question shown is the next after the confirmed ones
	# (or one further, if the answer in flight made it to disk).
	: | "$LCSURVEY" script surveys/example.yaml --db "$db" --resume "$uuid" >"$tmp/res"
	first=$(sed -n 's/^? \([a-z_]*\) .*/\1/p' "$tmp/res" | head -1)
	[ -n "$first" ] || first=end
	# The note 'intro' (answer 6) is never where an interview resumes.
	set -- $questions end end
	n=0 want1= want2=
	for q in "$@"; do
		n=$((n + 1))
		[ $n -gt "$confirmed" ] && [ "$q" != intro ] || continue
		if [ -z "$want1" ]; then want1=$q; elif [ -z "$want2" ]; then want2=$q; fi
	done
	[ "$first" = "$want1" ] || { [ "$inflight" = 1 ] && [ "$first" = "$want2" ]; } ||
	    fail "resumed at '$first', expected '$want1' (confirmed $confirmed)"
done <"$tmp/plan"
echo "$i kills, every confirmed answer present, integrity ok"
