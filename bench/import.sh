#!/bin/sh
# import.sh: `lcsurvey import` of the synthetic city survey's CSV (issue
# 5) against sqlite3's .import of the same file into a plain table, in the
# same run. The two do not write the same thing: .import writes one row
# per respondent, lcsurvey one interview row and one answers row per
# answer (about ten per respondent, keyed by the interview's UUID, each
# with its time and sequence number, the latter indexed), as
# lcsurvey-store(5) lays them out.
#
# usage: bench/import.sh     (env: N_LARGE, BENCH_DIR)
# Exit status: 0 target met (within 2x of .import, cpu), 1 not.
set -eu
cd "$(dirname "$0")/.."
. bench/lib-city.sh
N=${N_LARGE:-1000000}
tmp=$(mktemp -d "$BENCH_DIR/import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
csv=$(city_csv "$N")

cat "$csv" >/dev/null
measure "$tmp/sq" sqlite3 "$tmp/plain.db" ".import --csv $csv city"
measure "$tmp/lc" "$LCSURVEY" import --db "$tmp/lc.db" bench/city.yaml "$csv"

read -r sw sc sm <"$tmp/sq"
read -r lw lc lm <"$tmp/lc"
r=$(ratio "$lc" "$sc")
printf '%d rows: sqlite3 .import %.2fs wall %.2fs cpu; lcsurvey import %.2fs wall %.2fs cpu, peak %d KB\n' \
    "$N" "$sw" "$sc" "$lw" "$lc" "$lm"
echo "import / sqlite3 .import (cpu): $r   target <= 2"
awk -v r="$r" 'BEGIN { exit !(r <= 2) }'
