#!/bin/sh
# merge-seeds.sh DIR: the merge harness's seeds, made by the lcsurvey built
# here (databases are never committed): DIR/one.db, one complete interview
# of surveys/example.yaml, and DIR/two.db, the same interview with another
# cluster (a conflict with one.db) and a second, partial one. Both are
# vacuumed small (56 KiB). Made once; `make clean` removes them.
set -eu
dir=$1
[ -f "$dir/one.db" ] && [ -f "$dir/two.db" ] && exit 0
mkdir -p "$dir"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '1\n12\n3\n\n2025-03-01\n\n2\nAmina\n2\n34\n1\n1 2\n5.5\n4\nBo\n1\n9\n\ncomplete\n' |
    ./lcsurvey script surveys/example.yaml --db "$tmp/a.db" >/dev/null
cp "$tmp/a.db" "$tmp/b.db"
printf '2\n7\n1\n' |
    ./lcsurvey script surveys/example.yaml --db "$tmp/b.db" >/dev/null
sqlite3 "$tmp/b.db" "UPDATE answers SET value = 99 WHERE question = 'cluster'"
sqlite3 "$tmp/a.db" "VACUUM INTO '$tmp/one.db'"
sqlite3 "$tmp/b.db" "VACUUM INTO '$tmp/two.db'"
mv "$tmp/one.db" "$tmp/two.db" "$dir/"
