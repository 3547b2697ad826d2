#!/bin/sh
# t-kiosk-pin.sh: the staff PIN. --set-pin takes 4 to 12 digits, twice
# the same, and stores only a libsodium (Argon2id) hash, in the meta
# table; the kiosk refuses to start without one. In the kiosk a wrong PIN
# does not exit and makes the next try wait 1, 2, 4 ... s; Escape leaves
# the prompt; the right PIN opens the staff menu, whose counts are
# today's, and 9 there ends the program.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

# No PIN: a clear refusal that names the command to run.
st=0
"$LCSURVEY" kiosk "$KIOSK_SURVEY" --db "$T/db" </dev/null >/dev/null \
    2>"$T/err" || st=$?
expect_eq "exit status without a PIN" "$st" 78
grep -q "no kiosk PIN is set.*lcsurvey kiosk --set-pin --db" "$T/err" ||
    fail "no PIN: unexpected message: $(cat "$T/err")"

bad_pin() {
	st=0
	printf "$1" | "$LCSURVEY" kiosk --set-pin --db "$T/db" 2>"$T/err" ||
	    st=$?
	expect_eq "exit status of --set-pin for '$1'" "$st" 65
}
bad_pin '123\n'
bad_pin '1234567890123\n'
bad_pin '12a4\n'
bad_pin '\n'
bad_pin '1234\n1235\n'
grep -q "differ" "$T/err" || fail "mismatch: $(cat "$T/err")"
expect_eq "no PIN stored after refusals" \
    "$(sql "select count(*) from meta where name = 'kiosk_pin'")" 0

kiosk_pin 0000
kiosk_pin 4321
hash=$(sql "select value from meta where name = 'kiosk_pin'")
case $hash in
'$argon2id$'*) ;;
*) fail "the PIN is not stored as an Argon2id hash: '$hash'" ;;
esac
case $hash in
*4321*) fail "the PIN is in the clear in its hash" ;;
esac
expect_eq "answers rows" "$(sql "select count(*) from answers")" 0

kiosk_start --idle 60

# Ctrl-A alone, or followed by anything but Ctrl-K, is nothing.
keys C-a x
sleep 0.3
wait_for 'Choose your language'

# A wrong PIN: an error, a wait of 1 s, and the kiosk goes on.
keys C-a C-k
wait_for '^ +PIN:'
send_text 1234
wait_for '^ +PIN: +\* \* \* \*'
capture | grep -q 1234 && fail "the PIN is shown on screen"
keys Enter
wait_for 'Wrong PIN \(1 in a row\)'
wait_for 'Try again in 1 s'
alive
# While the wait runs, nothing is taken, not even the right PIN.
send_text 4321
keys Enter
sleep 0.3
capture | grep -q 'Staff menu' && fail "a PIN was taken during the wait"
wait_for '^ +PIN:' 5
capture | grep -q '^ *PIN: *\*' && fail "keys typed during the wait kept"
send_text 9999
keys Enter
wait_for 'Wrong PIN \(2 in a row\)'
wait_for 'Try again in 2 s'
wait_for '^ +PIN:' 5
send_text 43210
keys Enter
wait_for 'Wrong PIN \(3 in a row\)'
wait_for 'Try again in [34] s'
alive
# Escape leaves the prompt; the delay stays.
keys Escape
wait_for 'Choose your language'
keys C-a C-k
wait_for 'Try again in [1-4] s'
wait_for '^ +PIN:' 6

# The right PIN: the staff menu, today's counts; 1 goes back.
send_text 4321
keys Enter
wait_for 'Staff menu'
wait_for 'completed +0'
keys 1
wait_for 'Choose your language'

# One complete interview shows in the counts; 9 ends the kiosk.
respondent Oluwaseun
keys Enter
wait_for 'Choose your language'
staff_menu 4321
wait_for 'completed +1'
keys Escape
wait_for 'Choose your language'
staff_exit 4321
echo "ok: t-kiosk-pin"
