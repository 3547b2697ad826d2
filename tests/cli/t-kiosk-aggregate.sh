#!/bin/sh
# t-kiosk-aggregate.sh: a completed kiosk interview is an interview like
# any other: status complete, mode kiosk, the respondent's language, and
# `lcsurvey aggregate` counts it (and not the abandoned one).
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

kiosk_pin 97531
kiosk_start --idle 3 --countdown 1

# One complete in French (yes to learning), one complete in English
# (no), one abandoned (yes, but never finished).
keys 2
answer 'Avant de commencer' 1
answer 'Comment vous appeler'
send_text Aurélie
keys Enter
answer 'Quel âge avez-vous, Aurélie' 2
answer 'appris quelque chose de nouveau' 1
answer 'Autre chose' Enter
wait_for 'Merci ! Vos réponses sont enregistrées'
keys Enter
wait_for 'Choose your language'
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Tomasz
keys Enter
answer 'How old are you, Tomasz' 1
answer 'did you learn something new' 0
answer 'Anything else'
send_text 'More libraries please'
keys Enter
wait_for 'Thank you! Your answers have been saved'
keys Enter
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Nobody
keys Enter
answer 'How old are you, Nobody' 3
answer 'did you learn something new' 1
wait_for 'Choose your language' 10
staff_exit 97531

expect_eq "interviews" \
    "$(sql "select group_concat(status || '/' || mode || '/' || language, ' ') from (select * from interviews order by started_at)")" \
    "complete/kiosk/fr complete/kiosk/en abandoned/kiosk/en"
"$LCSURVEY" aggregate --db "$T/db" --format csv "$KIOSK_SURVEY" >"$T/agg.csv" \
    2>"$T/agg.err" || { cat "$T/agg.err"; fail "aggregate failed"; }
# indicator,code,name,group,category,n,estimate,...: two respondents,
# one of whom learned something: 50 %.
line=$(grep '^learners,' "$T/agg.csv" | head -1)
n=$(echo "$line" | awk -F, '{ print $6 }')
est=$(echo "$line" | awk -F, '{ print $7 }')
expect_eq "aggregate n" "$n" 2
case $est in
50|50.0*) ;;
*) fail "aggregate estimate: expected 50, got '$est' ($line)" ;;
esac
echo "ok: t-kiosk-aggregate"
