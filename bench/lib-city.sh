# lib-city.sh: sourced by bench/aggregate.sh and bench/import.sh (not run
# by bench/run.sh). Builds bench/gen-city.c, writes the synthetic city
# survey's CSV for N respondents and imports it, caching both under
# $BENCH_DIR (default ${TMPDIR:-/tmp}/lcsurvey-bench): the data are
# deterministic, so a cached file is the file that would be made again.

BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/lcsurvey-bench}
LCSURVEY=${LCSURVEY:-$(pwd)/lcsurvey}
mkdir -p "$BENCH_DIR" build/bench
[ build/bench/gen-city -nt bench/gen-city.c ] ||
	${CC:-cc} -std=c11 -O2 -Wall -Wextra -Werror -o build/bench/gen-city \
	    bench/gen-city.c

# city_csv N: prints the path of the CSV for N respondents.
city_csv() {
	f=$BENCH_DIR/city-$1.csv
	if [ ! -s "$f" ]; then
		build/bench/gen-city "$1" >"$f.tmp"
		mv "$f.tmp" "$f"
	fi
	echo "$f"
}

# city_db N: prints the path of a database holding the N respondents.
city_db() {
	d=$BENCH_DIR/city-$1.db
	if [ ! -s "$d" ] || [ "$d" -ot bench/city.yaml ]; then
		rm -f "$d" "$d-wal" "$d-shm"
		"$LCSURVEY" import --db "$d" bench/city.yaml "$(city_csv "$1")" \
		    >/dev/null
	fi
	echo "$d"
}

# measure OUT CMD...: runs CMD (stdout to /dev/null) and writes
# "wall user+sys peak_kb" to OUT, through /usr/bin/time when installed,
# else with the shell's clock and VmHWM.
measure() {
	out=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %S %M" -o "$out.t" "$@" >/dev/null
		awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$out.t" >"$out"
	else
		s=$(date +%s.%N)
		"$@" >/dev/null &
		pid=$!
		peak=0
		while kill -0 "$pid" 2>/dev/null; do
			h=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" \
			    2>/dev/null || echo 0)
			[ "${h:-0}" -gt "$peak" ] && peak=$h
			sleep 0.05
		done
		wait "$pid"
		e=$(date +%s.%N)
		echo "$s $e $peak" | awk '{ printf "%.3f %.3f %d\n", $2 - $1, $2 - $1, $3 }' >"$out"
	fi
}

# best OUT N CMD...: measure N times, keep the fastest (wall) run: on a
# shared machine the minimum is the least disturbed.
best() {
	out=$1 n=$2
	shift 2
	: >"$out.all"
	i=0
	while [ "$i" -lt "$n" ]; do
		measure "$out.one" "$@"
		cat "$out.one" >>"$out.all"
		i=$((i + 1))
	done
	sort -n "$out.all" | head -1 >"$out"
}

# ratio A B: A / B with two decimals.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b > 0 ? a / b : 0 }'
}
