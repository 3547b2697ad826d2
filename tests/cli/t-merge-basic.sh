#!/bin/sh
# lcsurvey merge: files from two "laptops" into a central database; merging
# again changes nothing; an interview edited differently on two copies is
# kept twice and reported with both UUIDs; a partial interview later
# completed replaces its earlier version, also when an answer was changed
# meanwhile (the audit log proves it is the same interview, continued).
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
q() { sqlite3 "$tmp/c.db" "$1"; }
full='1\n12\n3\n\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n'
for f in a a b; do
	printf "$full" | "$LCSURVEY" script surveys/example.yaml --db "$tmp/$f.db" \
	    --enumerator "e-$f" >/dev/null
done
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/a.db" "$tmp/b.db" >"$tmp/out1"
grep -q "a.db: 2 new, 0 unchanged, 0 updated, 0 conflicts$" "$tmp/out1" ||
    fail "first merge: $(cat "$tmp/out1")"
grep -q "^total: 2 files, 0 refused: 3 new" "$tmp/out1" || fail "total: $(cat "$tmp/out1")"
sum1=$(q "SELECT count(*), sum(length(value)) FROM answers")
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/a.db" "$tmp/b.db" >"$tmp/out2"
grep -q "a.db: 0 new, 2 unchanged, 0 updated, 0 conflicts$" "$tmp/out2" ||
    fail "second merge: $(cat "$tmp/out2")"
[ "$(q "SELECT count(*), sum(length(value)) FROM answers")" = "$sum1" ] ||
    fail "second merge changed answers"
[ "$(q 'SELECT count(*) FROM interviews')" = 3 ] || fail "interview count"
# Devices are per file and kept.
[ "$(q 'SELECT count(DISTINCT device) FROM interviews')" = 2 ] || fail devices
[ "$(q 'SELECT count(*) FROM answer_log')" -gt 0 ] || fail "audit log not merged"

# The same interview edited on a copy: a conflict, both kept.
cp "$tmp/b.db" "$tmp/b2.db"
u=$(sqlite3 "$tmp/b2.db" "SELECT uuid FROM interviews")
sqlite3 "$tmp/b2.db" "UPDATE answers SET value = 35 WHERE question = 'age' AND member = 1"
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/b2.db" >"$tmp/out3"
grep -q "b2.db: conflict: interview $u differs" "$tmp/out3" || fail "conflict: $(cat "$tmp/out3")"
grep -q "b2.db: 0 new, 0 unchanged, 0 updated, 1 conflict$" "$tmp/out3" ||
    fail "conflict summary: $(cat "$tmp/out3")"
copy=$(sed -n 's/.*this file.s version as //p' "$tmp/out3")
[ "$(q "SELECT value FROM answers WHERE interview = '$u' AND question = 'age' AND member = 1")" = 34 ] ||
    fail "target's version overwritten"
[ "$(q "SELECT value FROM answers WHERE interview = '$copy' AND question = 'age' AND member = 1")" = 35 ] ||
    fail "incoming version not kept"
[ "$(q "SELECT value FROM meta WHERE name = 'conflict:$copy'")" = "$u" ] || fail "conflict link"
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/b2.db" >"$tmp/out4"
grep -q "b2.db: 0 new, 1 unchanged, 0 updated, 0 conflicts$" "$tmp/out4" ||
    fail "conflict merged twice: $(cat "$tmp/out4")"

# Partial, merged, then completed on the laptop: updated.
printf '1\n12\n3\n' | "$LCSURVEY" script surveys/example.yaml --db "$tmp/p.db" >"$tmp/p1"
pu=$(sed -n 's/^interview //p' "$tmp/p1")
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/p.db" >/dev/null
printf '\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n' |
    "$LCSURVEY" script surveys/example.yaml --db "$tmp/p.db" --resume "$pu" >/dev/null
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/p.db" >"$tmp/out5"
grep -q "p.db: 0 new, 0 unchanged, 1 updated, 0 conflicts$" "$tmp/out5" ||
    fail "update: $(cat "$tmp/out5")"
[ "$(q "SELECT status FROM interviews WHERE uuid = '$pu'")" = complete ] || fail "updated status"

# Merged while partial, then an earlier answer changed and the interview
# completed: the audit log shows the laptop went on with the same
# interview, so it is an update, not a conflict (the answers alone would
# not show it). The snapshot taken before that is older: unchanged. A copy
# that went on differently from the same snapshot: a conflict.
printf '1\n12\n3\n' | "$LCSURVEY" script surveys/example.yaml --db "$tmp/e.db" >"$tmp/e1"
eu=$(sed -n 's/^interview //p' "$tmp/e1")
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/e.db" >/dev/null
cp "$tmp/e.db" "$tmp/e-old.db"
cp "$tmp/e.db" "$tmp/e-other.db"
rest='\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n'
printf ":back\n4\n$rest" |
    "$LCSURVEY" script surveys/example.yaml --db "$tmp/e.db" --resume "$eu" >/dev/null
printf ":back\n5\n$rest" |
    "$LCSURVEY" script surveys/example.yaml --db "$tmp/e-other.db" --resume "$eu" >/dev/null
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/e.db" >"$tmp/out6"
grep -q "e.db: 0 new, 0 unchanged, 1 updated, 0 conflicts$" "$tmp/out6" ||
    fail "edited after a merge: $(cat "$tmp/out6")"
[ "$(q "SELECT value FROM answers WHERE interview = '$eu' AND question = 'household'")" = 4 ] ||
    fail "edited answer not merged"
[ "$(q "SELECT status FROM interviews WHERE uuid = '$eu'")" = complete ] || fail "edited status"
[ "$(q "SELECT count(*) FROM answer_log WHERE interview = '$eu' AND event = 'change' AND question = 'household' AND new_value = 4")" = 1 ] ||
    fail "the change is not in the merged audit log"
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/e-old.db" >"$tmp/out7"
grep -q "e-old.db: 0 new, 1 unchanged, 0 updated, 0 conflicts$" "$tmp/out7" ||
    fail "older snapshot: $(cat "$tmp/out7")"
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/e-other.db" >"$tmp/out8"
grep -q "e-other.db: 0 new, 0 unchanged, 0 updated, 1 conflict$" "$tmp/out8" ||
    fail "diverging copy: $(cat "$tmp/out8")"
[ "$(q "SELECT value FROM answers WHERE interview = '$eu' AND question = 'household'")" = 4 ] ||
    fail "diverging copy overwrote the target"
[ "$(q 'PRAGMA integrity_check')" = ok ] || fail integrity
[ -z "$(q 'PRAGMA foreign_key_check')" ] || fail "dangling references"
echo ok
