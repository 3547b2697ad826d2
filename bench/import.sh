#!/bin/sh
# import.sh: `lcsurvey import` of the synthetic city survey's CSV (issue
# 5), in the same run as two references on the same file:
#  - sqlite3's .import into a plain table, one row per respondent: the
#    issue's target is import within 2x of it (cpu);
#  - the floor: sqlite3 itself writing the rows lcsurvey writes, in the
#    store's layout (lcsurvey-store(5)): one interviews row per respondent
#    and one answers row per answer (about ten per respondent, keyed by
#    the interview's UUID, each with its time and sequence number), with
#    INSERT ... SELECT from the .import'ed table into a store lcsurvey
#    created, in key order, in one transaction, with the import's pragmas.
#    It is checked to hold as many rows and the same values as lcsurvey's.
#
# Why the target is out of reach for this layout: for 1,000,000 rows,
# .import writes 1M rows of one B-tree in about 1.6 s of cpu, while the
# floor writes the 1M interviews (three B-trees) and 10M answers the store
# holds in about 35 s, some 20x that, so nothing writing this layout comes
# within 2x. lcsurvey import, which also parses and checks every cell,
# runs at about 0.9x the floor (which pays, in SQL, for its printf, CASE
# and CAST), so import / floor is the figure to watch. A third reference
# writes the fewest rows any store could, one per respondent with its
# answers packed in one column, from the already parsed table: that alone
# takes 1.8x (100,000 rows) to 2.4x (1,000,000 rows) .import, for the
# UUID key and the questionnaire index it shares with the store, before
# any cell is parsed or checked.
#
# usage: bench/import.sh     (env: N_LARGE, BENCH_DIR, RUNS: best of, 1)
# Exit status: 0 target met (within 2x of .import, cpu), 1 not, 2 the
# floor did not write what lcsurvey wrote.
set -eu
cd "$(dirname "$0")/.."
. bench/lib-city.sh
N=${N_LARGE:-1000000}
RUNS=${RUNS:-1}
tmp=$(mktemp -d "$BENCH_DIR/import.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
csv=$(city_csv "$N")

# floor_sql PLAIN_DB LC_DB: the SQL that writes into an empty store what
# lcsurvey import wrote into LC_DB, from the table city of PLAIN_DB:
# values typed as LC_DB holds them, "dk" and "refused" as missing codes,
# empty cells left out, the design fields as city.yaml's design names
# them. Plain columns only (no roster members, "ID.M").
floor_sql() {
	design=$(awk '/^design:/ { d = 1; next } /^[^ ]/ { d = 0 }
	    d { sub(":", ""); printf "%s=%s ", $1, $2 }' bench/city.yaml)
	col() {
		for kv in $design; do
			if [ "${kv%%=*}" = "$1" ]; then
				echo "NULLIF(c.\"${kv#*=}\", '')"
				return
			fi
		done
		echo NULL
	}
	# question|INTEGER or REAL, in the key's (binary) order
	sqlite3 "$2" "SELECT question, upper(max(typeof(value))) FROM answers
	    WHERE value IS NOT NULL GROUP BY question ORDER BY question" \
	    >"$tmp/types"
	cat <<EOF
PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY;
ATTACH '$1' AS p;
BEGIN;
INSERT INTO interviews (uuid, questionnaire, status, started_at, ended_at,
    updated_at, device, mode, stratum, cluster, household, weight)
SELECT printf('00000000-0000-7000-8000-%012x', c.rowid),
    (SELECT id FROM questionnaires), 'complete', '$T', '$T', '$T',
    (SELECT value FROM meta WHERE name = 'device'), 'import',
    $(col stratum), $(col cluster), $(col household),
    CAST($(col weight) AS REAL)
FROM p.city c;
EOF
	awk -F'|' '
	{ k[NR] = NR; q[NR] = $1; t[NR] = $2 }
	END {
		printf "WITH q (k, name) AS (VALUES "
		for (i = 1; i <= NR; i++)
			printf "%s(%d, '\''%s'\'')", (i > 1 ? ", " : ""), i,
			    q[i]
		print ")"
		print "INSERT INTO answers (interview, member, question, value,"
		print "    missing, answered_at, seconds, seq)"
		print "SELECT printf('\''00000000-0000-7000-8000-%012x'\'', r), 0,"
		print "    name, CASE WHEN v IN ('\''dk'\'', '\''refused'\'')"
		print "    THEN NULL ELSE tv END, CASE v WHEN '\''dk'\'' THEN"
		print "    '\''dont_know'\'' WHEN '\''refused'\'' THEN '\''refused'\'' END,"
		print "    '\''" T "'\'', NULL, r * " NR + 1 " + k"
		print "FROM (SELECT c.rowid AS r, q.k AS k, q.name AS name,"
		printf "    CASE q.k"
		for (i = 1; i <= NR; i++)
			printf " WHEN %d THEN c.\"%s\"", i, q[i]
		print " END AS v,"
		printf "    CASE q.k"
		for (i = 1; i <= NR; i++)
			printf " WHEN %d THEN CAST(c.\"%s\" AS %s)", i, q[i], t[i]
		print " END AS tv"
		print "    FROM p.city c CROSS JOIN q) WHERE v <> '\'''\'';"
		print "UPDATE meta SET value = (SELECT max(rowid) FROM p.city) * " \
		    NR + 1 " + " NR " WHERE name = '\''seq'\'';"
		print "COMMIT;"
	}' T="$T" "$tmp/types"
}
T=2026-01-01T00:00:00.000Z

# packed_sql PLAIN_DB: the fewest rows a store could write: one row per
# respondent, its answers joined in one text column, keyed and indexed as
# the interviews table is (UUID key, by questionnaire), from the table
# city of PLAIN_DB, already parsed. Not a layout lcsurvey could use
# (issue 3's answers are saved, logged and merged one by one), but it
# shows how much of .import's 2x even one row per respondent leaves for
# parsing and checking the file.
packed_sql() {
	cols=$(head -1 "$tmp/header.csv" | tr -d '\r' |
	    awk -F, '{ for (i = 1; i <= NF; i++)
	    printf "%sc.\"%s\"", (i > 1 ? " || '\'','\'' || " : ""), $i }')
	cat <<EOF
PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;
ATTACH '$1' AS p;
CREATE TABLE packed (uuid TEXT PRIMARY KEY NOT NULL, questionnaire INTEGER
    NOT NULL, status TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,
    updated_at TEXT NOT NULL, device TEXT NOT NULL, mode TEXT NOT NULL,
    stratum TEXT, cluster TEXT, weight REAL, answers TEXT NOT NULL);
CREATE UNIQUE INDEX packed_by_questionnaire ON packed (questionnaire, uuid,
    status);
BEGIN;
INSERT INTO packed SELECT printf('00000000-0000-7000-8000-%012x', c.rowid),
    1, 'complete', '$T', '$T', '$T', 'device', 'import', NULL, NULL, NULL,
    $cols FROM p.city c;
COMMIT;
EOF
}

# rows DB: what the floor must match lcsurvey on.
rows() {
	sqlite3 "$1" "SELECT (SELECT count(*) || ' ' || count(stratum) || ' ' ||
	    count(cluster) || ' ' || total(weight) FROM interviews), count(*),
	    count(missing), total(value), sum(typeof(value) = 'real')
	    FROM answers"
}

# timed NAME CMD...: measures CMD, adding its figures to $tmp/NAME.all.
timed() {
	t_name=$1
	shift
	measure "$tmp/m" "$@"
	cat "$tmp/m" >>"$tmp/$t_name.all"
}

cat "$csv" >/dev/null
head -1 "$csv" >"$tmp/header.csv"
"$LCSURVEY" import --db "$tmp/empty.db" bench/city.yaml "$tmp/header.csv" \
    >/dev/null
i=0
while [ "$i" -lt "$RUNS" ]; do
	rm -f "$tmp"/plain.db* "$tmp"/lc.db* "$tmp"/floor.db* "$tmp"/packed.db*
	timed sq sqlite3 "$tmp/plain.db" ".import --csv $csv city"
	timed lc "$LCSURVEY" import --db "$tmp/lc.db" \
	    bench/city.yaml "$csv"
	[ -s "$tmp/floor.sql" ] ||
		floor_sql "$tmp/plain.db" "$tmp/lc.db" >"$tmp/floor.sql"
	cp "$tmp/empty.db" "$tmp/floor.db"
	timed fl sqlite3 "$tmp/floor.db" ".read $tmp/floor.sql"
	[ -s "$tmp/packed.sql" ] || packed_sql "$tmp/plain.db" >"$tmp/packed.sql"
	cp "$tmp/empty.db" "$tmp/packed.db"
	timed pk sqlite3 "$tmp/packed.db" ".read $tmp/packed.sql"
	[ "$(sqlite3 "$tmp/packed.db" "SELECT count(*) FROM packed")" = \
	    "$(sqlite3 "$tmp/lc.db" "SELECT count(*) FROM interviews")" ] || {
		echo "the packed reference holds another number of rows" >&2
		exit 2
	}
	if [ "$(rows "$tmp/floor.db")" != "$(rows "$tmp/lc.db")" ]; then
		echo "the floor's rows differ from lcsurvey's:" \
		    "$(rows "$tmp/floor.db") against $(rows "$tmp/lc.db")" >&2
		exit 2
	fi
	i=$((i + 1))
done
# The least disturbed (fastest wall) run of each.
for t in sq lc fl pk; do
	sort -n "$tmp/$t.all" | head -1 >"$tmp/$t"
done

read -r sw sc _ <"$tmp/sq"
read -r lw lc lm <"$tmp/lc"
read -r fw fc fm <"$tmp/fl"
r=$(ratio "$lc" "$sc")
printf '%d rows: sqlite3 .import %.2fs wall %.2fs cpu; lcsurvey import %.2fs wall %.2fs cpu, peak %d KB\n' \
    "$N" "$sw" "$sc" "$lw" "$lc" "$lm"
printf '%d rows: floor (sqlite3, store layout) %.2fs wall %.2fs cpu, peak %d KB\n' \
    "$N" "$fw" "$fc" "$fm"
echo "import / sqlite3 .import (cpu): $r   target <= 2"
echo "import / floor (cpu): $(ratio "$lc" "$fc")   floor / .import: $(ratio "$fc" "$sc")"
read -r pw pc _ <"$tmp/pk"
printf '%d rows: one row per respondent, answers packed, no parsing (sqlite3) %.2fs wall %.2fs cpu: %s x .import\n' \
    "$N" "$pw" "$pc" "$(ratio "$pc" "$sc")"
awk -v r="$r" 'BEGIN { exit !(r <= 2) }'
