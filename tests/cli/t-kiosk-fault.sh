#!/bin/sh
# t-kiosk-fault.sh: the kiosk on a full disk. Files are limited to 32 KiB
# (ulimit -f; SIGXFSZ ignored, so a write past it fails as a disk error),
# which lets the kiosk open its database (the -shm file takes exactly
# that) and save the first answers, until the write-ahead log outgrows
# it. The respondent then reads, in their language, that the answer was
# not saved and to ask staff, and nothing of the file's name or of
# SQLite's English; staff find the details on the staff menu; the kiosk
# keeps running.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

kiosk_pin 8642
cat >"$T/limited" <<EOF
#!/bin/sh
trap '' XFSZ
ulimit -f 64
exec "$LCSURVEY" "\$@"
EOF
chmod +x "$T/limited"
tmux_start 80 24 "'$T/limited'" kiosk "'$KIOSK_SURVEY'" --db "'$T/db'"
wait_for 'Choose your language'

# In French; each answer goes on until one cannot be saved.
answer 'Choose your language' 2
answer "J'accepte, commencer" 1
wait_for 'Comment vous appeler'
send_text Zoe
keys Enter
n=0
until capture | grep -q 'non enregistrée'; do
	n=$((n + 1))
	[ $n -le 3 ] || fail "every answer was saved: the limit is too high"
	if capture | grep -q 'Quel âge'; then
		keys 2
	elif capture | grep -q 'appris quelque chose'; then
		keys 1
	fi
	keys Enter
	sleep 0.3
done
wait_for "Réponse non enregistrée. Demandez de l'aide au personnel."
capture | grep -Eq "db'|disk|I/O|SQLite|cannot" &&
    fail "the respondent reads the technical details"
alive

# Staff: the store's own message, under a heading in the device's
# language (English here).
staff_menu 8642
wait_for 'last failure to save: cannot commit'
wait_for 'disk I/O'
capture | grep -q "$T/db" || fail "the staff menu does not name the file"
keys 9
ended_ok "9 in the staff menu"
echo ok
