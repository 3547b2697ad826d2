# lib-kiosk.sh: helpers for the kiosk's terminal tests (t-kiosk-*.sh), on
# top of lib-tmux.sh. Sourced, POSIX sh, after lib-tmux.sh.
#
#   kiosk_pin PIN              set the staff PIN of $T/db (stdin, no tty)
#   kiosk_start [ARGS...]      the kiosk on tests/cli/fixtures/kiosk.yaml,
#                              80x24, database $T/db, extra ARGS after
#   kiosk_pid                  the kiosk's pid
#   alive                      fail unless the kiosk still runs (and is
#                              not stopped)
#   staff_menu PIN             Ctrl-A Ctrl-K, the PIN, Enter: the menu
#   staff_exit PIN             ... then 9: the kiosk must end, status 0,
#                              nothing on stderr
#   respondent NAME [AGE]      one whole respondent in English, from the
#                              welcome screen to the thanks screen

KIOSK_SURVEY=$TOP/tests/cli/fixtures/kiosk.yaml

kiosk_pin() {
	printf '%s\n%s\n' "$1" "$1" | "$LCSURVEY" kiosk --set-pin --db "$T/db" \
	    2>"$T/setpin.err" || { cat "$T/setpin.err"; fail "--set-pin failed"; }
}

kiosk_start() {
	tmux_start 80 24 "$LCSURVEY" kiosk "'$KIOSK_SURVEY'" --db "'$T/db'" "$@"
	wait_for 'Choose your language'
}

kiosk_pid() {
	pane_pid
}

alive() {
	pane_dead && fail "the kiosk ended"
	_pid=$(kiosk_pid)
	kill -0 "$_pid" 2>/dev/null || fail "the kiosk process is gone"
	# Field 3 of /proc/PID/stat: T (stopped) would mean Ctrl-Z worked.
	_state=$(sed 's/^.*) //' "/proc/$_pid/stat" | cut -d' ' -f1)
	[ "$_state" != T ] && [ "$_state" != t ] || fail "the kiosk is stopped"
}

staff_menu() {
	keys C-a C-k
	wait_for '^ +PIN:'
	send_text "$1"
	keys Enter
	wait_for 'Staff menu'
}

staff_exit() {
	staff_menu "$1"
	keys 9
	ended_ok "9 in the staff menu"
}

respondent() {
	answer 'Choose your language' 1
	answer 'I agree, start' 1
	answer 'What should we call you'
	send_text "$1"
	keys Enter
	answer "How old are you, $1\\?" "${2:-2}"
	answer 'did you learn something new' 1
	answer 'Anything else' Enter
	wait_for 'Thank you! Your answers have been saved'
}
