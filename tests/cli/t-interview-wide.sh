#!/bin/sh
# t-interview-wide.sh: Chinese (double-width) and accented French at
# 40x12. The Chinese label wraps at 38 columns into lines of 19
# characters, never half a character; choices and the status line line
# up; F2 redraws everything in French, and back.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

tmux_start 40 12 "$LCSURVEY" interview "$TOP/tests/cli/fixtures/zh-fr.yaml" \
    --db "$T/db" --lang zh
answer '^ 学习型城市调查' n
wait_for '^ 在过去十二个月里，您多久参加一次社区学 *$'
wait_for '^ 习中心组织的课程或者活动？ *$'
wait_for '^ ›  1  每天 *$'
wait_for '^    2  每周一次或更多 *$'
wait_for '^ question 1 of 2 · 学习活动 · zh *$'
# The title bar: the survey title and, right-aligned, the section.
wait_for '^ 学习型城市调查 +学习活动 *$'

keys F2
wait_for '^ Au cours des douze derniers mois, à *$'
wait_for '^ quelle fréquence avez-vous participé à *$'
wait_for '^ une activité éducative \? *$'
wait_for '^    2  Une fois par semaine ou plus *$'
wait_for "^ question 1 of 2 · Activités d'apprent…$"
# The interview's row (and its language) is written with the first
# answer, given here in French.
keys 2
wait_for "^ question 2 of 2"
expect_eq "recorded language" "$(sql "select language from interviews")" fr

keys F2
# Text input in Chinese: typed, shown, saved.
answer '^ 地点 *$'; send_text '北京市'
wait_for '^ › 北京市 *$'
keys Enter
wait_for 'Review'
expect_eq "often" "$(sql "select value from answers where
    question = 'often'")" 2
expect_eq "place" "$(sql "select value from answers where
    question = 'place'")" 北京市
quit_ok
echo "ok: wide and accented text"
