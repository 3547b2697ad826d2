#!/bin/sh
# t-interview-edit-reason.sh: changing a completed interview asks why
# (issue 10). An interview of surveys/example.yaml is taken with a soft
# check kept (age 104: the yellow warning, Enter keeps it, stored as
# confirmed) and "don't know" given with F8; once complete, it is opened
# again from the start screen. The first change asks for a reason: Esc
# cancels (still complete), an empty reason is refused, a typed one
# reopens the interview. A second change asks nothing more. Completed
# again, `lcsurvey log` shows the reopening and both changes with the
# reason, and the database has the new values.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
    --db "$T/db" --enumerator e07

example_identification 12 7 1
answer 'First name or initials'; send_text Amina; keys Enter
answer '^ +Sex$' 2
# A soft check: 104 is questioned in yellow; Enter keeps it.
answer 'How old is Amina, in completed years\?'; send_text 104; keys Enter
wait_for 'Over 100 years old - confirm or correct · Enter keeps the answer'
wait_for 'Enter keep answer'
tm capture-pane -e -p -t t | grep 'Over 100 years old' | grep -q '\[33m' ||
    fail "the warning is not yellow"
keys Enter
# "Don't know" with F8 on a yes/no question.
answer 'did Amina do any unpaid volunteer work\?' F8
answer 'learn something new' Space Enter
answer 'satisfied .* public transport' 4
answer "Interviewer's comments"; send_text 'all fine'; keys Enter
wait_for '^ Review'
wait_for 'How old is Amina.* +104 *$'
keys c
wait_for 'interview complete'
uuid=$(sql "select uuid from interviews")
expect_eq "status" "$(sql "select status from interviews")" complete
expect_eq "age kept and confirmed" "$(sql "select value || '|' || confirmed
    from answers where question = 'age'")" "104|1"
expect_eq "volunteer" "$(sql "select coalesce(value, '') || '|' || missing
    from answers where question = 'volunteer'")" "|dont_know"

# Open it again: its review; Enter on a line asks why first.
keys Down Enter
wait_for '^ Review · Learning city example survey +complete *$'
wait_for '^ +District +North *$'
keys Enter
wait_for '^ Change a completed interview +complete *$'
wait_for '^ +Why are you changing this completed interview\?'
wait_for 'Esc cancel'
# Esc: nothing changes.
keys Escape
wait_for 'no change: the interview stays complete'
wait_for '^ Review · Learning city example survey +complete *$'
expect_eq "status after Esc" "$(sql "select status from interviews")" \
    complete
# An empty reason (spaces only) is refused, in place.
keys Enter
wait_for 'Why are you changing this completed interview\?'
send_text '   '; keys Enter
wait_for 'a reason is needed to change a completed interview'
wait_for 'Why are you changing this completed interview\?'
expect_eq "status after an empty reason" \
    "$(sql "select status from interviews")" complete
keys C-u
send_text 'district misread on the sample list'; keys Enter
wait_for 'interview reopened'
answer '^ +District$' 2
wait_for '^ +District +South *$'
wait_for '^ Review · Learning city example survey +partial *$'
# A second change while partial: no more questions asked.
keys Down Down
keys Enter
answer '^ +Household number$' C-u
send_text 8; keys Enter
wait_for '^ +Household number +8 *$'
keys c
wait_for 'interview complete'

expect_eq "status" "$(sql "select status from interviews")" complete
expect_eq "district" "$(sql "select value from answers where
    question = 'district'")" 2
expect_eq "household" "$(sql "select value from answers where
    question = 'household'")" 8
"$LCSURVEY" log --db "$T/db" "$uuid" >"$T/log" 2>&1 ||
    { cat "$T/log"; fail "lcsurvey log failed"; }
grep -q 'reopen.*district misread on the sample list' "$T/log" ||
    { cat "$T/log"; fail "the log has no reopening with the reason"; }
grep -q 'district .*1 -> 2.*district misread on the sample list' "$T/log" ||
    { cat "$T/log"; fail "the log has no district change with the reason"; }
grep -q 'household .*7 -> 8.*district misread on the sample list' "$T/log" ||
    { cat "$T/log"; fail "the log has no household change with the reason"; }
# The edit ends with the completion, the last event.
tail -1 "$T/log" | grep -q 'complete  *partial -> complete' ||
    { cat "$T/log"; fail "the last event is not the completion"; }
quit_ok
echo "ok: edit reason"
