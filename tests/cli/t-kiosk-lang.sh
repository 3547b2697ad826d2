#!/bin/sh
# t-kiosk-lang.sh: an answer is refused in the language the respondent
# chose, not the terminal's: a French respondent who leaves a required
# question empty reads French, and the next respondent, who chooses
# English on the same kiosk, reads English again.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

kiosk_pin 24680
kiosk_start

keys 2
answer 'Avant de commencer' 1
answer 'Comment vous appeler'
keys Enter
wait_for '^ +une réponse est obligatoire *$'
# Staff start afresh; the next respondent chooses English.
staff_menu 24680
keys 2
wait_for 'Choose your language'
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
keys Enter
wait_for '^ +an answer is required *$'
capture | grep -q 'obligatoire' && fail "French left on the English screen"
staff_exit 24680
echo "ok: t-kiosk-lang"
