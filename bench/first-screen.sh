#!/bin/sh
# bench/first-screen.sh: how long `lcsurvey interview` takes to paint its
# first question — what an enumerator waits for at every door.
#
# Each run is a real terminal session (script(1) gives it a pty) with
# LCSURVEY_BENCH_EXIT_AFTER_PAINT=1: the program begins a new interview
# at once and exits right after the first refresh() of the first question
# screen. Runs alternate with a baseline that starts `true` the same way,
# so that the cost of script(1), fork and exec cancels out, and every run
# gets a fresh database (the first interview on a new device is the slow
# case: the schema is created). The program also reports its own phases
# (questionnaire load, store open, registration, screens) on stderr;
# those medians are free of exec cost entirely.
#
# usage: bench/first-screen.sh [N]        (default 50 runs)
#        LCSURVEY=path SURVEY=file.yaml bench/first-screen.sh
# Target: from the exec of lcsurvey to its first question painted, at most
# 10 ms above the same measure for a trivial program (date(1)): both are
# timed from a timestamp taken just before the exec to one taken when the
# program is up (date prints it; lcsurvey reports when its refresh()
# returned), so exec and dynamic loading are in, teardown is not. The
# pty wall times are also shown; they include what happens after the
# paint (closing the store) and the pty's own start, so they overstate.
set -eu
N=${1:-50}
LCSURVEY=${LCSURVEY:-./lcsurvey}
SURVEY=${SURVEY:-surveys/example.yaml}
TARGET_MS=10
command -v script >/dev/null 2>&1 || { echo "script(1) is needed"; exit 1; }
[ -x "$LCSURVEY" ] || { echo "no binary '$LCSURVEY' (make lcsurvey)"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lcs-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
bin=$(cd "$(dirname "$LCSURVEY")" && pwd)/$(basename "$LCSURVEY")
survey=$(cd "$(dirname "$SURVEY")" && pwd)/$(basename "$SURVEY")

# Microseconds taken by one pty session running the shell command $1.
timed() {
	_s=$(date +%s%N)
	script -qec "$1" /dev/null </dev/null >/dev/null
	_e=$(date +%s%N)
	echo $(((_e - _s) / 1000))
}

median() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print 0; exit }
		print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

i=0
while [ "$i" -lt "$N" ]; do
	timed true >>"$tmp/base"
	timed "env LCSURVEY_BENCH_EXIT_AFTER_PAINT=1 TERM=xterm-256color \
	    LC_ALL=C.UTF-8 '$bin' interview '$survey' --db '$tmp/q$i.db' \
	    2>>'$tmp/phases.1'" >>"$tmp/question"
	timed "env LCSURVEY_BENCH_EXIT_AFTER_PAINT=start TERM=xterm-256color \
	    LC_ALL=C.UTF-8 '$bin' interview '$survey' --db '$tmp/s$i.db' \
	    2>>'$tmp/phases.start'" >>"$tmp/start"
	# The everyday case: the device's database already exists.
	timed "env LCSURVEY_BENCH_EXIT_AFTER_PAINT=1 TERM=xterm-256color \
	    LC_ALL=C.UTF-8 '$bin' interview '$survey' --db '$tmp/warm.db' \
	    2>>'$tmp/phases.warm'" >>"$tmp/warm"
	# Exec to up: a timestamp, then exec; date prints its own.
	script -qec "date +%s%N >'$tmp/t0'; exec date +%s%N >'$tmp/t1'" \
	    /dev/null </dev/null >/dev/null
	echo $(( ($(cat "$tmp/t1") - $(cat "$tmp/t0")) / 1000 )) >>"$tmp/xbase"
	script -qec "date +%s%N >'$tmp/t0'; LCSURVEY_BENCH_EXIT_AFTER_PAINT=1 \
	    TERM=xterm-256color LC_ALL=C.UTF-8 exec '$bin' interview '$survey' \
	    --db '$tmp/warm.db' 2>'$tmp/x1'" /dev/null </dev/null >/dev/null
	p=$(sed -n 's/.*painted_ns \([0-9]*\).*/\1/p' "$tmp/x1")
	echo $(( (p - $(cat "$tmp/t0")) / 1000 )) >>"$tmp/xpaint"
	i=$((i + 1))
done
grep -v '^bench:' "$tmp/phases.1" "$tmp/phases.start" "$tmp/phases.warm" && {
	echo "lcsurvey reported errors (above)"; exit 1; }

base=$(median <"$tmp/base")
q=$(median <"$tmp/question")
s=$(median <"$tmp/start")
w=$(median <"$tmp/warm")
phase() { # file field: median of "bench: load X open Y ... total Z ms"
	awk -v f="$2" '{ for (i = 2; i < NF; i += 2) if ($i == f)
	    print $(i + 1) }' "$1" | median
}
echo "first-screen benchmark: $N runs, fresh database each, $(basename "$survey")"
awk -v b="$base" -v q="$q" -v s="$s" -v w="$w" 'BEGIN {
	printf "  wall, median: baseline (true) %.1f ms\n", b / 1000
	printf "    first question, new database:      %6.1f ms (%.1f above baseline, %.2fx)\n", q / 1000, (q - b) / 1000, q / b
	printf "    first question, existing database: %6.1f ms (%.1f above baseline, %.2fx)\n", w / 1000, (w - b) / 1000, w / b
	printf "    start screen, new database:        %6.1f ms (%.1f above baseline, %.2fx)\n", s / 1000, (s - b) / 1000, s / b
}'
echo "  in-process medians, ms (load, store open, register, locale, terminal, begin interview, paint; total):"
for m in 1 warm start; do
	case $m in
	1) what="first question, new database:     " ;;
	warm) what="first question, existing database:" ;;
	start) what="start screen, new database:       " ;;
	esac
	printf '    %s %s, %s, %s, %s, %s, %s, %s; %s\n' "$what" \
	    "$(phase "$tmp/phases.$m" load)" "$(phase "$tmp/phases.$m" open)" \
	    "$(phase "$tmp/phases.$m" register)" \
	    "$(phase "$tmp/phases.$m" locale)" \
	    "$(phase "$tmp/phases.$m" terminal)" \
	    "$(phase "$tmp/phases.$m" begin)" "$(phase "$tmp/phases.$m" paint)" \
	    "$(phase "$tmp/phases.$m" total)"
done
xb=$(median <"$tmp/xbase")
xp=$(median <"$tmp/xpaint")
awk -v b="$xb" -v p="$xp" 'BEGIN {
	printf "  exec to up, median: date(1) %.2f ms; lcsurvey to first question painted (existing database) %.2f ms (%.2f above)\n", b / 1000, p / 1000, (p - b) / 1000 }'
screens=$(awk '{ for (i = 2; i < NF; i += 2) if ($i == "locale" ||
    $i == "terminal" || $i == "paint") s += $(i + 1); print s; s = 0 }' \
    "$tmp/phases.warm" | median)
awk -v b="$xb" -v w="$xp" -v s="$screens" -v t="$TARGET_MS" 'BEGIN {
	d = (w - b) / 1000
	printf "  the screens own part (locale + terminal + paint), median: %.2f ms\n", s
	printf "  target: exec to first question painted <= %d ms above date(1): %.2f ms, %s\n", t, d, d <= t ? "met" : "NOT met" }'
