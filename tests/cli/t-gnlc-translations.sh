#!/bin/sh
# Every text of the GNLC instruments exists in en, fr, es and zh, is not
# empty, and is translated: the fr, es and zh texts differ from the English
# and the Chinese is written in Chinese characters.
#
# The files keep a house style that makes this checkable with awk (stated
# at the top of each): a text key (label, hint, title, name, consent,
# constraint_message) is alone on its line and followed by exactly four
# lines "en: ...", "fr: ...", "es: ...", "zh: ...", one line each, indented
# deeper; flow mappings ({en: ...}) and multi-line scalars are refused. The
# only inline value a text key may have is a roster's "label: [q, ...]",
# which names questions, not text.
set -eu

# English texts allowed to stay identical in another language (proper
# nouns, codes), one per line, exactly as in the file. Keep it empty if
# possible: reword a label rather than list it here.
allow='
'

files=$(ls surveys/gnlc-*.yaml)
[ -n "$files" ] || { echo "no surveys/gnlc-*.yaml"; exit 1; }
fail=0
for f in $files; do
	grep -Eq '^  languages: \[en, fr, es, zh\][[:space:]]*$' "$f" || {
		echo "$f: survey.languages must be [en, fr, es, zh]"; fail=1; }
done

LC_ALL=C awk -v allow="$allow" '
function unq(s) {
	sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s)
	if (s ~ /^".*"$/ || s ~ /^'\''.*'\''$/) s = substr(s, 2, length(s) - 2)
	return s
}
function indent(s) { match(s, /^ */); return RLENGTH }
function err(line, msg) {
	printf "%s:%d: %s\n", inblock_file != "" ? inblock_file : FILENAME,
	    line, msg; bad = 1
}
function close_block() {
	if (!inblock) return
	inblock = 0; nblocks++
	inblock_file = bfile
	check_block()
	inblock_file = ""
}
function check_block(   i, l) {
	if (nl != 4 || got[1] != "en" || got[2] != "fr" || got[3] != "es" ||
	    got[4] != "zh") {
		err(bline, "'\''" bkey "'\'' must have exactly en, fr, es, zh, in " \
		    "that order (has:" langs ")")
		return
	}
	for (i = 1; i <= 4; i++)
		if (txt[got[i]] == "") {
			err(bline, "'\''" bkey "'\'' has an empty " got[i] " text")
			return
		}
	for (i = 2; i <= 4; i++) {
		l = got[i]
		if (txt[l] == txt["en"] && !((txt["en"]) in allowed))
			err(bline, "'\''" bkey "'\'' in " l " is the English text " \
			    "(translate it): " txt["en"])
	}
	# Chinese: at least one CJK ideograph or CJK punctuation (UTF-8 lead
	# bytes E3..E9); French and Spanish: none.
	if (txt["zh"] !~ /[\343-\351]/)
		err(bline, "'\''" bkey "'\'' in zh has no Chinese characters: " \
		    txt["zh"])
	if (txt["fr"] ~ /[\344-\351]/ || txt["es"] ~ /[\344-\351]/)
		err(bline, "'\''" bkey "'\'' has Chinese characters in fr or es")
}
BEGIN {
	n = split(allow, a, "\n")
	for (i = 1; i <= n; i++) if (a[i] != "") allowed[a[i]] = 1
	textkeys = "^(label|hint|title|name|consent|constraint_message)$"
}
FNR == 1 { close_block() }
/^[ \t]*#/ || /^[ \t]*$/ { next }
{
	line = $0
	ind = indent(line)
	if (inblock && ind <= bind) close_block()
	if (line ~ /:[ \t]*\{/ || line ~ /^[ \t]*-[ \t]*\{/) {
		err(FNR, "flow mapping {...}: write one \"lang: text\" per line")
		next
	}
	if (inblock) {
		if (line !~ /^ *[a-z][a-z]: /) {
			err(FNR, "in '\''" bkey "'\'' expected \"lang: text\" on one " \
			    "line, got: " line)
			next
		}
		l = line; sub(/^ */, "", l); v = l
		l = substr(l, 1, 2); sub(/^[a-z][a-z]:/, "", v); v = unq(v)
		if (v ~ /^[|>]/)
			err(FNR, "multi-line text: keep each text on one line")
		got[++nl] = l; langs = langs " " l; txt[l] = v
		next
	}
	# A text key, possibly the first key of a list item ("- label:").
	key = line; sub(/^ *(- +)?/, "", key)
	if (key !~ /^[a-z_]+:/) next
	rest = key; sub(/^[a-z_]+:/, "", rest); sub(/:.*/, "", key)
	if (key !~ textkeys) next
	rest = unq(rest)
	if (rest == "") {
		inblock = 1; bkey = key; bline = FNR; nl = 0; langs = ""
		bfile = FILENAME
		delete txt; delete got
		# The key column: list markers count as indentation.
		k = line; sub(/[a-z_]+:.*$/, "", k); bind = length(k)
		next
	}
	if (key == "label" && rest ~ /^\[.*\]$/)
		next	# a roster label: question ids
	err(FNR, "'\''" key "'\'' must be a block of en/fr/es/zh lines, not " \
	    "inline text")
}
END {
	close_block()
	printf "checked %d texts\n", nblocks
	if (nblocks < 100) { print "too few texts found: is the style broken?"; bad = 1 }
	exit bad
}
' $files || fail=1
exit $fail
