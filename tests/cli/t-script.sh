#!/bin/sh
# The scripted driver: a full interview of surveys/example.yaml through the
# same session/engine/store path as the screens, checked in the database
# with sqlite3; resuming at the first unanswered question; and resuming
# after the questionnaire file changed (the interview keeps its version).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/x.db
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$db" "$1"; }

printf '1\n12\n3\n\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n' |
    "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/out"
uuid=$(sed -n 's/^interview //p' "$tmp/out")
grep -q "^complete $uuid\$" "$tmp/out" || fail "not completed: $(cat "$tmp/out")"
[ "$(q "select status from interviews where uuid='$uuid'")" = complete ] || fail status
[ "$(q "select value from answers where question='age' and member=1")" = 34 ] || fail age
[ "$(q "select value from answers where question='learned' and member=1")" = "1 2" ] || fail learned
[ "$(q "select typeof(value) from answers where question='hours_online'")" = real ] || fail real
[ "$(q "select value from answers where question='adults'")" = 1 ] || fail calculate
# The child (member 2) was never asked the adult questions.
[ "$(q "select count(*) from answers where member=2 and question in ('volunteer','learned','transport')")" = 0 ] ||
    fail "skipped questions have answers"
[ "$(q "select stratum || '/' || cluster || '/' || household from interviews where uuid='$uuid'")" = 1/12/3 ] ||
    fail "design fields"
# Refused answers are said and asked again.
printf '9\n1\n' | "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/out2"
grep -q "^! '9' is not one of the choices" "$tmp/out2" || fail "no refusal: $(cat "$tmp/out2")"
# An unknown interview to resume: one line, exit 65.
rc=0
: | "$LCSURVEY" script surveys/example.yaml --db "$db" --resume deadbeef 2>"$tmp/err" || rc=$?
[ "$rc" = 65 ] && grep -q "deadbeef" "$tmp/err" || fail "unknown --resume: exit $rc, $(cat "$tmp/err")"
# Opening an interview writes nothing; its first answer writes the row
# and the calculations made before it (no members yet: adults = 0).
u2=$(sed -n 's/^interview //p' "$tmp/out2")
[ "$(q "select value from answers where interview='$u2' and question='adults'")" = 0 ] ||
    fail "calculation made before the first answer not stored"
: | "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/out2b"
u2b=$(sed -n 's/^interview //p' "$tmp/out2b")
[ "$(q "select count(*) from interviews where uuid='$u2b'")" = 0 ] ||
    fail "an interview nobody answered left a row"

# Resume: three answers, end of input, then continue at the fourth.
printf '2\n7\n1\n' | "$LCSURVEY" script surveys/example.yaml --db "$db" >"$tmp/out3"
u3=$(sed -n 's/^interview //p' "$tmp/out3")
[ "$(q "select status from interviews where uuid='$u3'")" = partial ] || fail partial
# (by the last 8 characters of its UUID, as `lcsurvey log` takes it: the
# first 8 name the device, the same for every interview here)
: | "$LCSURVEY" script surveys/example.yaml --db "$db" --resume "$(echo "$u3" | cut -c29-36)" >"$tmp/out4"
: | "$LCSURVEY" script surveys/example.yaml --db "$db" --resume "$(echo "$u3" | cut -c1-8)" 2>"$tmp/err4" &&
    fail "a device's 8 digits resumed one of its interviews"
grep -q "more than one" "$tmp/err4" || fail "ambiguous: $(cat "$tmp/err4")"
sed -n 2p "$tmp/out4" | grep -q '^? weight 0$' || fail "resumed at: $(cat "$tmp/out4")"

# Change the questionnaire file: the interview carries on with its version.
cp surveys/example.yaml "$tmp/s.yaml"
printf '1\n5\n' | "$LCSURVEY" script "$tmp/s.yaml" --db "$db" >"$tmp/out5"
u5=$(sed -n 's/^interview //p' "$tmp/out5")
sed -i 's/Household number/Dwelling number/; s/max: 999$/max: 99/' "$tmp/s.yaml"
printf '500\n' | "$LCSURVEY" script "$tmp/s.yaml" --db "$db" --resume "$u5" >"$tmp/out6"
grep -q '^note questionnaire changed' "$tmp/out6" || fail "no note: $(cat "$tmp/out6")"
# 500 is valid under the old version (max 999), not the new one (max 99).
grep -q '^! ' "$tmp/out6" && fail "old version not used: $(cat "$tmp/out6")"
[ "$(q "select value from answers where interview='$u5' and question='household'")" = 500 ] ||
    fail "answer under old version"
[ "$(q "select count(*) from questionnaires")" = 1 ] || fail "the resumed interview registered the new version"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail integrity
echo ok
