#!/bin/sh
# Every command that `lcsurvey --help` lists is in the SYNOPSIS of
# man/lcsurvey.1 and in README.md, and every command documented there
# exists: the docs stay true to the program.
set -eu
fail=0
cmds=$("$LCSURVEY" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }')
[ -n "$cmds" ] || { echo "no commands in --help"; exit 1; }
for c in $cmds; do
	mc=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
	grep -q "^\.SY \"lcsurvey $mc" man/lcsurvey.1 ||
	    { echo "man/lcsurvey.1: no SYNOPSIS line for '$c'"; fail=1; }
	grep -q "lcsurvey $c" README.md ||
	    { echo "README.md: '$c' is not mentioned"; fail=1; }
	"$LCSURVEY" "$c" --help >/dev/null ||
	    { echo "'lcsurvey $c --help' failed"; fail=1; }
done
for c in $(sed -n 's/^\.SY "lcsurvey \([a-z\\-]*\).*/\1/p' man/lcsurvey.1 | sed 's/\\-/-/g'); do
	echo "$cmds" | grep -qx "$c" ||
	    { echo "man/lcsurvey.1 documents '$c', which is not a command"; fail=1; }
done
exit $fail
