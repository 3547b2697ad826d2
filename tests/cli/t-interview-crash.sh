#!/bin/sh
# t-interview-crash.sh: the program is killed (kill -9) in the middle of
# an interview. Everything answered before is in the database, which is
# intact; the start screen lists the interview as partial, and continuing
# it lands on the first question without an answer.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

run() {
	tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
	    --db "$T/db"
}

run
example_identification 31 42 2
answer 'First name or initials'; send_text Amina; keys Enter
answer 'Questions about: Amina$'
answer '^ +Sex$' 2
# A soft check, confirmed: the answer is kept as given.
answer 'How old is Amina'; send_text 101; keys Enter
wait_for 'Over 100 years old - confirm or correct'
keys Enter
# Half-typed and never submitted: this one is lost, nothing else.
answer 'unpaid volunteer work'

pid=$(pane_pid)
kill -9 "$pid"
n=100
while [ $n -gt 0 ] && ! pane_dead; do sleep 0.1; n=$((n - 1)); done
pane_dead || fail "lcsurvey (pid $pid) survived kill -9"
tm kill-server

expect_eq "PRAGMA integrity_check" "$(sql 'PRAGMA integrity_check')" ok
uuid=$(sql "select uuid from interviews")
v() {
	sql "select value from answers where interview = '$uuid' and
	    member = $1 and question = '$2'"
}
expect_eq district "$(v 0 district)" 1
expect_eq cluster "$(v 0 cluster)" 31
expect_eq household "$(v 0 household)" 42
expect_eq visit_date "$(v 0 visit_date)" 2024-05-01
expect_eq hh_size "$(v 0 hh_size)" 2
expect_eq name "$(v 1 name)" Amina
expect_eq sex "$(v 1 sex)" 2
expect_eq age "$(v 1 age)" 101
expect_eq volunteer "$(sql "select count(*) from answers where
    question = 'volunteer'")" 0

# Restart: the interview is listed as partial and continues where it
# stopped.
run
wait_for '^ +42 +31 .* partial +[0-9]+$'
keys Down Enter
wait_for 'unpaid volunteer work'
wait_for 'Questions about: Amina, 101'
wait_for 'member 1 of 2'
# Marking complete from the review (F4) while answers are missing jumps
# to the first one, with the reason.
keys F4
wait_for 'unpaid volunteer work.* +\(no answer\)'
keys c
wait_for 'needs an answer before the interview is complete'
wait_for 'unpaid volunteer work'
# And it goes on saving; the questions the jump left open follow.
keys 0
answer 'learn something new' 3 Enter
answer 'satisfied .* public transport'
expect_eq "volunteer after resuming" "$(v 1 volunteer)" 0
expect_eq "learned after resuming" "$(v 1 learned)" 3

# F10 asks first: n stays, y leaves the interview partial.
keys F10
wait_for 'Quit\? The interview stays partial'
keys n
wait_gone 'Quit\?'
wait_for 'satisfied .* public transport'
quit_ok
expect_eq status "$(sql "select status from interviews")" partial
expect_eq "PRAGMA integrity_check" "$(sql 'PRAGMA integrity_check')" ok
echo "ok: crash and resume"
