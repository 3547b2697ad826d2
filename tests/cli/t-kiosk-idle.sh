#!/bin/sh
# t-kiosk-idle.sh: a respondent who walks away. After --idle seconds
# without a key the kiosk asks "are you still there?"; a key brings the
# question back as it was; after --countdown more seconds the partial
# interview is stored as abandoned (mode kiosk, its answers kept) and the
# welcome screen comes back, empty. Idle on the consent screen stores
# nothing. The thanks screen goes back to welcome by itself.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

kiosk_pin 1357
kiosk_start --idle 3 --countdown 2

# On the welcome screen the kiosk waits for ever: nothing to reset.
sleep 4
capture | grep -q 'still there' && fail "idle question on the welcome screen"

# Consent, then idle: back to welcome, nothing stored.
keys 2
wait_for "Avant de commencer"
wait_for 'Êtes-vous toujours là \?' 6
wait_for 'Choose your language' 6
expect_eq "interviews after an idle consent" \
    "$(sql "select count(*) from interviews")" 0

# One answer, then idle; a key answers the question and changes nothing.
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Bartholomew
keys Enter
answer 'How old are you, Bartholomew\?'
wait_for 'Are you still there\?' 6
wait_for 'cleared in [12] s'
keys Down
wait_for 'How old are you, Bartholomew\?'
wait_gone 'still there'
expect_eq "status while answering" \
    "$(sql "select status from interviews")" partial

# Idle again, to the end of the countdown.
wait_for 'Are you still there\?' 6
wait_for 'Choose your language' 6
capture | grep -q Bartholomew && fail "the next respondent sees the name"
expect_eq "abandoned interview" \
    "$(sql "select status || ' ' || mode || ' ' || language from interviews")" \
    "abandoned kiosk en"
expect_eq "its answer" "$(sql "select value from answers where question = 'nickname'")" \
    Bartholomew
expect_eq "ended" "$(sql "select ended_at is not null from interviews")" 1

# The thanks screen leaves by itself (10 s) for the welcome screen.
respondent Ingrid
wait_for 'Choose your language' 15
expect_eq "complete" \
    "$(sql "select count(*) from interviews where status = 'complete'")" 1

staff_exit 1357
echo "ok: t-kiosk-idle"
