#!/bin/sh
# rake.sh: builds bench/rake.c against src/calib.c and src/stats.c and runs
# it: raking 1,000,000 respondents to 3 margins, and the calibrated
# standard error of one estimate, in under 2 s (issue 11, point 3).
#
# usage: bench/rake.sh [-n N]
# Exit status: 0 target met, 1 not met, 2 error.
set -eu
cd "$(dirname "$0")/.."
CC=${CC:-cc}
out=build/bench
mkdir -p "$out"
$CC -std=c11 -O2 -Wall -Wextra -Werror -Wformat=2 -Wshadow \
	-Wwrite-strings -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wundef -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Isrc -o "$out/rake" bench/rake.c src/calib.c src/stats.c \
	src/xmalloc.c -lm
exec "$out/rake" "$@"
