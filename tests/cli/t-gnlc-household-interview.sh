#!/bin/sh
# A whole household of three interviewed with surveys/gnlc-household.yaml
# through the scripted driver (the same engine and store as the screens):
# an employed woman answering for herself, her husband answered for by
# proxy, and their 8-year-old daughter. Checks the skip logic (a proxy gets
# no opinion question, a child only the roster), the calculations the
# indicators use, the proxy flag, the design fields and a "don't know".
set -eu
: "${LCSURVEY:=./lcsurvey}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db=$tmp/x.db
fail() { echo "FAIL: $*"; cat "$tmp/out"; exit 1; }

# One answer per line, in the order the driver asks (notes take an empty
# line). Member 1: Amina; member 2: Bo (proxy: Amina answers); member 3: Mei.
cat >"$tmp/in" <<'ANSWERS'
2
15
7
1.25
31
2025-03-01

1
3
1

Amina
2
42
1
1
2
12
1
1

1
1
1
0
2
0
1
1
1
1
1
3
1
2
1
1
4.5

4
3
4
3
2
2
1
1
Bo
1
45
2
0
9
1
3

0
1
0
0
0
0
0
3
2
0
0
1
4
:dk
1
0
Mei
2
8
3
1
1
2


complete
ANSWERS
"$LCSURVEY" script surveys/gnlc-household.yaml --db "$db" <"$tmp/in" >"$tmp/out"
uuid=$(sed -n 's/^interview //p' "$tmp/out")
grep -q "^complete $uuid\$" "$tmp/out" || fail "interview not completed"
grep -q '^! ' "$tmp/out" && fail "an answer was refused"
# The database: shared with t-gnlc-household-terminal.sh.
. "${TOP:-.}/tests/cli/lib-gnlc-household.sh"
gnlc_household_checks "$db"
[ "$gnlc_uuid" = "$uuid" ] || fail "not the scripted interview's uuid"

# Who was asked what, as the driver printed it.
asked() { grep -c "^? $1 $2\$" "$tmp/out" || true; }
[ "$(asked transport 1)" = 1 ] || fail "self-respondent not asked opinions"
for x in opinion_intro transport env_behaviour env_sat fam_situation \
    child_status job_training shared_internet; do
	[ "$(asked $x 2)" = 0 ] || fail "proxy/unemployed member 2 asked $x"
done
[ "$(asked proxy_line 2)" = 1 ] || fail "proxy line not asked"
[ "$(asked proxy_line 1)" = 0 ] || fail "proxy line asked of a self-respondent"
for x in mobile work self_report volunteer trained; do
	[ "$(asked $x 3)" = 0 ] || fail "child asked $x"
done
[ "$(asked schooling 3)" = 1 ] && [ "$(asked setting 3)" = 1 ] ||
    fail "child not asked schooling and learning setting"
[ "$(grep -c '^? name ' "$tmp/out")" = 3 ] || fail "not three members"

echo ok
