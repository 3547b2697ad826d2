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
# Target: the median above the baseline at most 10 ms. The wall times
# also include what happens after the paint (closing the store), so they
# overstate the wait; the in-process total stops at the paint.
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
screens=$(awk '{ for (i = 2; i < NF; i += 2) if ($i == "locale" ||
    $i == "terminal" || $i == "paint") s += $(i + 1); print s; s = 0 }' \
    "$tmp/phases.warm" | median)
awk -v b="$base" -v w="$w" -v s="$screens" -v t="$TARGET_MS" 'BEGIN {
	d = (w - b) / 1000
	printf "  the screens own part (locale + terminal + paint), median: %.2f ms\n", s
	printf "  target: first question <= %d ms above baseline (existing database): %s\n", t, d <= t ? "met" : "NOT met" }'
