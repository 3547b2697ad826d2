#!/bin/sh
# t-gnlc-household-terminal.sh: the household of t-gnlc-household-interview.sh
# (an employed woman answering for herself, her husband answered for by
# proxy, their 8-year-old daughter) interviewed at the keyboard, through
# the ncurses screens of `lcsurvey interview surveys/gnlc-household.yaml`:
# from the start screen to marking the interview complete on the review
# screen; then the same database checks (lib-gnlc-household.sh). Also:
# `make run` opens surveys/gnlc-household.yaml (issue 4).
#
# Every answer waits for its question: the status line "question N of M"
# with N one more than the last, the member, the language (English
# throughout), and the label.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-gnlc-household.sh"

# `make run` would open the household survey. make -n runs no recipe but
# would still remake an out-of-date included makefile (build/config.mk
# runs .ci/install-deps): -o stops that, and the build of lcsurvey. The
# flags of an enclosing make must not leak in.
run_cmd=$(cd "$TOP" && unset MAKEFLAGS MFLAGS MAKELEVEL &&
    make -n -o build/config.mk -o lcsurvey run 2>&1) ||
    fail "make -n run failed: $run_cmd"
case $run_cmd in
*'lcsurvey interview surveys/gnlc-household.yaml '*) ;;
*) fail "make run does not open surveys/gnlc-household.yaml: $run_cmd" ;;
esac

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/gnlc-household.yaml" \
    --db "$T/db"

n=0
# ask MEMBER PATTERN [KEY...]: waits for the next question (MEMBER 0: not
# a roster question) whose label matches PATTERN, then sends the keys.
ask() {
	n=$((n + 1))
	if [ "$1" = 0 ]; then
		wait_for "^ question $n of [0-9]+ · .* · en *\$"
	else
		wait_for "^ question $n of [0-9]+ · .* · member $1 of 3 · en *\$"
	fi
	_lab=$2
	shift 2
	answer "$_lab" "$@"
}
# say TEXT: types an answer into the line editor and submits it.
say() {
	send_text "$1"
	keys Enter
}

answer 'New interview' n

# Identification. Every choice list of this survey has single-digit
# codes: a digit is the code, and on a single choice it submits.
ask 0 'District where the household lives' 2
ask 0 'Enumeration area number'; say 15
ask 0 'Household number within the enumeration area'; say 7
ask 0 'Household sampling weight'; say 1.25
ask 0 'Interviewer code'; say 31
ask 0 'Date of the interview'; say 2025-03-01
ask 0 'Read to the respondent' Enter
ask 0 'Does the household agree' 1
ask 0 'How many people usually live in this household'; say 3
ask 0 'access to the internet at home' 1
ask 0 'Now list every member of the household' Enter

# Member 1: Amina, 42, employed, answers for herself.
wait_for 'Questions about: member 1'
ask 1 'First name or initials of this member'; say Amina
wait_for 'Questions about: Amina$'
ask 1 'Sex of this person' 2
ask 1 'How old is this person'; say 42
wait_for 'Questions about: Amina, 42$'
ask 1 "relationship to the head of the household" 1
ask 1 'currently attending school' 1
ask 1 'Where does this person mainly learn' 2
ask 1 'years of formal schooling'; say 12
ask 1 'mobile phone connection of their own' 1
ask 1 "main activity" 1
ask 1 'The next questions are about this person' Enter
ask 1 'answering the individual questions personally' 1
ask 1 'unpaid volunteer work' 1
ask 1 'visit a museum'; say 1
ask 1 'go to the theatre'; say 0
ask 1 'go to the cinema'; say 2
ask 1 'go to a concert'; say 0
ask 1 'attend a sporting event'; say 1
ask 1 'usually exercise or play sport' 1
ask 1 'take part in any education or training' 1
ask 1 'Was any of this education or training job-related' 1
ask 1 'learning activities organised in the community' 1
ask 1 'hours a week did this person spend'; say 3
ask 1 'take part in learning activities with' 1
ask 1 'share their skills' 2
ask 1 'spend free time with people' 1
ask 1 'use the internet, from any place' 1
ask 1 'hours in total did this person use'; say 4.5
ask 1 "own opinions" Enter
ask 1 'public transportation system' 4
ask 1 'your own everyday behaviour' 3
ask 1 'learning environment where you mainly learn' 4
ask 1 'information, guidance and counselling' 3
ask 1 'when you were about 14 years old' 2
ask 1 'highest level of education completed' 2
ask 1 'Do you have any children' 1
ask 1 'When your children reach your age' 1

# Member 2: Bo, 45, unemployed, answered for by Amina (line 1): no
# opinion questions; "don't know" (F8) on spending time with other cultures.
wait_for 'Questions about: member 2'
ask 2 'First name or initials of this member'; say Bo
ask 2 'Sex of this person' 1
ask 2 'How old is this person'; say 45
ask 2 "relationship to the head of the household" 2
ask 2 'currently attending school' 0
ask 2 'years of formal schooling'; say 9
ask 2 'mobile phone connection of their own' 1
ask 2 "main activity" 3
ask 2 'The next questions are about this person' Enter
ask 2 'answering the individual questions personally' 0
ask 2 'Line number of the household member answering'; say 1
ask 2 'unpaid volunteer work' 0
ask 2 'visit a museum'; say 0
ask 2 'go to the theatre'; say 0
ask 2 'go to the cinema'; say 0
ask 2 'go to a concert'; say 0
ask 2 'attend a sporting event'; say 3
ask 2 'usually exercise or play sport' 2
ask 2 'take part in any education or training' 0
ask 2 'learning activities organised in the community' 0
ask 2 'take part in learning activities with' 1
ask 2 'share their skills' 4
ask 2 'spend free time with people' F8
ask 2 'use the internet, from any place' 1
ask 2 'hours in total did this person use'; say 0

# Member 3: Mei, 8, at school: the roster only.
wait_for 'Questions about: member 3'
ask 3 'First name or initials of this member'; say Mei
ask 3 'Sex of this person' 2
ask 3 'How old is this person'; say 8
ask 3 "relationship to the head of the household" 3
ask 3 'currently attending school' 1
ask 3 'Where does this person mainly learn' 1
ask 3 'years of formal schooling'; say 2

# Closing: no comment (optional), the last note.
ask 0 "Interviewer's comments" Enter
ask 0 'Thank the respondent' Enter

# The review lists every answer: 81 questions were shown, of which 6
# notes, which take no answer. c marks the interview complete.
expect_eq "questions shown" "$n" 81
wait_for '^ Review · Learning city household survey .* partial *$'
wait_for '^ review · 75 of 75 answered · en *$'
keys c
wait_for 'interview complete'
wait_for '^ +7 +15 .* complete +[0-9]+ *$'

gnlc_household_checks "$T/db"
quit_ok
echo "ok: GNLC household in the terminal ($n questions)"
