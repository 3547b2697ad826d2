#!/bin/sh
# lcsurvey merge refuses a truncated file, an SQLite file of another
# program, a non-SQLite file, a hand-edited questionnaire, a file whose
# schema was tampered with and rows that break the schema's checks, each
# with one clear line, exit status 65, and the target's bytes unchanged;
# the good files given with them are merged.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
full='1\n12\n3\n\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n'
for i in 1 2 3 4 5 6; do
	printf "$full" | "$LCSURVEY" script surveys/example.yaml --db "$tmp/a.db" >/dev/null
done
printf "$full" | "$LCSURVEY" script surveys/example.yaml --db "$tmp/good.db" >/dev/null
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/a.db" >/dev/null

size=$(wc -c <"$tmp/a.db")
head -c $((size / 2)) "$tmp/a.db" >"$tmp/truncated.db"
sqlite3 "$tmp/foreign.db" "CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('x')"
head -c 20000 /dev/urandom >"$tmp/random.db"
cp "$tmp/a.db" "$tmp/badhash.db"
sqlite3 "$tmp/badhash.db" "UPDATE questionnaires SET source = source || ' '"
cp "$tmp/a.db" "$tmp/trigger.db"
sqlite3 "$tmp/trigger.db" "CREATE TRIGGER t AFTER INSERT ON interviews BEGIN DELETE FROM answers; END"
cp "$tmp/a.db" "$tmp/newer.db"
sqlite3 "$tmp/newer.db" "PRAGMA user_version = 99"
cp "$tmp/a.db" "$tmp/huge.db"
sqlite3 "$tmp/huge.db" "UPDATE answers SET value = zeroblob(2000000) || '' WHERE rowid IN (SELECT rowid FROM answers LIMIT 1)" 2>/dev/null ||
    sqlite3 "$tmp/huge.db" "UPDATE answers SET value = printf('%2000000s', 'x') WHERE question = 'name' AND member = 1"
# Rows breaking the schema's CHECK constraints: a new interview's answer
# (caught as it is copied) and a status of an interview both sides have.
cp "$tmp/good.db" "$tmp/unchecked.db"
sqlite3 "$tmp/unchecked.db" "PRAGMA ignore_check_constraints = 1;
    UPDATE answers SET value = NULL, missing = 'maybe'
    WHERE question = 'name' AND member = 1"
cp "$tmp/a.db" "$tmp/status.db"
sqlite3 "$tmp/status.db" "PRAGMA ignore_check_constraints = 1;
    UPDATE interviews SET status = 'done'"

before=$(sha256sum <"$tmp/c.db")
for bad in truncated foreign random badhash trigger newer huge unchecked status; do
	set +e
	"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/$bad.db" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	set -e
	[ $rc -eq 65 ] || fail "$bad: exit status $rc: $(cat "$tmp/err")"
	grep -q "$bad.db: refused$" "$tmp/out" || fail "$bad: $(cat "$tmp/out")"
	[ "$(wc -l <"$tmp/err")" -eq 1 ] || fail "$bad: not one line: $(cat "$tmp/err")"
	grep -q "^lcsurvey: error: '$tmp/$bad.db': " "$tmp/err" || fail "$bad: $(cat "$tmp/err")"
	[ "$(sha256sum <"$tmp/c.db")" = "$before" ] || fail "$bad: target changed"
done
grep -q "damaged or truncated" "$tmp/err" || true
for pair in "truncated:damaged or truncated" "foreign:not an lcsurvey one" \
    "random:not an SQLite database" "badhash:hash does not match" \
    "trigger:it has trigger 't'" "newer:schema version 99 is newer" \
    "huge:larger than lcsurvey ever writes" \
    "unchecked:cannot copy answers: CHECK constraint failed: missing IN" \
    "status:CHECK constraint failed in interviews"; do
	f=${pair%%:*}
	"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/$f.db" 2>&1 >/dev/null |
	    grep -q "${pair#*:}" || fail "$f: message: $("$LCSURVEY" merge --into "$tmp/c.db" "$tmp/$f.db" 2>&1)"
done
# The input files are only read.
[ ! -e "$tmp/truncated.db-wal" ] && [ ! -e "$tmp/random.db-shm" ] || fail "side files created"

# Bad and good together: the good one is merged, the status says one failed.
set +e
"$LCSURVEY" merge --into "$tmp/c.db" "$tmp/random.db" "$tmp/good.db" >"$tmp/out" 2>/dev/null
rc=$?
set -e
[ $rc -eq 65 ] || fail "mixed: exit status $rc"
grep -q "good.db: 1 new" "$tmp/out" || fail "mixed: $(cat "$tmp/out")"
grep -q "^total: 2 files, 1 refused: 1 new" "$tmp/out" || fail "mixed total: $(cat "$tmp/out")"
echo ok
