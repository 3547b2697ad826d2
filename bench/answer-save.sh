#!/bin/sh
# answer-save.sh: builds bench/answer-save.c against the store and runs it:
# the time to record one answer durably (store_answer_put) against a bare
# sqlite3 insert with the same pragmas, in the same run (issue 3, point 5).
#
# usage: bench/answer-save.sh [-n N] [-d DIR]
# DIR (default $TMPDIR or /tmp) should be on the same kind of disk as the
# field laptops' data/ directory: on tmpfs fsync costs nothing and the
# ratio measures CPU only. Exit status: 0 target met, 1 not met, 2 error.
set -eu
cd "$(dirname "$0")/.."
CC=${CC:-cc}
out=build/bench
mkdir -p "$out"
# shellcheck disable=SC2046
$CC -std=c11 -O2 -Wall -Wextra -Werror -Wformat=2 -Wshadow \
	-Wwrite-strings -Wstrict-prototypes -Wmissing-prototypes \
	-Wpointer-arith -Wundef -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Isrc -o "$out/answer-save" bench/answer-save.c src/store.c \
	src/xmalloc.c src/buf.c src/sec.c src/strutil.c \
	$(pkg-config --cflags --libs sqlite3 libsodium) -lm
exec "$out/answer-save" "$@"
