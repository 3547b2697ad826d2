#!/bin/sh
# t-interview-full.sh: a whole interview of surveys/example.yaml at the
# keyboard — every question type, a roster of two members (an adult, and
# a child for whom the adult questions are skipped), "don't know", the
# review screen, marking complete — then the database is checked with
# sqlite3: the answers are there, skipped questions have none, the
# interview is complete.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
    --db "$T/db" --enumerator e01

answer 'New interview' n
answer 'District' 1
answer 'Enumeration area number'; send_text 12; keys Enter
answer 'Household number'; send_text 7; keys Enter
# An optional question left empty.
answer 'Sampling weight'; keys Enter
answer 'Date of visit'; send_text 2024-02-30; keys Enter
# A bad date is refused in place, the text kept for correction.
wait_for "'2024-02-30' is not a date"
wait_for '2024-02-30 +YYYY-MM-DD'
keys C-u; send_text 2024-05-01; keys Enter
answer 'Read to the respondent' Enter
answer 'How many people live'; send_text 2; keys Enter

# Member 1: an adult.
answer 'First name or initials'; send_text Amina; keys Enter
answer 'Questions about: Amina$'
answer '^ +Sex$' 2
# A soft check: over 100 is questioned, and corrected here.
answer 'How old is Amina, in completed years\?'; send_text 104; keys Enter
wait_for 'Over 100 years old - confirm or correct'
wait_for 'Enter keep answer'
keys BSpace BSpace BSpace
wait_gone 'Over 100 years old'
send_text 34; keys Enter
answer 'Questions about: Amina, 34'
answer 'did Amina do any unpaid volunteer work\?' 1
answer 'learn something new' Space Down Space
wait_for '\[x\] Online learning'
keys Enter
answer 'Hours a week spent learning online'; send_text 3.5; keys Enter
answer 'satisfied .* public transport' 4

# Member 2: a child; the adult questions are skipped.
answer 'Questions about: member 2'
answer 'First name or initials'; send_text 'Zoé'; keys Enter
answer 'Questions about: Zoé$'
answer '^ +Sex$' 1
answer 'How old is Zoé, in completed years\?'; send_text 9; keys Enter
# "Don't know" on a text question (F8).
answer "Interviewer's comments" F8

# The review lists every answer, then c marks the interview complete.
wait_for 'Review'
wait_for 'Online learning'
wait_for "Interviewer's comments +don't know"
wait_for '17 of 17 answered'
keys c
wait_for 'interview complete'
wait_for '^ +7 +12 .* complete +20$'
expect_eq "interview status" "$(sql "select status from interviews")" complete

# Reviewing a complete interview from the start screen; changing an
# answer asks why, then reopens it, Enter returns to the review, c
# completes it again (t-interview-edit-reason.sh tests the reason).
keys Down Enter
wait_for '^ Review · Learning city example survey +complete *$'
wait_for '^ +District +North *$'
keys Enter
wait_for 'Why are you changing this completed interview\?'
send_text 'wrong district'; keys Enter
wait_for 'interview reopened'
answer '^ +District$' 2
wait_for '^ +District +South *$'
wait_for '^ Review · Learning city example survey +partial *$'
expect_eq "status while editing" "$(sql "select status from interviews")" \
    partial
keys c
wait_for 'interview complete'

uuid=$(sql "select uuid from interviews")
expect_eq "interview status" "$(sql "select status from interviews")" complete
expect_eq "enumerator" "$(sql "select enumerator from interviews")" e01
expect_eq "household on the interview row" \
    "$(sql "select household from interviews")" 7
q() {
	sql "select coalesce(value, '') || '|' || coalesce(missing, '')
	    from answers where interview = '$uuid' and member = $1
	    and question = '$2'"
}
expect_eq district "$(q 0 district)" "2|"
expect_eq cluster "$(q 0 cluster)" "12|"
expect_eq visit_date "$(q 0 visit_date)" "2024-05-01|"
expect_eq hh_size "$(q 0 hh_size)" "2|"
expect_eq "name 1" "$(q 1 name)" "Amina|"
expect_eq "sex 1" "$(q 1 sex)" "2|"
expect_eq "age 1" "$(q 1 age)" "34|"
expect_eq "volunteer 1" "$(q 1 volunteer)" "1|"
expect_eq "learned 1" "$(q 1 learned)" "1 2|"
expect_eq "hours_online 1" "$(q 1 hours_online)" "3.5|"
expect_eq "transport 1" "$(q 1 transport)" "4|"
expect_eq "name 2" "$(q 2 name)" "Zoé|"
expect_eq "age 2" "$(q 2 age)" "9|"
expect_eq comment "$(q 0 comment)" "|dont_know"
# Skipped for the child: no row at all.
expect_eq "skipped questions of member 2" "$(sql "select count(*) from
    answers where interview = '$uuid' and member = 2 and question in
    ('volunteer', 'learned', 'hours_online', 'transport')")" 0
expect_eq "typeof(hours_online)" "$(sql "select typeof(value) from answers
    where question = 'hours_online'")" real

# F10 on the start screen leaves at once.
quit_ok
echo "ok: full interview"
