#!/bin/sh
# The report's figures are aggregate's: every estimate, interval, n and
# small-n flag of the HTML report equals `lcsurvey aggregate --format
# csv` rounded to the decimals shown (tests/report/compare.awk), every CSV
# row is in the report once, and the Markdown report shows the same
# figures in the same order. On the aggregation test dataset (two
# designs) and on simulated interviews of the three shipped instruments.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
LC_ALL=C
export LC_ALL

# KEY<TAB>EST<TAB>CI<TAB>N per estimate row of an HTML report.
html_rows() {
	awk '
	function attr(name,    s) {
		s = substr($0, index($0, " " name "=\"") + length(name) + 3)
		s = substr(s, 1, index(s, "\"") - 1)
		gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s)
		gsub(/&quot;/, "\"", s); gsub(/&#39;/, "\047", s)
		gsub(/&amp;/, "\\&", s)
		return s
	}
	function cell(class,    s) {
		s = "<td class=\"num " class "\">"
		s = substr($0, index($0, s) + length(s))
		return substr(s, 1, index(s, "</td>") - 1)
	}
	/^<tr class="[a-z]*" data-ind="/ {
		n = cell("n")
		sub(/ <span class="flag">†<\/span>/, " †", n)
		print attr("data-ind") "\t" attr("data-group") "\t" \
		    attr("data-cat") "\t" cell("est") "\t" cell("ci") "\t" n
	}' "$1"
}
# EST<TAB>CI<TAB>N per estimate row of a Markdown report.
md_rows() {
	awk '
	/^\| Area of focus \|/ { intable = 1; getline; next }
	!/^\| / { intable = 0 }
	intable {
		s = $0; sub(/ \|$/, "", s)
		n = split(s, f, / \| /)
		print f[n - 2] "\t" f[n - 1] "\t" f[n]
	}' "$1"
}
# check DB SMALL_N SURVEY...: the HTML against the CSV, the MD against the
# HTML.
check() {
	db=$1 smalln=$2; shift 2
	: >"$dir/csv"
	for y in "$@"; do
		id=$(sed -n 's/^  id: *//p' "$y" | head -1)
		"$LCSURVEY" aggregate --db "$db" --format csv --small-n "$smalln" \
		    "$y" 2>/dev/null | sed "s|^|$id	|" >>"$dir/csv"
	done
	"$LCSURVEY" report --db "$db" --format html --small-n "$smalln" \
	    -o "$dir/r.html" "$@" 2>/dev/null
	"$LCSURVEY" report --db "$db" --format md --small-n "$smalln" \
	    -o "$dir/r.md" "$@" 2>/dev/null
	html_rows "$dir/r.html" >"$dir/rows"
	awk -f tests/report/compare.awk csv=1 "$dir/csv" csv=0 "$dir/rows" ||
	    fail "the HTML report and the CSV differ"
	cut -f4- "$dir/rows" >"$dir/html.seq"
	md_rows "$dir/r.md" >"$dir/md.seq"
	[ -s "$dir/md.seq" ] || fail "no figures found in the Markdown"
	diff -u "$dir/html.seq" "$dir/md.seq" ||
	    fail "the Markdown and HTML reports differ"
}

db=$dir/t.db
"$LCSURVEY" import --db "$db" tests/aggregate/survey.yaml \
    tests/aggregate/data.csv >/dev/null
"$LCSURVEY" import --db "$db" tests/aggregate/survey-srs.yaml \
    tests/aggregate/data.csv >/dev/null
check "$db" 60 tests/aggregate/survey.yaml tests/aggregate/survey-srs.yaml

g=$dir/gnlc.db
"$LCSURVEY" simulate --n 120 --seed 5 --db "$g" surveys/gnlc-household.yaml \
    >/dev/null
"$LCSURVEY" simulate --n 60 --seed 6 --db "$g" surveys/gnlc-educator.yaml \
    >/dev/null
"$LCSURVEY" simulate --n 40 --seed 7 --db "$g" surveys/gnlc-enterprise.yaml \
    >/dev/null
check "$g" 30 surveys/gnlc-household.yaml surveys/gnlc-educator.yaml \
    surveys/gnlc-enterprise.yaml
echo "report figures match aggregate's CSV"
