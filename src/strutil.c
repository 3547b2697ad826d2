/*
 * strutil.c: edit distance for "did you mean" and UTF-8 counting. Kept out
 * of the loader and the expression module so both suggest the same way.
 */
#include "strutil.h"

#include <stdint.h>
#include <string.h>

/*
 * Optimal string alignment distance: Levenshtein plus transposition of
 * two neighbours, the commonest typo ("lable" for "label").
 */
size_t
strutil_distance(const char *a, size_t alen, const char *b, size_t blen,
    size_t cap)
{
	size_t r0[64], r1[64], r2[64], *pp = r0, *prev = r1, *cur = r2, *t;
	size_t i, j;

	/* Identifiers are short; anything longer is not a typo of them. */
	if (alen >= 63 || blen >= 63)
		return cap + 1;
	if ((alen > blen ? alen - blen : blen - alen) > cap)
		return cap + 1;
	for (j = 0; j <= blen; j++)
		prev[j] = j;
	for (i = 1; i <= alen; i++) {
		size_t best;

		cur[0] = best = i;
		for (j = 1; j <= blen; j++) {
			size_t v = prev[j - 1] + (a[i - 1] != b[j - 1]);

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
		t = pp;
		pp = prev;
		prev = cur;
		cur = t;
	}
	return prev[blen];
}

const char *
strutil_suggest(const char *word, size_t len, const char *const *cands,
    size_t n)
{
	size_t cap = len < 4 ? 1 : len < 9 ? 2 : 3, best = (size_t)-1, i;
	const char *pick = NULL;

	for (i = 0; i < n; i++) {
		size_t dist;

		if (cands[i] == NULL)
			continue;
		dist = strutil_distance(word, len, cands[i], strlen(cands[i]),
		    cap);
		if (dist <= cap && dist < best) {
			best = dist;
			pick = cands[i];
		}
	}
	return pick;
}

size_t
strutil_utf8_len(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int
strutil_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	while (p < end) {
		unsigned c = *p++, need, cp, min;

		if (c < 0x80)
			continue;
		if ((c & 0xE0) == 0xC0)
			need = 1, cp = c & 0x1F, min = 0x80;
		else if ((c & 0xF0) == 0xE0)
			need = 2, cp = c & 0x0F, min = 0x800;
		else if ((c & 0xF8) == 0xF0)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			return 0;
		if ((size_t)(end - p) < need)
			return 0;
		while (need--) {
			if ((*p & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (*p++ & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
	}
	return 1;
}

/*
 * By hand rather than strtod: strtod follows LC_NUMERIC, so once the
 * screens call setlocale() a French enumerator's "5.5" would stop being a
 * number. At most 15 significant digits keep the mantissa exact in a
 * double, so one correctly rounded division by a power of ten gives the
 * nearest double to the decimal written.
 */
int
strutil_parse_decimal(const char *s, size_t len, double *out)
{
	static const double pow10[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
		1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
	size_t i = 0;
	int neg = 0, sig = 0, ndig[2] = { 0, 0 }, dot = 0;
	int64_t m = 0;

	if (i < len && (s[i] == '-' || s[i] == '+'))
		neg = s[i++] == '-';
	for (; i < len; i++) {
		if (s[i] == '.' && !dot) {
			dot = 1;
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (sig > 0 || s[i] != '0')
			sig++;
		if (sig > 15)
			return -1;
		m = m * 10 + (s[i] - '0');
		ndig[dot]++;
	}
	/* A digit before the dot, and after it if there is one: not ".5",
	 * not "5.". */
	if (ndig[0] == 0 || (dot && ndig[1] == 0) || ndig[1] > 15)
		return -1;
	*out = (double)m / pow10[ndig[1]];
	if (neg)
		*out = -*out;
	return 0;
}
