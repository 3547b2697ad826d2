#!/bin/sh
# run.sh: `make bench` — runs every benchmark bench/*.sh (except this file
# and the sourced lib-*.sh) and reports which met its target. Each prints
# its own figures; exit status 1 if any missed its target or failed.
set -u
cd "$(dirname "$0")/.."
status=0
for b in bench/*.sh; do
	case $b in
	bench/run.sh | bench/lib-*.sh) continue ;;
	esac
	echo "== $b"
	if sh "$b"; then
		echo "== $b: target met"
	else
		echo "== $b: TARGET MISSED or error (status $?)"
		status=1
	fi
	echo
done
exit $status
