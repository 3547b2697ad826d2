# lib-tmux.sh: drive `lcsurvey interview` in a private tmux server, for the
# terminal tests (tests/cli/t-interview-*.sh). Sourced, POSIX sh.
#
#   tmux_start W H CMD...   new detached session W x H running CMD (exec'd)
#   keys KEY...             tmux send-keys (names like Enter, F8, C-q)
#   send_text TEXT          literal text, no key names
#   wait_for PATTERN [SECS] poll the pane every 0.1 s until it shows
#                           PATTERN (grep -E); fail with the pane if not
#   wait_gone PATTERN [SECS] the opposite
#   capture                 print the visible pane
#   resize W H              resize the window
#   pane_pid                pid of the program in the pane
#   fail MESSAGE            print MESSAGE and the pane, exit 1
#   quit_ok, ended_ok WHAT  F10 (and y) / the program must end cleanly
#
# Every test gets its own server (tmux -L lcs$$) and temp dir $T, removed
# by the trap. Timeouts are generous: the binary may be an ASan build.

: "${LCSURVEY:?set LCSURVEY to the lcsurvey binary}"
: "${TOP:=$(pwd)}"
command -v tmux >/dev/null 2>&1 || { echo "skip: tmux not installed"; exit 0; }
[ -x "$LCSURVEY" ] || { echo "FAIL: no executable '$LCSURVEY'"; exit 1; }

# The screens' own text follows LCSURVEY_UI_LANG before the locale: the
# tests expect English (LC_ALL=C.UTF-8 below) unless they ask otherwise.
unset LCSURVEY_UI_LANG LANGUAGE

SOCK=lcs$$
T=$(mktemp -d "${TMPDIR:-/tmp}/lcs-tui.XXXXXX")
WAIT=${LCSURVEY_WAIT:-20}

tm() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

cleanup() {
	tm kill-server >/dev/null 2>&1 || :
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

tmux_start() {
	_w=$1 _h=$2
	shift 2
	# The program runs with exec so that pane_pid is its pid; a UTF-8
	# locale and a known TERM keep the rendering deterministic.
	# stderr goes to a file: sanitizer reports land there (quit_ok).
	tm new-session -d -s t -x "$_w" -y "$_h" \
	    "cd '$T' && exec env LC_ALL=C.UTF-8 TERM=screen-256color $* \
	    2>>'$T/stderr'"
	tm set-option -g window-size manual >/dev/null
	tm set-option -g remain-on-exit on >/dev/null
	tm resize-window -t t -x "$_w" -y "$_h" >/dev/null 2>&1 || :
}

keys() {
	tm send-keys -t t "$@"
}

send_text() {
	tm send-keys -t t -l "$1"
}

capture() {
	tm capture-pane -p -t t
}

resize() {
	tm resize-window -t t -x "$1" -y "$2"
}

pane_pid() {
	tm display-message -p -t t '#{pane_pid}'
}

pane_dead() {
	[ "$(tm display-message -p -t t '#{pane_dead}')" = 1 ]
}

fail() {
	echo "FAIL: $1"
	echo "--- pane ---"
	capture 2>/dev/null || echo "(no pane)"
	echo "------------"
	exit 1
}

wait_for() {
	_pat=$1 _secs=${2:-$WAIT}
	_n=$((_secs * 10))
	while [ "$_n" -gt 0 ]; do
		if capture 2>/dev/null | grep -Eq -- "$_pat"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	fail "expected the screen to show /$_pat/ within ${_secs}s"
}

wait_gone() {
	_pat=$1 _secs=${2:-$WAIT}
	_n=$((_secs * 10))
	while [ "$_n" -gt 0 ]; do
		if ! capture 2>/dev/null | grep -Eq -- "$_pat"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	fail "expected /$_pat/ to leave the screen within ${_secs}s"
}

# Answers the question whose label matches PATTERN: waits for it, then
# sends the remaining arguments as keys.
answer() {
	_pat=$1
	shift
	wait_for "$_pat"
	keys "$@"
}

# quit_ok: F10 (and y when an interview is open); then ended_ok.
quit_ok() {
	keys F10
	_n=$((WAIT * 10))
	while [ "$_n" -gt 0 ] && ! pane_dead; do
		if capture | grep -q 'Quit? The interview stays partial'; then
			keys y
		fi
		sleep 0.1
		_n=$((_n - 1))
	done
	ended_ok F10
}

# ended_ok WHAT: the program must end within the timeout (WHAT is what
# should have ended it), with nothing on stderr (an ASan or UBSan report,
# a leak, an error message) and status 0.
ended_ok() {
	_n=$((WAIT * 10))
	while [ "$_n" -gt 0 ] && ! pane_dead; do
		sleep 0.1
		_n=$((_n - 1))
	done
	pane_dead || fail "$1 did not quit"
	_st=$(tm display-message -p -t t '#{pane_dead_status}#{?pane_dead_signal, signal #{pane_dead_signal},}')
	if [ -s "$T/stderr" ]; then
		cat "$T/stderr"
		fail "lcsurvey wrote to stderr"
	fi
	# tmux 3.3 sometimes marks the pane dead (the pty closed) before it
	# has the status; stderr above already catches every failure path.
	[ -z "$_st" ] || expect_eq "exit status" "$_st" 0
}

# sql QUERY: one value from the test database.
sql() {
	sqlite3 -batch "$T/db" "$1"
}

# expect_eq WHAT GOT WANT
expect_eq() {
	[ "$2" = "$3" ] || fail "$1: expected '$3', got '$2'"
}

# example_identification CLUSTER HOUSEHOLD SIZE: from the start screen,
# begins an interview of surveys/example.yaml and answers its first
# section, up to and including the household size.
example_identification() {
	answer 'New interview' n
	answer 'District' 1
	answer 'Enumeration area number'; send_text "$1"; keys Enter
	answer 'Household number'; send_text "$2"; keys Enter
	answer 'Sampling weight'; keys Enter
	answer 'Date of visit'; send_text 2024-05-01; keys Enter
	answer 'Read to the respondent' Enter
	answer 'How many people live'; send_text "$3"; keys Enter
}
