# Compares the figures of a report with `lcsurvey aggregate --format csv`.
# Input: first the CSV rows, each prefixed by "SURVEY\t" (files given as
# csv=1), then the report's rows as "KEY\tEST\tCI\tN" lines (csv=0),
# KEY being "SURVEY/INDICATOR\tGROUP\tCATEGORY". A shown number is right
# when the CSV's value, printed with as many decimals as the report
# shows, is the same text. Every CSV row must be shown exactly once.
# Run with LC_ALL=C.
function csvsplit(line, f,    n, i, c, q, cur) {
	n = 0; cur = ""; q = 0
	for (i = 1; i <= length(line); i++) {
		c = substr(line, i, 1)
		if (q) {
			if (c == "\"") {
				if (substr(line, i + 1, 1) == "\"") { cur = cur "\""; i++ }
				else q = 0
			} else cur = cur c
		} else if (c == "\"") q = 1
		else if (c == ",") { f[++n] = cur; cur = "" }
		else cur = cur c
	}
	f[++n] = cur
	return n
}
function same(shown, v, what,    d, p) {
	sub(/%$/, "", shown)
	if (shown == "–") {
		if (v != "") bad(what ": shown as missing, CSV has " v)
		return
	}
	p = index(shown, ".")
	d = p ? length(shown) - p : 0
	if (v == "" || sprintf("%." d "f", v) != shown)
		bad(what ": report " shown ", CSV " v)
}
function bad(msg) { print "MISMATCH " key ": " msg; errors++ }
csv == 1 {
	split($0, h, "\t")
	line = substr($0, length(h[1]) + 2)
	if (line ~ /^indicator,code,name,/) next
	csvsplit(line, f)
	k = h[1] "/" f[1] "\t" f[4] "\t" f[5]
	n[k] = f[6]; est[k] = f[7]; lo[k] = f[9]; hi[k] = f[10]
	flag[k] = f[12]; want[k] = 1; nwant++
	next
}
{
	split($0, r, "\t")
	key = r[1] "\t" r[2] "\t" r[3]
	if (!(key in want)) { bad("not in the CSV"); next }
	if (seen[key]++) { bad("shown twice"); next }
	same(r[4], est[key], "estimate")
	shown_n = r[6]
	flagged = sub(/ †$/, "", shown_n)
	if (shown_n != n[key]) bad("n: report " shown_n ", CSV " n[key])
	if (flagged != (flag[key] == "small_n")) bad("small-n flag")
	if (r[5] == "–")
		same("–", lo[key], "CI")
	else {
		sep = index(r[5], " to ") ? " to " : "–"
		p = index(r[5], sep)
		same(substr(r[5], 1, p - 1), lo[key], "CI low")
		same(substr(r[5], p + length(sep)), hi[key], "CI high")
	}
	compared++
}
END {
	for (k in want) if (!(k in seen)) { key = k; bad("missing from the report") }
	printf "%d figures compared with the CSV, %d mismatches\n", compared, errors
	exit errors > 0 || compared == 0
}
