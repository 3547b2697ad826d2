#!/bin/sh
# t-kiosk-display.sh: readable by everyone. NO_COLOR means no colour at
# all, even with --large; --large is bold throughout with a blank row
# between choices; the Linux console (TERM=linux) works; at 80x24 the
# consent text and the labels are wrapped whole, not cut.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

# Colour escapes (SGR 30-37, 40-47, 90-97, 100-107, 38;5 and 48;5) in the
# pane; 39 and 49 (the default colours) are tmux's own resets.
colours() {
	tm capture-pane -e -p -t t | grep -Eo '\[[0-9;]*m' |
	    grep -Ec '[[;](3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5|48;5)[;m]' || :
}

kiosk_pin 1111

# Colour by default, where the terminal has it.
tmux_start 80 24 env TERM=xterm-256color "$LCSURVEY" kiosk \
    "'$KIOSK_SURVEY'" --db "'$T/db'" --large
wait_for 'Choose your language'
[ "$(colours)" -gt 0 ] || fail "no colour without NO_COLOR"
# --large: a blank row between the languages, and between choices.
capture | grep -A2 '1   English' | sed -n 2p | grep -q '^ *$' ||
    fail "--large: no blank row between the languages"
capture | grep -A1 '1   English' | sed -n 2p | grep -q 'Français' &&
    fail "--large: languages on consecutive rows"
staff_exit 1111
tm kill-server

# NO_COLOR, even with --large: bold and reverse only.
tmux_start 80 24 env NO_COLOR=1 TERM=xterm-256color "$LCSURVEY" kiosk \
    "'$KIOSK_SURVEY'" --db "'$T/db'" --large
wait_for 'Choose your language'
expect_eq "colour escapes with NO_COLOR (welcome)" "$(colours)" 0
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Kim
keys Enter
answer 'How old are you, Kim\?'
expect_eq "colour escapes with NO_COLOR (question)" "$(colours)" 0
capture | grep -A1 '1  Under 25' | sed -n 2p | grep -q '^ *$' ||
    fail "--large: no blank row between choices"
staff_exit 1111
tm kill-server

# The Linux console at 80x24: consent and labels wrapped whole.
tmux_start 80 24 env TERM=linux "$LCSURVEY" kiosk "'$KIOSK_SURVEY'" \
    --db "'$T/db'"
wait_for 'Choose your language'
keys 2
wait_for 'Avant de commencer'
wait_for '^   Cette enquête est anonyme\. '
wait_for "^   .*dans la ville\\. *\$"
capture | grep -q '…' && fail "the consent text is cut"
keys 1
answer 'Comment vous appeler'
send_text Kim
keys Enter
answer 'Quel âge avez-vous, Kim' 1
wait_for 'Au cours des 12 derniers mois'
wait_for 'nouveau \? *$'
capture | grep -q '…' && fail "a label is cut"
staff_exit 1111
echo "ok: t-kiosk-display"
