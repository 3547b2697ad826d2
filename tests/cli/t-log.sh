#!/bin/sh
# The audit trail end to end: a scripted interview of surveys/example.yaml
# with a soft-check confirmation and a changed answer whose dependent is
# cleared by skip logic; completion; a refused edit of the complete
# interview; reopening with a reason (on a clock set back an hour) and an
# edit, interrupted; resuming, which carries the reason on; completion
# again. `lcsurvey log` must show every event in order, with the reason,
# the confirmation and the clock flag. LCSURVEY_FAKE_NOW fixes the times.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/x.db
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$db" "$1"; }
script() { "$LCSURVEY" script surveys/example.yaml --db "$db" "$@"; }

# 1. Age 105 warns and is confirmed; learned "1 2" -> "1" clears
# hours_online (no longer relevant).
printf '%s\n' 1 12 3 '' 2025-03-01 '' 2 Amina 2 105 :confirm 1 '1 2' 5.5 \
    :back :back 1 4 Bo 1 9 '' complete |
    LCSURVEY_FAKE_NOW=2025-03-01T10:00:00.000Z script >"$tmp/out1"
uuid=$(sed -n 's/^interview //p' "$tmp/out1")
grep -q '^~ Over 100 years old' "$tmp/out1" || fail "no warning: $(cat "$tmp/out1")"
grep -q "^complete $uuid\$" "$tmp/out1" || fail "not completed: $(cat "$tmp/out1")"
[ "$(q "select value || '/' || confirmed from answers where question='age' and member=1")" = 105/1 ] ||
    fail "confirmation not stored with the answer"
[ "$(q "select count(*) from answers where question='hours_online'")" = 0 ] ||
    fail "hours_online not cleared"

# 2. A complete interview is not edited without reopening it with a
# reason. Then: reopened an hour "earlier", age corrected (still over
# 100: confirmed again), and the input ends there.
printf '%s\n' :back 34 :reopen ':reopen respondent corrected her age' \
    :back :back :back :back :back :back :back 103 :confirm |
    LCSURVEY_FAKE_NOW=2025-03-01T09:00:00.000Z script --resume "$uuid" >"$tmp/out2"
grep -q '^! the interview is complete: reopen it' "$tmp/out2" ||
    fail "edit of a complete interview not refused: $(cat "$tmp/out2")"
grep -q '^! .*a reason is needed' "$tmp/out2" || fail "reopen without a reason"
grep -q "^reopened $uuid\$" "$tmp/out2" || fail "not reopened: $(cat "$tmp/out2")"
# The refused edit's ':back' left it at the comment; seven more reach
# member 1's age.
sed -n '/^reopened/,$p' "$tmp/out2" | sed -n 9p | grep -q '^? age 1$' ||
    fail "not at age: $(cat "$tmp/out2")"
[ "$(q "select status from interviews where uuid='$uuid'")" = partial ] || fail "status"

# 3. Resumed in a new process: the reason still applies. The empty
# comment gets a text; then complete.
printf '%s\n' :back 'lives with her son' complete |
    LCSURVEY_FAKE_NOW=2025-03-01T11:00:00.000Z script --resume "$uuid" >"$tmp/out3"
grep -q "^complete $uuid\$" "$tmp/out3" || fail "not completed again: $(cat "$tmp/out3")"

# Every event, in order: member, question, event.
"$LCSURVEY" log --db "$db" --format csv "$uuid" >"$tmp/log.csv"
head -1 "$tmp/log.csv" | grep -q '^seq,at,device,interview,member,question,event,old_value,old_missing,new_value,new_missing,confirmed,reason,clock_backwards$' ||
    fail "csv header: $(head -1 "$tmp/log.csv")"
sed 1d "$tmp/log.csv" | cut -d, -f5-7 >"$tmp/events"
cat >"$tmp/expected" <<'EOF'
0,adults,answer
0,district,answer
0,cluster,answer
0,household,answer
0,weight,answer
0,visit_date,answer
0,hh_size,answer
1,name,answer
1,sex,answer
1,age,answer
1,adult,answer
0,adults,change
1,volunteer,answer
1,learned,answer
1,hours_online,answer
1,learned,change
1,hours_online,clear
1,transport,answer
2,name,answer
2,sex,answer
2,age,answer
2,adult,answer
0,comment,answer
,,complete
,,reopen
1,age,change
0,comment,change
,,complete
EOF
diff "$tmp/expected" "$tmp/events" >"$tmp/diff" || fail "events: $(cat "$tmp/diff")"

# Sequence numbers strictly increase; the values, reason and flags.
sed 1d "$tmp/log.csv" | cut -d, -f1 | sort -n -c -u || fail "sequence not increasing"
grep -q ',1,age,answer,,,105,,1,,0$' "$tmp/log.csv" || fail "age answer row"
grep -q ',1,learned,change,1 2,,1,,0,,0$' "$tmp/log.csv" || fail "learned change row"
grep -q ',1,hours_online,clear,5.5,,,,0,,0$' "$tmp/log.csv" || fail "clear row"
grep -q ',,,reopen,complete,,partial,,0,respondent corrected her age,1$' "$tmp/log.csv" ||
    fail "reopen row (reason, clock went backwards)"
grep -q ',1,age,change,105,,103,,1,respondent corrected her age,0$' "$tmp/log.csv" ||
    fail "age change row"
grep -q ',0,comment,change,,,lives with her son,,0,respondent corrected her age,0$' "$tmp/log.csv" ||
    fail "reason not carried over a resume"
grep -q ',,,complete,partial,,complete,,0,respondent corrected her age,0$' "$tmp/log.csv" ||
    fail "second completion"
[ "$(q 'select count(*) from answer_log where clock_backwards')" = 1 ] || fail "clock flags"
# Only the reopening was earlier than the event before it.
[ "$(q "select event from answer_log where clock_backwards")" = reopen ] || fail "flagged event"
[ "$(q "select value || '/' || confirmed from answers where question='age' and member=1")" = 103/1 ] ||
    fail "confirmation of the corrected age"
# The log row of an answer carries the answer's own number.
[ "$(q "select count(*) from answers a join answer_log l on l.seq = a.seq and l.question = a.question and l.member = a.member where a.interview='$uuid'")" = \
  "$(q "select count(*) from answers where interview='$uuid'")" ] || fail "answers.seq and answer_log.seq"

# The table, by a unique prefix of the UUID.
short=$(echo "$uuid" | cut -c1-8)
"$LCSURVEY" log --db "$db" "$short" >"$tmp/log.txt"
head -1 "$tmp/log.txt" | grep -q "^interview $uuid (complete, device " || fail "table heading: $(head -1 "$tmp/log.txt")"
grep -q '^ *SEQ  TIME (UTC) ' "$tmp/log.txt" || fail "table header"
grep -q ' 1  age  *answer  *(none) -> 105 (confirmed)$' "$tmp/log.txt" || fail "table: age: $(cat "$tmp/log.txt")"
grep -q ' 0  weight  *answer  *(none) -> (empty)$' "$tmp/log.txt" || fail "table: empty answer"
grep -q ' -  -  *reopen  *complete -> partial  *clock went backwards; reason: respondent corrected her age$' "$tmp/log.txt" ||
    fail "table: reopen: $(cat "$tmp/log.txt")"
grep -q ' 1  hours_online  *clear  *5.5 -> (none)$' "$tmp/log.txt" || fail "table: clear"
grep -q ' $' "$tmp/log.txt" && fail "trailing spaces in the table"

# Refusals: one line, the documented exit codes.
set +e
"$LCSURVEY" log --db "$db" 00000000 >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 65 ] || fail "unknown interview: exit $rc"
[ "$(wc -l <"$tmp/err")" = 1 ] && grep -q "no interview '00000000'" "$tmp/err" ||
    fail "unknown interview message: $(cat "$tmp/err")"
set +e
"$LCSURVEY" log --db "$tmp/none.db" "$uuid" >/dev/null 2>"$tmp/err"; rc=$?
set -e
[ "$rc" = 66 ] || fail "missing database: exit $rc"
[ ! -e "$tmp/none.db" ] || fail "log created a database"
set +e
"$LCSURVEY" log --db "$db" --format xml "$uuid" >/dev/null 2>&1; rc=$?
set -e
[ "$rc" = 64 ] || fail "unknown format: exit $rc"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail integrity
[ "$(q 'PRAGMA foreign_key_check')" = "" ] || fail "foreign keys"
echo ok
