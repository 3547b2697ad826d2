#!/bin/sh
# t-interview-resize.sh: the window shrinks from 120x40 to 40x12 and grows
# back while an answer is half typed. The typed text survives both
# redraws (it lives in the screen's state, not in curses), the small
# screen still shows the label, the input and the status line, and Enter
# afterwards saves what was typed.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 120 40 "$LCSURVEY" interview "$TOP/surveys/example.yaml" \
    --db "$T/db"
answer 'New interview' n
answer 'District' 2
answer 'Enumeration area number'; send_text 5; keys Enter
answer 'Household number'; send_text 12
wait_for '› 12 +1 to 999'

resize 40 12
wait_for '^ Learning city example survey *$'
wait_for '^ Household number *$'
wait_for '^ › 12 +1 to 999 *$'
wait_for '^ question 3 of 7 · Identification · en *$'
# Nothing is wider than the window, nothing is cut mid-character.
capture >"$T/pane"
while IFS= read -r line; do
	n=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)
	[ "$n" -le 40 ] || fail "a line of $n characters at 40 columns"
done <"$T/pane"

# Still editing at the small size: the cursor is where it was.
send_text 3
wait_for '^ › 123 '
keys BSpace
wait_for '^ › 12 +1 to 999 *$'

resize 120 40
wait_for '› 12 +1 to 999'
wait_for 'question 3 of 7 · Identification · en'
keys Enter
answer 'Sampling weight'
expect_eq household "$(sql "select value from answers where
    question = 'household'")" 12

# A resize on the review and start screens redraws them too.
resize 40 12
keys F4
wait_for '^ Review'
wait_for 'Household number +12'
resize 120 40
wait_for '^ +Household number +12 *$'
keys p
wait_for 'interview saved as partial'
resize 40 12
wait_for '^ +12 +partial +[0-9]+ *$'
quit_ok
echo "ok: resize"
