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

# city_schema DB: the schema's text, to compare a cached database with.
city_schema() {
	sqlite3 "$1" "SELECT group_concat(sql, ';') FROM
	    (SELECT sql FROM sqlite_master ORDER BY name)"
}

# city_fresh_schema: the schema $LCSURVEY makes, from an empty import.
city_fresh_schema() {
	f=$BENCH_DIR/schema.$$
	rm -f "$f.db" "$f.db-wal" "$f.db-shm"
	head -1 "$(city_csv 100)" >"$f.csv"
	"$LCSURVEY" import --db "$f.db" bench/city.yaml "$f.csv" >/dev/null
	city_schema "$f.db"
	rm -f "$f.db" "$f.db-wal" "$f.db-shm" "$f.csv"
}

# city_db N: prints the path of a database holding the N respondents,
# made again when bench/city.yaml is newer or the cached file was made by
# a build whose store schema differs (a development build's, say, whose
# migration the released one never runs).
city_db() {
	d=$BENCH_DIR/city-$1.db
	[ -n "${CITY_SCHEMA:-}" ] || CITY_SCHEMA=$(city_fresh_schema)
	if [ ! -s "$d" ] || [ "$d" -ot bench/city.yaml ] ||
	    [ "$(city_schema "$d")" != "$CITY_SCHEMA" ]; then
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
	m_out=$1
	shift
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f "%e %U %S %M" -o "$m_out.t" "$@" >/dev/null
		awk '{ printf "%.3f %.3f %d\n", $1, $2 + $3, $4 }' "$m_out.t" \
		    >"$m_out"
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
		echo "$s $e $peak" |
		    awk '{ printf "%.3f %.3f %d\n", $2 - $1, $2 - $1, $3 }' \
		    >"$m_out"
	fi
}

# best OUT N CMD...: measure N times, keep the fastest (wall) run: on a
# shared machine the minimum is the least disturbed.
best() {
	b_out=$1 b_n=$2
	shift 2
	: >"$b_out.all"
	b_i=0
	while [ "$b_i" -lt "$b_n" ]; do
		measure "$b_out.one" "$@"
		cat "$b_out.one" >>"$b_out.all"
		b_i=$((b_i + 1))
	done
	sort -n "$b_out.all" | head -1 >"$b_out"
}

# ratio A B: A / B with two decimals.
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'
}
