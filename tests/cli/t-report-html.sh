#!/bin/sh
# `lcsurvey report --format html`: one self-contained file (no scripts,
# nothing fetched), well-formed XML, every questionnaire label escaped,
# and rendered by headless Chromium to a PNG (and printed to a PDF). The
# checks that need xmllint (libxml2-utils) or Chromium (chromium) are
# skipped with a "SKIP:" line when the tool is missing.
set -eu
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
db=$dir/t.db
y=tests/aggregate/survey.yaml
srs=tests/aggregate/survey-srs.yaml

"$LCSURVEY" import --db "$db" "$y" tests/aggregate/data.csv >/dev/null
"$LCSURVEY" import --db "$db" "$srs" tests/aggregate/data.csv >/dev/null
"$LCSURVEY" report --db "$db" --format html --small-n 60 -o "$dir/r.html" \
    "$y" "$srs"

# Self-contained: no script, no link, no image or font to fetch; the
# only URL is the SVG namespace.
grep -qi '<script' "$dir/r.html" && fail "a script in the report"
grep -Eqi '<link|<img|<iframe|@import|url\(| src=| href=' "$dir/r.html" &&
    fail "something fetched: $(grep -Eio '<link|<img|<iframe|@import|url\(| src=| href=' "$dir/r.html" | head -1)"
[ "$(grep -Eo 'https?://[^"]*' "$dir/r.html" | sort -u)" = \
    "http://www.w3.org/2000/svg" ] || fail "a URL other than the SVG namespace"
grep -q '@media print' "$dir/r.html" || fail "no print style"
# A chart per area of focus, with a whisker per bar.
[ "$(grep -c '<svg ' "$dir/r.html")" -eq 4 ] || fail "expected 4 charts"
[ "$(grep -c '<rect ' "$dir/r.html")" -eq "$(grep -c '<path class="ci"' "$dir/r.html")" ] ||
    fail "a bar without its confidence whisker"
grep -q '<figcaption id="fig1">Figure 1.1. Empowering individuals' \
    "$dir/r.html" || fail "figure caption"
grep -q 'Fewer than 60 respondents' "$dir/r.html" || fail "small-n footnote"

# Labels from a hostile questionnaire: escaped in HTML and Markdown.
sed -e 's|title: {en: Aggregation test survey}|title: {en: "<b>City</b> \& \\"Co\\" \| *x*"}|' \
    -e 's|name: {en: "Adults learning, last 12 months"}|name: {en: "<script>alert(1)</script> \& '"'"'x'"'"' \| *y* \\t[z](http://e.vil)"}|' \
    -e 's|label: {en: Male}|label: {en: "Male</text><script>x</script>"}|' \
    "$y" >"$dir/hostile.yaml"
grep -q '<script>alert' "$dir/hostile.yaml" || fail "hostile fixture not made"
"$LCSURVEY" import --db "$dir/h.db" "$dir/hostile.yaml" \
    tests/aggregate/data.csv >/dev/null
"$LCSURVEY" report --db "$dir/h.db" --format html -o "$dir/h.html" \
    "$dir/hostile.yaml"
"$LCSURVEY" report --db "$dir/h.db" --format md -o "$dir/h.md" \
    "$dir/hostile.yaml"
grep -qi '<script' "$dir/h.html" && fail "hostile label not escaped in HTML"
grep -qi '<b>City' "$dir/h.html" && fail "hostile title not escaped in HTML"
grep -q '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;x&#39;' \
    "$dir/h.html" || fail "escaped label missing from HTML"
grep -q 'Male&lt;/text&gt;&lt;script&gt;' "$dir/h.html" ||
    fail "escaped group label missing from HTML"
grep -q '\\<script\\>alert(1)\\</script\\> \\& '"'"'x'"'"' \\| \\\*y\\\*  \\\[z\\\](http://e.vil)' "$dir/h.md" ||
    fail "label not escaped in Markdown: $(grep -o '..script.alert.\{0,40\}' "$dir/h.md" | head -1)"
grep -Eq '(^|[^\\])<' "$dir/h.md" && fail "raw HTML in the Markdown"

if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$dir/r.html" || fail "report is not well-formed"
	xmllint --noout "$dir/h.html" || fail "hostile report is not well-formed"
	echo "xmllint: well-formed"
else
	echo "SKIP: xmllint not installed (Debian package libxml2-utils): well-formedness not checked"
fi

chrome=""
for c in chromium chromium-browser google-chrome; do
	if command -v "$c" >/dev/null 2>&1; then chrome=$c; break; fi
done
if [ -z "$chrome" ]; then
	echo "SKIP: chromium not installed (Debian package chromium): the HTML report was not rendered"
	exit 0
fi
render() {
	profile=$(mktemp -d "$dir/profile.XXXXXX")
	timeout 180 "$chrome" --headless --no-sandbox --disable-gpu \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --no-first-run --user-data-dir="$profile" "$@" \
	    >"$dir/chrome.log" 2>&1 ||
	    fail "$chrome failed: $(tail -3 "$dir/chrome.log")"
}
render --screenshot="$dir/r.png" --window-size=1200,1600 "file://$dir/r.html"
[ -f "$dir/r.png" ] || fail "no screenshot"
[ "$(head -c 8 "$dir/r.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] ||
    fail "the screenshot is not a PNG"
size=$(wc -c <"$dir/r.png")
# A blank 1200x1600 page compresses to a few KB; text and charts do not.
[ "$size" -gt 60000 ] || fail "screenshot of $size bytes: nothing rendered?"
render --print-to-pdf="$dir/r.pdf" --no-pdf-header-footer "file://$dir/r.html"
[ "$(head -c 5 "$dir/r.pdf")" = "%PDF-" ] || fail "no PDF printed"
pdfsize=$(wc -c <"$dir/r.pdf")
[ "${REPORT_KEEP:-}" = "" ] || cp "$dir/r.png" "$dir/r.pdf" "$dir/r.html" "$REPORT_KEEP"
echo "rendered by $chrome: PNG of $size bytes, PDF of $pdfsize bytes"
