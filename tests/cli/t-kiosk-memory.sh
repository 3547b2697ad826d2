#!/bin/sh
# t-kiosk-memory.sh: the kiosk runs for days, so nothing may pile up per
# respondent. Hundreds of scripted respondents (typed ahead through tmux,
# in batches, each a whole interview from the welcome screen back to it)
# go through one kiosk process; its resident size (VmRSS) after the first
# 50 and after all of them must be the same within a small tolerance.
# KIOSK_RESPONDENTS (default 300) and KIOSK_RSS_SLACK_KB (default 512)
# change the run. Under AddressSanitizer freed memory is held in a
# quarantine, which would look like growth: it is turned off here, and
# ASan's leak check at exit covers what is never freed.
set -eu
. "$TOP/tests/cli/lib-tmux.sh"
. "$TOP/tests/cli/lib-kiosk.sh"

N=${KIOSK_RESPONDENTS:-300}
SLACK=${KIOSK_RSS_SLACK_KB:-512}
BATCH=25
ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0:thread_local_quarantine_size_kb=0"
export ASAN_OPTIONS

kiosk_pin 5050
kiosk_start --idle 600
pid=$(kiosk_pid)

done_n() {
	sql "select count(*) from interviews where status = 'complete'"
}

# One respondent as keys: English, consent, a name, an age group, yes or
# no, an empty comment, and a key on the thanks screen. Alternating the
# languages and answers exercises more than one path.
batch() {
	_i=$1
	_end=$(($1 + BATCH))
	while [ "$_i" -lt "$_end" ]; do
		keys $((_i % 2 + 1)) 1
		send_text "respondent$_i"
		keys Enter $((_i % 3 + 1)) $((_i % 2)) Enter Enter
		_i=$((_i + 1))
	done
	# Wait for the batch to be stored before sending the next.
	_n=$((WAIT * 10))
	while [ "$(done_n)" -lt "$_end" ]; do
		_n=$((_n - 1))
		[ "$_n" -gt 0 ] || fail "only $(done_n) of $_end respondents done"
		sleep 0.1
	done
	wait_for 'Choose your language'
}

rss() {
	awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status"
}

i=0
while [ "$i" -lt 50 ]; do
	batch "$i"
	i=$((i + BATCH))
done
rss50=$(rss); pages50=$(sql "pragma page_count")
while [ "$i" -lt "$N" ]; do
	batch "$i"
	i=$((i + BATCH))
done
rssN=$(rss); pagesN=$(sql "pragma page_count")
alive
expect_eq "complete interviews" "$(done_n)" "$N"
expect_eq "other interviews" \
    "$(sql "select count(*) from interviews where status <> 'complete'")" 0
echo "VmRSS after 50 respondents: $rss50 kB; after $N: $rssN kB (database pages $pages50, $pagesN)"
[ "$rssN" -le $((rss50 + SLACK)) ] ||
    fail "resident size grew by $((rssN - rss50)) kB over $((N - 50)) respondents (allowed $SLACK kB)"
staff_exit 5050
echo "ok: t-kiosk-memory"
