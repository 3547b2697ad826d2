#!/bin/sh
# t-kiosk-privacy.sh: the next respondent sees nothing of the previous
# one. After a completed interview and after an abandoned one, the pane
# and its scrollback (tmux history, with a TERM that has the E3 "clear
# scrollback" capability) hold no trace of the distinctive names typed;
# the next respondent's first question is empty, and going back from it
# cannot reach the previous interview; the kiosk has no list of
# interviews anywhere.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

# Everything tmux keeps: the visible pane and the whole history.
everything() {
	tm capture-pane -p -t t -S - -E -
}

no_trace() {
	everything | grep -q "$1" && fail "'$1' is still on the terminal"
	return 0
}

kiosk_pin 8642
tmux_start 80 24 env TERM=tmux-256color "$LCSURVEY" kiosk \
    "'$KIOSK_SURVEY'" --db "'$T/db'" --idle 3 --countdown 1
wait_for 'Choose your language'

# A whole respondent, then the thanks screen, then welcome.
respondent Quetzalcoatlina 3
wait_for 'Thank you'
no_trace Quetzalcoatlina
keys Enter
wait_for 'Choose your language'
no_trace Quetzalcoatlina
no_trace '65 or over'

# The next respondent starts empty and cannot go back past question 1.
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
wait_for '^ +› +up to 30'
no_trace Quetzalcoatlina
keys PPage
wait_for 'this is the first question'
keys Left Up BSpace
sleep 0.3
no_trace Quetzalcoatlina

# A respondent who leaves halfway: abandoned, and wiped as well.
send_text Zebulonia
keys Enter
answer 'How old are you, Zebulonia\?'
wait_for 'Choose your language' 10
no_trace Zebulonia
expect_eq "statuses" \
    "$(sql "select group_concat(status, ' ') from (select status from interviews order by started_at)")" \
    "complete abandoned"

# No key of the kiosk lists interviews (the enumerator's start screen
# would show 'New interview' and the list).
for k in F1 F2 F3 F4 F5 F6 F7 F10 F11 F12 n l r Tab; do
	keys "$k"
done
sleep 0.3
capture | grep -Eq 'New interview|Review|partial|complete' &&
    fail "a list of interviews is on screen"
staff_exit 8642
no_trace Zebulonia

# The Linux console has no alternate screen: what is on it when the
# program ends stays there, so the kiosk wipes it before leaving.
tm kill-server
tmux_start 80 24 env TERM=linux "$LCSURVEY" kiosk "'$KIOSK_SURVEY'" \
    --db "'$T/db'"
wait_for 'Choose your language'
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Hortensia
keys Enter
answer 'How old are you, Hortensia\?'
staff_exit 8642
no_trace Hortensia
echo "ok: t-kiosk-privacy"
