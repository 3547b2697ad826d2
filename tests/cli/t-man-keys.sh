#!/bin/sh
# man/lcsurvey-questionnaire.5 must document every key the loader accepts
# and no other, mapping by mapping, and every question type.
#
# The loader's keys are the quoted names in the *_keys arrays at the top of
# src/questionnaire-load.c; the types are type_names in
# src/questionnaire.c. In the page, the keys of one mapping follow a line
# '.\" keys: MAPPING' (MAPPING the array's prefix: question for
# question_keys), each introduced by '.TP' (or '.TQ') then '.B name:'; a
# question type is introduced by '.TP' then '.B type'.
# Run from the top of the repository.
set -eu
src=src/questionnaire-load.c
types=src/questionnaire.c
page=man/lcsurvey-questionnaire.5
for f in "$src" "$types" "$page"; do
	[ -f "$f" ] || { echo "missing $f (run from the repository root)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# "static const char *const NAME_keys[] = { ... NULL };" -> "NAME key" lines.
awk '
	/^static const char \*const [a-z]+_keys\[\]/ {
		name = $0; sub(/^.*const /, "", name); sub(/_keys.*$/, "", name)
		inarr = 1
	}
	inarr {
		line = $0
		sub(/^[^{]*_keys\[\][^{]*/, "", line)
		while (match(line, /"[a-z_]+"/)) {
			print name, substr(line, RSTART + 1, RLENGTH - 2)
			line = substr(line, RSTART + RLENGTH)
		}
		if ($0 ~ /NULL *};/)
			inarr = 0
	}
' "$src" | sort -u >"$tmp/code"

# Documented: after '.\" keys: NAME', every '.TP'/'.TQ' + '.B key:' until
# the next '.\" keys:' marker or section heading.
awk '
	/^\.\\" keys: / { name = $3; next }
	/^\.S[HS]/ { name = "" }
	/^\.T[PQ]$/ { tp = 1; next }
	tp && /^\.B [a-z_]+:$/ {
		key = $2; sub(/:$/, "", key)
		if (name == "")
			print "-", key
		else
			print name, key
	}
	{ tp = 0 }
' "$page" | sort -u >"$tmp/page"

[ -s "$tmp/code" ] || { echo "no *_keys arrays found in $src"; exit 1; }
n=$(wc -l <"$tmp/code")
[ "$n" -ge 40 ] || { echo "only $n keys parsed from $src; the parser is stale"; exit 1; }

if grep -q '^- ' "$tmp/page"; then
	echo "$page: keys outside any '.\\\" keys:' block:"
	grep '^- ' "$tmp/page" | sed 's/^- /  /'
	fail=1
fi
missing=$(comm -23 "$tmp/code" "$tmp/page")
extra=$(comm -13 "$tmp/code" "$tmp/page" | grep -v '^- ' || true)
if [ -n "$missing" ]; then
	echo "accepted by the loader but not documented in $page (mapping key):"
	echo "$missing" | sed 's/^/  /'
	fail=1
fi
if [ -n "$extra" ]; then
	echo "documented in $page but not accepted by the loader (mapping key):"
	echo "$extra" | sed 's/^/  /'
	fail=1
fi

# Every key also appears as a bold word somewhere (a whole word).
for k in $(cut -d' ' -f2 "$tmp/code" | sort -u); do
	grep -Eq "(^\\.B $k:?\$|\\\\fB$k\\\\f|^\\.BR? $k( |\$))" "$page" || {
		echo "key '$k' is never written in bold in $page"; fail=1; }
done

# Question types: type_names[] = { "single", ... };
sed -n '/type_names\[\] *=/,/};/p' "$types" | grep -o '"[a-z]*"' |
    tr -d '"' | sort -u >"$tmp/types"
[ -s "$tmp/types" ] || { echo "no type_names found in $types"; exit 1; }
awk '/^\.TP$/ { tp = 1; next } tp && /^\.B [a-z]+$/ { print $2 } { tp = 0 }' \
    "$page" | sort -u >"$tmp/terms"
for t in $(cat "$tmp/types"); do
	grep -qx "$t" "$tmp/terms" || {
		echo "question type '$t' has no '.TP' + '.B $t' entry in $page"
		fail=1; }
done

[ "$fail" -eq 0 ] && echo "$n keys in $(cut -d' ' -f1 "$tmp/code" | sort -u |
    wc -l) mappings and $(wc -l <"$tmp/types") types documented"
exit "$fail"
