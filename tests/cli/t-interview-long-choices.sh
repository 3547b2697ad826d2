#!/bin/sh
# t-interview-long-choices.sh: at 40x12, choice labels longer than the
# line wrap onto lines of their own, indented under the label, instead of
# being cut; the list scrolls by whole choices and keeps the selected one
# wholly in view; a multiple choice's tick box stays on the first line;
# at 120x40 every choice is one line again.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 40 12 "$LCSURVEY" interview \
    "$TOP/tests/cli/fixtures/long-choices.yaml" --db "$T/db"
answer 'New interview' n
wait_for '^ ›  1  No formal education or less *$'
wait_for '^       than primary *$'
wait_for '^    2  Primary education or lower *$'
wait_for '^       secondary education completed *$'
# Choice 3 does not fit below: cut, and the arrow says the list goes on.
wait_for '^    3  Upper secondary or… +▼$'
keys Down Down
wait_for '^ ›  3  Upper secondary or *$'
wait_for '^       post-secondary non-tertiary *$'
wait_for '^       education completed +▼$'
wait_for '^    2  Primary education or lower +▲$'
wait_gone 'No formal education'
keys Enter
wait_for '^ Why did you take part in learning *$'
expect_eq "level" "$(sql "select value from answers where question = 'level'")" 3

# Multiple choice: the box on the first line, the label wrapped beside it.
wait_for '^ ›  1  \[ \] To do my job better or *$'
wait_for '^           improve my career *$'
wait_for '^           prospects *$'
keys Down Space
wait_for '^ ›  2  \[x\] To get knowledge or skills +▲$'
wait_for '^           on a subject that *$'
wait_for '^           interests me *$'
wait_for '^    3  \[ \] To meet people or for fun *$'

resize 120 40
wait_for '^ +› +2  \[x\] To get knowledge or skills on a subject that interests me *$'
wait_for '^ +1  \[ \] To do my job better or improve my career prospects *$'
keys Enter
wait_for 'Review'
expect_eq "why" "$(sql "select value from answers where question = 'why'")" 2
quit_ok
echo "ok: long choice labels wrap"
