#!/bin/sh
# t-kiosk-storm.sh: keys and signals that end or suspend programs leave
# the kiosk running — Ctrl-C, Ctrl-Z, Ctrl-\, Ctrl-D, Escape, Alt-x and
# every function key, many times over, on the welcome screen and while a
# respondent types; then the same signals sent with kill(1). What was
# typed survives the storm; only the staff PIN ends the program. SIGTERM
# (shutdown) and SIGHUP (the terminal closed) end it cleanly, status 0,
# with the interview in progress stored as abandoned.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

kiosk_pin 2468
kiosk_start --idle 60

storm() {
	_i=0
	while [ "$_i" -lt 20 ]; do
		keys C-c C-z 'C-\' C-d Escape M-x C-s C-q "$@"
		_i=$((_i + 1))
	done
}

# On the welcome screen: every function key too.
storm F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 Insert
sleep 1
alive
wait_for 'Choose your language'
wait_for '› 1   English'

# Inside an interview, at a text question: F8 and F9 are "don't know"
# and "refused" there (harmless, and this questionnaire allows neither),
# so the storm leaves them out; nothing it sends may be typed.
keys 1
answer 'I agree, start' 1
answer 'What should we call you'
send_text Wilhelmina
storm F1 F2 F3 F4 F5 F6 F7 F10 F11 F12
sleep 1
alive
wait_for 'What should we call you'
wait_for '› Wilhelmina +up to 30'

# The same signals from outside the terminal.
pid=$(kiosk_pid)
for sig in INT QUIT TSTP TTIN TTOU; do
	kill -s "$sig" "$pid"
done
sleep 0.5
alive
keys Enter
answer 'How old are you, Wilhelmina\?'

staff_exit 2468
# The interview left open at the exit is kept, as abandoned.
expect_eq "interview" "$(sql "select status || ' ' || mode from interviews")" \
    "abandoned kiosk"

# SIGTERM and SIGHUP, each in the middle of an interview.
for sig in TERM HUP; do
	tm kill-server
	: >"$T/stderr"
	kiosk_start --idle 60
	keys 1
	answer 'I agree, start' 1
	answer 'What should we call you'
	send_text "Signal$sig"
	keys Enter
	answer "How old are you, Signal$sig"
	kill -s "$sig" "$(kiosk_pid)"
	ended_ok "SIG$sig"
	expect_eq "interview after SIG$sig" "$(sql "select status from \
	    interviews i join answers a on a.interview = i.uuid \
	    where a.value = 'Signal$sig'")" abandoned
done
echo "ok: t-kiosk-storm"
