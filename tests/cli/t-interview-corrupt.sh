#!/bin/sh
# t-interview-corrupt.sh: the interview screens check the database (PRAGMA
# quick_check) right after painting the first screen, before anything can
# be written: a damaged database ends the program with one clear line and
# exit 65 (or 74, when reading the questionnaire already met the damage),
# and the file is left exactly as it was.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"

"$LCSURVEY" simulate "$TOP/surveys/example.yaml" --n 40 --db "$T/db" >/dev/null
# Scribble over a page in the middle, past the header.
awk 'BEGIN { for (i = 0; i < 4096; i++) printf "Z" }' >"$T/junk"
pages=$(( $(wc -c <"$T/db") / 4096 ))
dd if="$T/junk" of="$T/db" bs=4096 seek=$((pages - 2)) conv=notrunc 2>/dev/null
before=$(sha256sum <"$T/db")

# The program ends at once: its status goes to a file, and the pane
# stays for its screen to be read.
tm new-session -d -s t -x 80 -y 24 \
    "cd '$T' && env LC_ALL=C.UTF-8 TERM=screen-256color '$LCSURVEY' interview \
    '$TOP/surveys/example.yaml' --db '$T/db' 2>>'$T/stderr'; echo \$? >'$T/status'; sleep 60"
t=0
until [ -s "$T/status" ]; do
	t=$((t + 1))
	[ $t -lt 300 ] || fail "still running on a damaged database"
	sleep 0.1
done
case $(cat "$T/status") in 65|74) ;; *) fail "exit status $(cat "$T/status")" ;; esac
grep -q -e "error: database '.*db': failed PRAGMA quick_check" \
    -e "error: .*db.*malformed" "$T/stderr" ||
    fail "no clear message: $(cat "$T/stderr")"
[ "$(wc -l <"$T/stderr")" -eq 1 ] || fail "more than one line: $(cat "$T/stderr")"
[ "$(sha256sum <"$T/db")" = "$before" ] || fail "the damaged database was written to"
echo "ok: damaged database refused after the first paint"
