#!/bin/sh
# Hostile questionnaire files: each gives one clear located error and exit
# 65 (66 for a missing file), never a crash or a sanitizer report. The
# files are made here rather than committed: some are 10 MB.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

# expect NAME CODE PATTERN: runs check on $tmp/NAME
expect() {
	rc=0
	"$LCSURVEY" check "$tmp/$1" >"$tmp/out" 2>&1 || rc=$?
	if [ "$rc" -ne "$2" ]; then
		echo "$1: exit $rc, expected $2"; head -c 2000 "$tmp/out"; fail=1
		return
	fi
	if ! grep -q -- "$3" "$tmp/out"; then
		echo "$1: expected /$3/ in:"; head -c 2000 "$tmp/out"; fail=1
	fi
	if grep -q -e 'Sanitizer' -e 'runtime error' "$tmp/out"; then
		echo "$1: sanitizer report"; cat "$tmp/out"; fail=1
	fi
	lines=$(grep -c 'error' "$tmp/out" || true)
	[ "$lines" -le 2 ] || { echo "$1: $lines error lines"; fail=1; }
}

# Billion laughs: refused at the first anchor, before anything expands.
{
	echo 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'
	prev=a
	for x in b c d e f g h i; do
		printf '%s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' \
		    $x $x $prev $prev $prev $prev $prev $prev $prev $prev $prev
		prev=$x
	done
} >"$tmp/bomb.yaml"
expect bomb.yaml 65 'bomb.yaml:1:4: error: YAML anchors and aliases'

# A 10 MB scalar.
{ printf 'survey:\n  id: "'; head -c 10485760 /dev/zero | tr '\0' a; printf '"\n'; } \
    >"$tmp/big.yaml"
expect big.yaml 65 'big.yaml:2:7: error: text of 10485760 bytes is longer'

# Nesting 10,000 deep.
{ printf 'survey: '; i=0; while [ $i -lt 10000 ]; do printf '['; i=$((i+1)); done; echo; } \
    >"$tmp/deep.yaml"
expect deep.yaml 65 'deep.yaml:1:[0-9]*: error: nesting deeper than 64 levels'

# Invalid UTF-8 in a label.
printf 'survey:\n  title: "caf\351"\n' >"$tmp/latin1.yaml"
expect latin1.yaml 65 'latin1.yaml:2:14: error: invalid text'

# NUL bytes.
printf 'survey:\n  id: a\000b\n' >"$tmp/nul.yaml"
expect nul.yaml 65 'nul.yaml:2:8: error: the file contains a NUL byte'

# Empty file, and one with only a comment.
: >"$tmp/empty.yaml"
expect empty.yaml 65 'empty.yaml: error: the file is empty'
echo '# nothing' >"$tmp/comment.yaml"
expect comment.yaml 65 'comment.yaml: error: the file is empty'

# A directory, and a missing file.
mkdir "$tmp/dir.yaml"
expect dir.yaml 65 'dir.yaml: error: not a regular file'
expect missing.yaml 66 'missing.yaml: error: cannot open: No such file'

# A scalar document instead of a mapping.
echo 'just text' >"$tmp/scalar.yaml"
expect scalar.yaml 65 'scalar.yaml:1:1: error: a questionnaire must be a mapping'

exit $fail
