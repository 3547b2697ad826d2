#!/bin/sh
# Every measurement of the UNESCO Key Features of Learning Cities whose
# source of data is "Survey results" (or "Official data ... or survey
# results") must have an indicator in the shipped GNLC instruments, of the
# right kind, with the disaggregation the seed asks for; and every
# indicator there must carry its code, name, kind, unit, universe and
# numerator or value. Source: /work/shared/reference/gnlc-guiding-documents.md,
# section "2. List of key features and measurement".
#
# lcsurvey has no command that lists a questionnaire's indicators yet, so
# the files must first pass `lcsurvey check` (which proves the indicators
# load) and are then read with awk: the indicators block is the top-level
# key "indicators:", each indicator starts with "  - " and its keys are at
# four spaces. That is the house style of surveys/gnlc-*.yaml.
set -eu
: "${LCSURVEY:=./lcsurvey}"

# code  kind  at-least-how-many  what the seed measures
expected='
1.1.2 proportion 1 volunteering and community activities, last 12 months
1.1.3 ratio      1 seats held by women on boards of the top 10 enterprises
1.1.4 proportion 1 disadvantaged background, children will have higher status
1.2.4 mean       1 visits to museums, theatres, cinemas, concerts, sport per month
1.2.5 proportion 1 physical exercise or sports five times a week or more
1.3.2 rating     1 satisfaction with public transportation (5-point)
1.3.3 rating     1 perception of own environmental responsibility (5-point)
2.1.2 mean       1 mean years of schooling, aged 25 and over
2.1.3 proportion 1 education or training in the last 12 months, aged 25-64
2.2.2 proportion 2 community learning 2+ hours a week; family learning
2.3.1 proportion 1 employed people in job-related education and training
2.4.1 proportion 4 mobile phone; internet access; educators ICT training, ICT use
2.4.1 mean       1 hours a week using the internet for learning
2.5.2 proportion 1 socialised with people from other cultures regularly
2.5.4 proportion 1 learners satisfied with their learning environment
2.6.2 proportion 1 learners satisfied with information and counselling
3.3.4 proportion 1 helped other citizens learn at least once a month
'
# code  by-question  at-least-how-many (the seed's Male/Female/Total and
# "Schools / Community learning spaces" columns)
disagg='
2.1.2 sex     1
2.4.1 setting 2
2.5.4 setting 1
2.6.2 setting 1
'
# Optional survey-sourced codes an instrument may add.
optional='2.5.3'

files=$(ls surveys/gnlc-*.yaml)
[ -n "$files" ] || { echo "no surveys/gnlc-*.yaml"; exit 1; }
fail=0
for f in $files; do
	"$LCSURVEY" check -q "$f" || { echo "$f does not pass check"; fail=1; }
done

table=$(mktemp)
trap 'rm -f "$table"' EXIT
# One line per indicator: file id code kind unit universe numerator
# denominator value by name (a "-" for an absent key).
awk '
function unq(s) {
	sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s)
	if (s ~ /^".*"$/ || s ~ /^'\''.*'\''$/) s = substr(s, 2, length(s) - 2)
	return s
}
function flush() {
	if (!open) return
	printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", file,
	    v["id"], v["code"], v["kind"], v["unit"], v["universe"],
	    v["numerator"], v["denominator"], v["value"], v["by"], v["name"]
	open = 0
}
function reset(k) {
	split("id code kind unit universe numerator denominator value by name", k)
	for (i in k) v[k[i]] = "-"
	file = FILENAME
	open = 1
}
FNR == 1 { flush(); inind = 0 }
/^[ \t]*#/ || /^[ \t]*$/ { next }
/^[A-Za-z_]/ { flush(); inind = ($0 ~ /^indicators:[ \t]*$/); next }
!inind { next }
/^  - / { flush(); reset(); sub(/^  - /, "    ") }
/^    [a-z_]+:/ {
	key = $0; sub(/^    /, "", key); sub(/:.*/, "", key)
	val = $0; sub(/^    [a-z_]+:/, "", val); val = unq(val)
	if (key == "name") val = "yes"
	if (key == "by") { gsub(/[][ ]/, "", val) }
	if (val == "") val = "?"
	v[key] = val
}
END { flush() }
' $files >"$table"

n=$(wc -l <"$table")
echo "$n indicators in $files" | tr '\n' ' '; echo
[ "$n" -gt 0 ] || { echo "no indicators found"; exit 1; }

# Each indicator is complete.
while IFS='	' read -r file id code kind unit universe num den value by name; do
	where="$file: indicator '$id'"
	for pair in "code=$code" "name=$name" "kind=$kind" "unit=$unit" \
	    "universe=$universe"; do
		case $pair in
		*=-|*=\?) echo "$where has no ${pair%%=*}"; fail=1 ;;
		esac
	done
	case $kind in
	proportion) [ "$num" != - ] || { echo "$where has no numerator"; fail=1; } ;;
	ratio) [ "$num" != - ] && [ "$den" != - ] ||
	    { echo "$where needs numerator and denominator"; fail=1; } ;;
	mean|rating) [ "$value" != - ] || { echo "$where has no value"; fail=1; } ;;
	*) echo "$where: unknown kind '$kind'"; fail=1 ;;
	esac
	known=no
	for c in $(echo "$expected" | awk 'NF { print $1 }') $optional; do
		[ "$c" = "$code" ] && known=yes
	done
	[ "$known" = yes ] || {
		echo "$where: code '$code' is not a survey-sourced measurement"
		fail=1
	}
done <"$table"

# Every survey-sourced measurement is covered, with the right kind.
echo "$expected" | while read -r code kind min what; do
	[ -n "$code" ] || continue
	got=$(awk -F '\t' -v c="$code" -v k="$kind" \
	    '$3 == c && $4 == k' "$table" | wc -l)
	if [ "$got" -lt "$min" ]; then
		echo "MISSING $code ($what): $got $kind indicator(s), want $min"
		echo x >>"$table.fail"
	else
		echo "ok $code $kind x$got: $what"
	fi
done
# The seed's disaggregations.
echo "$disagg" | while read -r code by min; do
	[ -n "$code" ] || continue
	got=$(awk -F '\t' -v c="$code" -v b="$by" '$3 == c &&
	    ("," $10 ",") ~ ("," b ",")' "$table" | wc -l)
	if [ "$got" -lt "$min" ]; then
		echo "MISSING disaggregation of $code by $by ($got, want $min)"
		echo x >>"$table.fail"
	fi
done
if [ -f "$table.fail" ]; then
	rm -f "$table.fail"; fail=1
fi
exit $fail
