#!/bin/sh
# t-interview-concurrent.sh: another program reads the database while an
# interview is being taken (a supervisor's dashboard, a backup). 200 runs
# of sqlite3 in the background must all succeed, and every answer must
# still save: the next question appearing after each answer shows that
# no "could not be saved" message stopped it.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
    --db "$T/db"
wait_for 'New interview'

(
	i=0
	while [ $i -lt 200 ]; do
		sqlite3 -batch "$T/db" 'select count(*) from answers' \
		    >>"$T/reader.out" 2>>"$T/reader.err" || echo "exit $?" \
		    >>"$T/reader.err"
		i=$((i + 1))
	done
) &
reader=$!

# Three households while the reader runs.
for hh in 1 2 3; do
	example_identification 9 "$hh" 1
	answer 'First name or initials'; send_text "P$hh"; keys Enter
	answer "Questions about: P$hh\$"
	answer '^ +Sex$' 1
	answer "How old is P$hh, in completed years"; send_text 30; keys Enter
	answer 'unpaid volunteer work' 1
	answer 'learn something new' 1 Enter
	answer 'satisfied .* public transport' 3
	answer "Interviewer's comments"; send_text "household $hh"; keys Enter
	wait_for 'Review'
	if capture | grep -q 'could not be'; then
		fail "an answer could not be saved"
	fi
	keys c
	wait_for 'interview complete'
done
wait "$reader"

[ -s "$T/reader.err" ] && { echo "sqlite3 reported:"; cat "$T/reader.err"
    fail "the concurrent reader failed"; }
expect_eq "reader runs" "$(wc -l <"$T/reader.out" | tr -d ' ')" 200
expect_eq "complete interviews" "$(sql "select count(*) from interviews
    where status = 'complete'")" 3
# Per household: 6 identification rows (the weight left empty included;
# the note has none), adults, comment, and 7 for the member (name, sex,
# age, adult, volunteer, learned, transport).
expect_eq "answers" "$(sql "select count(*) from answers")" $((3 * 15))
expect_eq "PRAGMA integrity_check" "$(sql 'PRAGMA integrity_check')" ok
quit_ok
echo "ok: concurrent reader"
